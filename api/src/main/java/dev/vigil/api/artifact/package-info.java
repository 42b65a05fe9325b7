/**
 * Artifacts as the service sees them: blobs in the content-addressed store on disk
 * ({@link dev.vigil.artifact.ArtifactStore}), each recorded in the database with its kind and who stored it.
 */
package dev.vigil.api.artifact;
