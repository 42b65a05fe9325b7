/**
 * The clinician's recommendation API: a posted current state (or a patient of the served policy's dataset) ->
 * the served policy's recommendation in clinical units with guardian verdict, every safety rule, similar patients
 * and versions, written to the audit trail. docs/bedside.md gives the contract.
 */
package dev.vigil.api.recommend;
