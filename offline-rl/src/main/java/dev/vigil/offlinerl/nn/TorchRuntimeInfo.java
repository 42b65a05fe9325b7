package dev.vigil.offlinerl.nn;

/**
 * What {@link TorchRuntime#check()} found.
 *
 * @param engineName DJL engine name, {@code "PyTorch"}
 * @param engineVersion libtorch version, e.g. {@code "2.7.1"}
 * @param device DJL default device, e.g. {@code "cpu()"}
 * @param offline whether DJL is in offline mode (always {@code true} once {@code check()} returned)
 * @param dnnlMaxCpuIsa the {@code DNNL_MAX_CPU_ISA} environment variable, or {@code null} if unset
 */
public record TorchRuntimeInfo(
    String engineName, String engineVersion, String device, boolean offline, String dnnlMaxCpuIsa) {

  /** Whether conv-layer input gradients can be trusted (see {@link TorchRuntime#requireExactConvGradients()}). */
  public boolean exactConvGradients() {
    return TorchRuntime.REQUIRED_DNNL_MAX_CPU_ISA.equals(dnnlMaxCpuIsa);
  }
}
