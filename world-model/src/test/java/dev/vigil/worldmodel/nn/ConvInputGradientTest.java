package dev.vigil.worldmodel.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Autograd's gradient of a conv layer with respect to its input, against the closed form in
 * {@link ConvReference}. libtorch 2.7.1's oneDNN gets it wrong on Vigil's CPUs (wrong in most draws,
 * NaN in a few) unless {@code DNNL_MAX_CPU_ISA=SSE41} was in the environment when the JVM started, so
 * this test fails loudly rather than flakily when the setting is missing.
 */
class ConvInputGradientTest {

  static final int TRIALS = 20;
  static final int SEED = 1_234;
  /** Bound on |autograd - exact| as a fraction of the sum of |g * w| over the terms of that element. */
  static final double TOLERANCE = 1e-4;

  private static final int BATCH = 2;
  private static final int CHANNELS = 3;
  private static final int FILTERS = 4;
  private static final int SIZE = 8;
  private static final int KERNEL = 3;
  private static final int PADDING = 1;

  /** One random draw: worst error of the forward pass and of the input gradient, and NaN counts. */
  record Trial(int index, double forwardError, double inputGradientError, int nanGradients) {}

  @Test
  void convInputGradientsMatchTheClosedForm() {
    assertThat(System.getenv("DNNL_MAX_CPU_ISA"))
        .as("DNNL_MAX_CPU_ISA must be SSE41 in the environment of the test JVM: without it libtorch 2.7.1's "
            + "oneDNN computes conv input gradients wrongly (or NaN) on these CPUs. The parent pom's surefire "
            + "configuration and ./vigil set it; a JVM cannot set its own environment, so when running this "
            + "test any other way start the JVM with DNNL_MAX_CPU_ISA=SSE41")
        .isEqualTo("SSE41");

    List<Trial> trials = runTrials(TRIALS, SEED);

    assertThat(trials).hasSize(TRIALS).allSatisfy(trial -> {
      assertThat(trial.nanGradients()).as("NaN input gradients in %s", trial).isZero();
      assertThat(trial.forwardError()).as("forward pass of %s", trial).isLessThanOrEqualTo(TOLERANCE);
      assertThat(trial.inputGradientError()).as("input gradient of %s", trial).isLessThanOrEqualTo(TOLERANCE);
    });
  }

  @Test
  void theComparisonRejectsAGradientFromTheUnflippedKernel() {
    // Engine-free check that the tolerance has teeth: a classic wrong gradient (true convolution with the
    // kernel instead of correlation with the flipped one) must fail it by orders of magnitude.
    Random random = new Random(SEED);
    double[][][][] w = new double[FILTERS][CHANNELS][KERNEL][KERNEL];
    double[][][][] flipped = new double[FILTERS][CHANNELS][KERNEL][KERNEL];
    double[][][][] g = new double[BATCH][FILTERS][SIZE][SIZE];
    for (int o = 0; o < FILTERS; o++) {
      for (int c = 0; c < CHANNELS; c++) {
        for (int a = 0; a < KERNEL; a++) {
          for (int b = 0; b < KERNEL; b++) {
            w[o][c][a][b] = random.nextGaussian();
          }
        }
        for (int a = 0; a < KERNEL; a++) {
          for (int b = 0; b < KERNEL; b++) {
            flipped[o][c][a][b] = w[o][c][KERNEL - 1 - a][KERNEL - 1 - b];
          }
        }
      }
    }
    for (double[][][] sample : g) {
      for (double[][] channel : sample) {
        for (double[] row : channel) {
          for (int j = 0; j < row.length; j++) {
            row[j] = random.nextGaussian();
          }
        }
      }
    }
    double[][][][] exact = ConvReference.inputGradient(g, w, PADDING, SIZE, SIZE);
    double[][][][] bound =
        ConvReference.inputGradient(ConvReference.abs(g), ConvReference.abs(w), PADDING, SIZE, SIZE);

    assertThat(worstError(exact, exact, bound)).isZero();
    assertThat(worstError(ConvReference.inputGradient(g, flipped, PADDING, SIZE, SIZE), exact, bound))
        .isGreaterThan(1_000 * TOLERANCE);
    exact[1][2][3][4] = Double.NaN;
    assertThat(worstError(exact, ConvReference.inputGradient(g, w, PADDING, SIZE, SIZE), bound)).isNaN();
  }

  /**
   * Draws {@code count} random convolutions (batch 2, 3 to 4 channels, 8x8, 3x3 kernel, padding 1, float32,
   * weights and bias requiring gradients as in a conv layer) and compares them with the closed form.
   */
  static List<Trial> runTrials(int count, int seed) {
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed(seed);
    List<Trial> trials = new ArrayList<>();
    try (NDManager root = engine.newBaseManager()) {
      for (int t = 0; t < count; t++) {
        try (NDManager manager = root.newSubManager()) {
          trials.add(trial(engine, manager, t));
        }
      }
    }
    return trials;
  }

  private static Trial trial(Engine engine, NDManager manager, int index) {
    NDArray x = manager.randomNormal(new Shape(BATCH, CHANNELS, SIZE, SIZE));
    NDArray w = manager.randomNormal(new Shape(FILTERS, CHANNELS, KERNEL, KERNEL));
    NDArray bias = manager.randomNormal(new Shape(FILTERS));
    NDArray g = manager.randomNormal(new Shape(BATCH, FILTERS, SIZE, SIZE));
    x.setRequiresGradient(true);
    w.setRequiresGradient(true);
    bias.setRequiresGradient(true);

    NDArray y;
    try (GradientCollector collector = engine.newGradientCollector()) {
      y = Conv2d.conv2d(x, w, bias, new Shape(1, 1), new Shape(PADDING, PADDING), new Shape(1, 1), 1)
          .singletonOrThrow();
      collector.backward(y.mul(g).sum()); // loss = sum(conv(x) * g), so dloss/dy = g
    }

    double[][][][] xs = values(x, BATCH, CHANNELS, SIZE, SIZE);
    double[][][][] ws = values(w, FILTERS, CHANNELS, KERNEL, KERNEL);
    double[][][][] gs = values(g, BATCH, FILTERS, SIZE, SIZE);
    double[] bs = toDoubles(bias);

    double[][][][] exactY = ConvReference.forward(xs, ws, PADDING);
    double[][][][] yBound = ConvReference.forward(ConvReference.abs(xs), ConvReference.abs(ws), PADDING);
    for (int n = 0; n < BATCH; n++) {
      for (int o = 0; o < FILTERS; o++) {
        for (double[] row : exactY[n][o]) {
          for (int j = 0; j < row.length; j++) {
            row[j] += bs[o];
          }
        }
        for (double[] row : yBound[n][o]) {
          for (int j = 0; j < row.length; j++) {
            row[j] += Math.abs(bs[o]);
          }
        }
      }
    }
    double[][][][] exactDx = ConvReference.inputGradient(gs, ws, PADDING, SIZE, SIZE);
    double[][][][] dxBound =
        ConvReference.inputGradient(ConvReference.abs(gs), ConvReference.abs(ws), PADDING, SIZE, SIZE);
    double[][][][] autogradDx = values(x.getGradient(), BATCH, CHANNELS, SIZE, SIZE);

    int nans = 0;
    for (double v : toDoubles(x.getGradient())) {
      nans += Double.isNaN(v) ? 1 : 0;
    }
    return new Trial(index, worstError(values(y, BATCH, FILTERS, SIZE, SIZE), exactY, yBound),
        worstError(autogradDx, exactDx, dxBound), nans);
  }

  /**
   * Largest |actual - exact| / bound, where bound is the sum of the absolute values of the terms that make
   * up that element (float32 rounding stays far below 1e-4 of it; a wrong term does not). NaN if any
   * element is NaN.
   */
  static double worstError(double[][][][] actual, double[][][][] exact, double[][][][] bound) {
    double worst = 0;
    for (int n = 0; n < exact.length; n++) {
      for (int c = 0; c < exact[n].length; c++) {
        for (int i = 0; i < exact[n][c].length; i++) {
          for (int j = 0; j < exact[n][c][i].length; j++) {
            double error = Math.abs(actual[n][c][i][j] - exact[n][c][i][j]) / bound[n][c][i][j];
            if (Double.isNaN(error)) {
              return Double.NaN;
            }
            worst = Math.max(worst, error);
          }
        }
      }
    }
    return worst;
  }

  private static double[][][][] values(NDArray array, int d0, int d1, int d2, int d3) {
    assertThat(array.getShape()).isEqualTo(new Shape(d0, d1, d2, d3));
    return ConvReference.reshape(toDoubles(array), d0, d1, d2, d3);
  }

  private static double[] toDoubles(NDArray array) {
    assertThat(array.getDataType()).isEqualTo(DataType.FLOAT32); // oneDNN's path, the one with the bug
    float[] floats = array.toFloatArray();
    double[] doubles = new double[floats.length];
    for (int i = 0; i < floats.length; i++) {
      doubles[i] = floats[i];
    }
    return doubles;
  }
}
