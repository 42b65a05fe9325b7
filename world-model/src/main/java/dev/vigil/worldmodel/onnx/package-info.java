/**
 * ONNX for the world model: operators missing from tribuo-util-onnx's graph builder, the input/output
 * contract every dynamics model must meet, execution-provider selection (CUDA or CPU) and the
 * {@link dev.vigil.worldmodel.onnx.WorldModelSession} that runs batched simulations with ONNX Runtime.
 */
package dev.vigil.worldmodel.onnx;
