/**
 * MeWM's dynamics model: a conditional VAE that maps a pre-treatment CT crop, its tumour mask, a TACE
 * protocol and noise to a simulated post-treatment CT and tumour-mask probability. Trained with DJL
 * ({@link dev.vigil.worldmodel.dynamics.DynamicsTrainer}), saved with a JSON manifest
 * ({@link dev.vigil.worldmodel.dynamics.DynamicsModelFiles}) and exported to ONNX for serving
 * ({@link dev.vigil.worldmodel.dynamics.DynamicsOnnxExporter}). See docs/world-model.md.
 */
package dev.vigil.worldmodel.dynamics;
