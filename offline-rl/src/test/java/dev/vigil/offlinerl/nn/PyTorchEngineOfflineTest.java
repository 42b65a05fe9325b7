package dev.vigil.offlinerl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch engine loads from the classpath with {@code ai.djl.offline=true} (set by surefire, as by the
 * launcher) and really trains: a tiny MLP on a fixed regression problem, deterministically.
 */
class PyTorchEngineOfflineTest {

  private static final int SEED = 20_240_611;
  private static final int STEPS = 8;

  @Test
  void pytorchEngineLoadsOffline() {
    assertThat(System.getProperty("ai.djl.offline")).as("surefire sets -Dai.djl.offline=true").isEqualTo("true");

    Engine engine = Engine.getEngine("PyTorch");

    assertThat(engine.getEngineName()).isEqualTo("PyTorch");
    assertThat(engine.getVersion()).isEqualTo("2.7.1");
  }

  @Test
  void checkReportsTheOfflineEngine() {
    TorchRuntimeInfo info = TorchRuntime.check();

    assertThat(info.offline()).isTrue();
    assertThat(info.engineName()).isEqualTo("PyTorch");
    assertThat(info.engineVersion()).isEqualTo("2.7.1");
    assertThat(info.device()).isEqualTo(Device.cpu().toString());
    // The parent pom's surefire configuration sets it, as ./vigil does.
    assertThat(info.dnnlMaxCpuIsa()).isEqualTo("SSE41");
    assertThat(info.exactConvGradients()).isTrue();
    assertThatCode(TorchRuntime::requireExactConvGradients).doesNotThrowAnyException();
  }

  @Test
  void checkRefusesToRunOnline() {
    String previous = System.getProperty("ai.djl.offline");
    System.setProperty("ai.djl.offline", "false");
    try {
      assertThatThrownBy(TorchRuntime::check)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("set -Dai.djl.offline=true; Vigil never downloads at run time");
    } finally {
      System.setProperty("ai.djl.offline", previous);
    }
  }

  @Test
  void requireExactConvGradientsExplainsTheOneDnnBug() {
    assertThatThrownBy(() -> TorchRuntime.requireExactConvGradients("AVX2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DNNL_MAX_CPU_ISA is 'AVX2', not SSE41")
        .hasMessageContaining("oneDNN")
        .hasMessageContaining("before the JVM starts")
        .hasMessageContaining("./vigil");
    assertThatThrownBy(() -> TorchRuntime.requireExactConvGradients(null))
        .hasMessageContaining("DNNL_MAX_CPU_ISA is unset");
    assertThatCode(() -> TorchRuntime.requireExactConvGradients("SSE41")).doesNotThrowAnyException();
  }

  @Test
  void engineJarsAreAllOnTheTestClasspath() {
    assertThat(TorchRuntime.missingJars(getClass().getClassLoader())).isEmpty();
    // A class loader that sees nothing names every jar.
    assertThat(TorchRuntime.missingJars(new ClassLoader(null) {}))
        .containsExactly("ai.djl.pytorch:pytorch-engine", "ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0",
            "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64");
  }

  @Test
  void mlpTrainsOfflineAndDeterministically() {
    TorchRuntime.check();

    Run first = train(SEED);
    Run second = train(SEED);

    assertThat(first.losses()).hasSize(STEPS + 1).allSatisfy(loss -> assertThat(loss).isFinite());
    for (int i = 1; i < first.losses().size(); i++) {
      assertThat(first.losses().get(i)).as("loss after step %d of %s", i, first.losses())
          .isLessThan(first.losses().get(i - 1));
    }
    assertThat(first.losses().get(STEPS)).isLessThan(0.9f * first.losses().get(0));
    for (int p = 0; p < first.initialParameters().size(); p++) {
      assertThat(first.finalParameters().get(p)).as("parameter %d moved", p)
          .isNotEqualTo(first.initialParameters().get(p));
    }

    assertThat(second.losses()).as("same seed, same losses").containsExactlyElementsOf(first.losses());
    assertThat(second.finalParameters()).usingRecursiveComparison().isEqualTo(first.finalParameters());
  }

  private record Run(List<Float> losses, List<float[]> initialParameters, List<float[]> finalParameters) {}

  /** Full-batch Adam on y = sin(2 x0) + x1^2 / 2 over a fixed 8x4 grid in [-1, 1]^2. */
  private static Run train(int seed) {
    Engine.getEngine("PyTorch").setRandomSeed(seed);
    SequentialBlock mlp = new SequentialBlock()
        .add(Linear.builder().setUnits(16).build())
        .add(Activation::tanh)
        .add(Linear.builder().setUnits(1).build());
    DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build());
    int n = 32;
    float[] xs = new float[2 * n];
    float[] ys = new float[n];
    for (int i = 0; i < n; i++) {
      float x0 = -1f + 2f * (i % 8) / 7f;
      float x1 = -1f + 2f * (i / 8) / 3f;
      xs[2 * i] = x0;
      xs[2 * i + 1] = x1;
      ys[i] = (float) Math.sin(2 * x0) + x1 * x1 / 2;
    }
    try (Model model = Model.newInstance("mlp", Device.cpu(), "PyTorch")) {
      model.setBlock(mlp);
      try (Trainer trainer = model.newTrainer(config)) {
        NDManager manager = trainer.getManager();
        NDArray x = manager.create(xs, new Shape(n, 2));
        NDArray y = manager.create(ys, new Shape(n, 1));
        trainer.initialize(new Shape(n, 2));
        List<Parameter> parameters = new ArrayList<>(mlp.getParameters().values());
        List<float[]> initial = snapshot(parameters);

        List<Float> losses = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray loss = loss(trainer, x, y);
            collector.backward(loss);
            losses.add(loss.getFloat());
          }
          trainer.step();
          // DJL's PyTorch gradient collector accumulates: zero the gradients after every step.
          for (Parameter parameter : parameters) {
            NDArray gradient = parameter.getArray().getGradient();
            gradient.subi(gradient);
          }
        }
        losses.add(loss(trainer, x, y).getFloat());
        return new Run(losses, initial, snapshot(parameters));
      }
    }
  }

  private static NDArray loss(Trainer trainer, NDArray x, NDArray y) {
    NDList prediction = trainer.forward(new NDList(x));
    return trainer.getLoss().evaluate(new NDList(y), prediction);
  }

  private static List<float[]> snapshot(List<Parameter> parameters) {
    List<float[]> values = new ArrayList<>();
    for (Parameter parameter : parameters) {
      values.add(parameter.getArray().toFloatArray());
    }
    return values;
  }
}
