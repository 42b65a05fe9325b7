package dev.vigil.worldmodel.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The closed form that {@link ConvInputGradientTest} trusts, checked by hand and without any engine. */
class ConvReferenceTest {

  @Test
  void inputGradientOfAOneChannelConvolutionWorkedOutByHand() {
    // 1 channel, 3x3 input, 2x2 kernel w = [[1, 2], [3, 4]], no padding: the output is 2x2, and
    // g = [[1, 10], [100, 1000]] keeps the terms apart. Input position (r, s) receives g[i][j] * w[r-i][s-j]
    // from every output (i, j) whose kernel covers it:
    //   (0,0): g00 w00                                 = 1
    //   (0,1): g00 w01 + g01 w00                       = 2 + 10                 = 12
    //   (0,2): g01 w01                                 = 20
    //   (1,0): g00 w10 + g10 w00                       = 3 + 100                = 103
    //   (1,1): g00 w11 + g01 w10 + g10 w01 + g11 w00   = 4 + 30 + 200 + 1000    = 1234
    //   (1,2): g01 w11 + g11 w01                       = 40 + 2000              = 2040
    //   (2,0): g10 w10                                 = 300
    //   (2,1): g10 w11 + g11 w10                       = 400 + 3000             = 3400
    //   (2,2): g11 w11                                 = 4000
    double[][][][] w = {{{{1, 2}, {3, 4}}}};
    double[][][][] g = {{{{1, 10}, {100, 1000}}}};

    double[][][][] dx = ConvReference.inputGradient(g, w, 0, 3, 3);

    assertThat(dx[0][0]).isEqualTo(new double[][] {{1, 12, 20}, {103, 1234, 2040}, {300, 3400, 4000}});
  }

  @Test
  void paddingOneMakesA3x3KernelSeeOnlyItsCentreOnA1x1Input() {
    // With padding 1, the single output of a 1x1 input lies over the kernel's centre tap w[1][1] = 5.
    double[][][][] w = {{{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}}};
    double[][][][] x = {{{{2}}}};
    double[][][][] g = {{{{3}}}};

    assertThat(ConvReference.forward(x, w, 1)[0][0][0][0]).isEqualTo(10.0);
    assertThat(ConvReference.inputGradient(g, w, 1, 1, 1)[0][0][0][0]).isEqualTo(15.0);
  }

  @Test
  void forwardOfTheHandExample() {
    // x = [[1, 2, 3], [4, 5, 6], [7, 8, 9]], w = [[1, 2], [3, 4]]: out(0,0) = 1 + 4 + 12 + 20 = 37, etc.
    double[][][][] x = {{{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}}};
    double[][][][] w = {{{{1, 2}, {3, 4}}}};

    assertThat(ConvReference.forward(x, w, 0)[0][0]).isEqualTo(new double[][] {{37, 47}, {67, 77}});
  }

  @Test
  void inputGradientIsTheAdjointOfForward() {
    // <conv(x), g> = <x, dx> for every x: the defining property of the gradient of a linear map.
    Random random = new Random(7);
    double[][][][] x = gaussian(random, 2, 3, 8, 8);
    double[][][][] w = gaussian(random, 4, 3, 3, 3);
    double[][][][] g = gaussian(random, 2, 4, 8, 8);

    double lhs = dot(ConvReference.forward(x, w, 1), g);
    double rhs = dot(x, ConvReference.inputGradient(g, w, 1, 8, 8));

    assertThat(lhs).isCloseTo(rhs, within(1e-9 * Math.abs(lhs) + 1e-12));
  }

  @Test
  void reshapeIsRowMajor() {
    double[][][][] t = ConvReference.reshape(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 1, 2, 2, 2);

    assertThat(t[0][1][0][1]).isEqualTo(5.0);
    assertThat(ConvReference.abs(new double[][][][] {{{{-2, 3}}}})[0][0][0]).containsExactly(2, 3);
  }

  private static double[][][][] gaussian(Random random, int d0, int d1, int d2, int d3) {
    double[] flat = new double[d0 * d1 * d2 * d3];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = random.nextGaussian();
    }
    return ConvReference.reshape(flat, d0, d1, d2, d3);
  }

  private static double dot(double[][][][] a, double[][][][] b) {
    double sum = 0;
    for (int n = 0; n < a.length; n++) {
      for (int c = 0; c < a[n].length; c++) {
        for (int i = 0; i < a[n][c].length; i++) {
          for (int j = 0; j < a[n][c][i].length; j++) {
            sum += a[n][c][i][j] * b[n][c][i][j];
          }
        }
      }
    }
    return sum;
  }
}
