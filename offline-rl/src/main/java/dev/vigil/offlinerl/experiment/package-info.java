/**
 * Experiment and benchmark mains on the synthetic ICU sepsis cohort: {@code IcuSepsisExperiment} (discretised
 * OGSRL), {@code ContinuousIcuExperiment} (model-based TRPO / CPO / guarded Lagrangian on continuous doses) and
 * {@code ContinuousBenchmark} (their speed). Results are scored with the simulator's true dynamics.
 */
package dev.vigil.offlinerl.experiment;
