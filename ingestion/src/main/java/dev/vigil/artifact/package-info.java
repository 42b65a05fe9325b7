/**
 * The content-addressed artifact store: large numeric blobs (trajectory arrays, model weights, ONNX
 * files) live on disk under their SHA-256; the database only references them by hash.
 */
package dev.vigil.artifact;
