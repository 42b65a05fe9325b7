package dev.vigil.offlinerl.nn;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up checks for DJL's PyTorch engine. Call {@link #check()} before the first NDArray is created:
 * it refuses to run unless DJL is offline, so nothing is ever downloaded at run time, and reports
 * which engine was loaded from the classpath.
 */
public final class TorchRuntime {

  /** DJL engine Vigil trains with. */
  public static final String ENGINE_NAME = "PyTorch";
  /** System property that stops DJL from downloading anything. */
  public static final String OFFLINE_PROPERTY = "ai.djl.offline";
  /** Environment variable that caps oneDNN's instruction set. */
  public static final String DNNL_MAX_CPU_ISA = "DNNL_MAX_CPU_ISA";
  /** The cap under which libtorch 2.7.1's conv input gradients are exact on Vigil's machines. */
  public static final String REQUIRED_DNNL_MAX_CPU_ISA = "SSE41";

  /** A jar the engine needs: Maven coordinates and something on the classpath only it provides. */
  private record RequiredJar(String coordinates, String resource) {}

  private static final List<RequiredJar> REQUIRED_JARS = List.of(
      new RequiredJar("ai.djl.pytorch:pytorch-engine", "ai/djl/pytorch/engine/PtEngineProvider.class"),
      new RequiredJar("ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0", "jnilib/pytorch.properties"),
      new RequiredJar(
          "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64", "native/lib/pytorch.properties"));

  private TorchRuntime() {}

  /**
   * Checks that DJL is offline and loads the PyTorch engine from the classpath (or from
   * {@code DJL_CACHE_DIR}, where DJL unpacks the native jar). Never downloads anything: the offline
   * check runs before the engine is touched.
   *
   * @return what was loaded
   * @throws IllegalStateException if {@code ai.djl.offline} is not {@code true}, or the engine cannot load
   */
  public static TorchRuntimeInfo check() {
    String offline = System.getProperty(OFFLINE_PROPERTY);
    // DJL's own view: the DJL_OFFLINE environment variable overrides the property.
    if (!"true".equals(offline) || !Utils.isOfflineMode()) {
      throw new IllegalStateException("DJL is not in offline mode (-D" + OFFLINE_PROPERTY + "=" + offline
          + ", DJL_OFFLINE=" + System.getenv("DJL_OFFLINE") + "): set -D" + OFFLINE_PROPERTY
          + "=true; Vigil never downloads at run time — the launcher and test runner set it"
          + " (an environment variable DJL_OFFLINE overrides the property: leave it unset or true)");
    }
    Engine engine;
    try {
      engine = Engine.getEngine(ENGINE_NAME);
    } catch (RuntimeException | LinkageError e) {
      List<String> missing = missingJars(TorchRuntime.class.getClassLoader());
      throw new IllegalStateException("The DJL PyTorch engine could not load offline: "
          + (missing.isEmpty()
              ? "all engine jars are on the classpath; see the cause (is DJL_CACHE_DIR writable?)"
              : "missing from the classpath: " + String.join(", ", missing)
                  + " (they are dependencies of vigil-offline-rl; run through ./vigil or Maven)"),
          e);
    }
    return new TorchRuntimeInfo(engine.getEngineName(), engine.getVersion(),
        engine.defaultDevice().toString(), true, System.getenv(DNNL_MAX_CPU_ISA));
  }

  /**
   * Refuses to go on unless conv-layer input gradients are exact: anything that backpropagates through
   * a convolution into its input (a conv layer that is not the first) calls this first.
   *
   * @throws IllegalStateException if the environment variable {@code DNNL_MAX_CPU_ISA} is not {@code SSE41}
   */
  public static void requireExactConvGradients() {
    requireExactConvGradients(System.getenv(DNNL_MAX_CPU_ISA));
  }

  static void requireExactConvGradients(String dnnlMaxCpuIsa) {
    if (!REQUIRED_DNNL_MAX_CPU_ISA.equals(dnnlMaxCpuIsa)) {
      throw new IllegalStateException(DNNL_MAX_CPU_ISA + " is " + (dnnlMaxCpuIsa == null ? "unset" : "'"
          + dnnlMaxCpuIsa + "'") + ", not " + REQUIRED_DNNL_MAX_CPU_ISA + ": on these CPUs libtorch 2.7.1's "
          + "oneDNN computes the gradient with respect to a conv layer's input wrongly (NaN in some runs) "
          + "unless its ISA is capped. A JVM cannot change its own environment, so the variable must be set "
          + "before the JVM starts: run through ./vigil (which sets it) or start the JVM "
          + "with " + DNNL_MAX_CPU_ISA + "=" + REQUIRED_DNNL_MAX_CPU_ISA + " (MLP training is unaffected)");
    }
  }

  static List<String> missingJars(ClassLoader loader) {
    List<String> missing = new ArrayList<>();
    for (RequiredJar jar : REQUIRED_JARS) {
      if (loader.getResource(jar.resource()) == null) {
        missing.add(jar.coordinates());
      }
    }
    return missing;
  }
}
