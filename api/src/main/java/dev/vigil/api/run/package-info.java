/**
 * The run registry: training runs with their algorithm, dataset, config, seed and code version, metrics per
 * iteration, and the trained policy in the artifact store.
 */
package dev.vigil.api.run;
