/**
 * CDS Hooks 2.0: discovery, the sepsis {@code patient-view} and {@code order-select} services, and feedback.
 * Callers are EHRs, authenticated by a signed bearer JWT ({@link dev.vigil.api.cds.CdsJwtVerifier}: asymmetric
 * algorithms only, issuers allow-listed by configuration), not by Vigil users and roles. Prefetched (or fetched)
 * FHIR R4 resources are mapped to the served policy's state with the cohort specification's codes and units
 * ({@link dev.vigil.api.cds.FhirStateMapper}); every card response and feedback goes to the audit trail.
 * docs/bedside.md describes the services.
 */
package dev.vigil.api.cds;
