package dev.vigil.worldmodel.onnx;

/**
 * Summary of one batched simulation call.
 *
 * @param simulations number of simulations produced (protocols x draws)
 * @param executionProvider provider used ({@code CUDA} or {@code CPU})
 * @param nanos wall time of the call
 */
public record SimulationRun(int simulations, String executionProvider, long nanos) {}
