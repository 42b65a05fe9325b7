/**
 * Safety-constraint reports of trained runs: computed with the safety module on the run's data under a
 * registered rule-set version, stored as JSON, HTML and PDF artifacts.
 */
package dev.vigil.api.safety;
