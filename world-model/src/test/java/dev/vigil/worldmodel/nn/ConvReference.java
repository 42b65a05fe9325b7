package dev.vigil.worldmodel.nn;

/**
 * Closed-form 2-D convolution (stride 1, square zero padding, no dilation, one group) in plain double
 * loops, as DJL and PyTorch define it (cross-correlation): arrays are [batch][channel][row][column],
 * kernels [out channel][in channel][row][column].
 */
final class ConvReference {

  private ConvReference() {}

  /** out[n][o][i][j] = sum over c, a, b of w[o][c][a][b] * x[n][c][i + a - p][j + b - p] (zero outside x). */
  static double[][][][] forward(double[][][][] x, double[][][][] w, int padding) {
    int batch = x.length;
    int height = x[0][0].length;
    int width = x[0][0][0].length;
    int kh = w[0][0].length;
    int kw = w[0][0][0].length;
    double[][][][] out = new double[batch][w.length][height + 2 * padding - kh + 1][width + 2 * padding - kw + 1];
    for (int n = 0; n < batch; n++) {
      for (int o = 0; o < w.length; o++) {
        for (int i = 0; i < out[n][o].length; i++) {
          for (int j = 0; j < out[n][o][i].length; j++) {
            for (int c = 0; c < x[n].length; c++) {
              for (int a = 0; a < kh; a++) {
                for (int b = 0; b < kw; b++) {
                  int r = i + a - padding;
                  int s = j + b - padding;
                  if (r >= 0 && r < height && s >= 0 && s < width) {
                    out[n][o][i][j] += w[o][c][a][b] * x[n][c][r][s];
                  }
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Gradient of sum(forward(x, w, padding) * g) with respect to x, for an input of height x width:
   * every output position and channel adds g * w to each input position its kernel touches, which is
   * the full correlation of g with the flipped kernel.
   */
  static double[][][][] inputGradient(double[][][][] g, double[][][][] w, int padding, int height, int width) {
    int channels = w[0].length;
    int kh = w[0][0].length;
    int kw = w[0][0][0].length;
    double[][][][] dx = new double[g.length][channels][height][width];
    for (int n = 0; n < g.length; n++) {
      for (int o = 0; o < w.length; o++) {
        for (int i = 0; i < g[n][o].length; i++) {
          for (int j = 0; j < g[n][o][i].length; j++) {
            for (int c = 0; c < channels; c++) {
              for (int a = 0; a < kh; a++) {
                for (int b = 0; b < kw; b++) {
                  int r = i + a - padding;
                  int s = j + b - padding;
                  if (r >= 0 && r < height && s >= 0 && s < width) {
                    dx[n][c][r][s] += g[n][o][i][j] * w[o][c][a][b];
                  }
                }
              }
            }
          }
        }
      }
    }
    return dx;
  }

  /** Element-wise absolute value: inputGradient(abs(g), abs(w)) bounds the rounding error of each element. */
  static double[][][][] abs(double[][][][] t) {
    double[][][][] out = new double[t.length][][][];
    for (int n = 0; n < t.length; n++) {
      out[n] = new double[t[n].length][][];
      for (int c = 0; c < t[n].length; c++) {
        out[n][c] = new double[t[n][c].length][];
        for (int i = 0; i < t[n][c].length; i++) {
          out[n][c][i] = new double[t[n][c][i].length];
          for (int j = 0; j < t[n][c][i].length; j++) {
            out[n][c][i][j] = Math.abs(t[n][c][i][j]);
          }
        }
      }
    }
    return out;
  }

  /** Reshapes a flat row-major array (as NDArray.toDoubleArray() returns it) to [d0][d1][d2][d3]. */
  static double[][][][] reshape(double[] flat, int d0, int d1, int d2, int d3) {
    if (flat.length != d0 * d1 * d2 * d3) {
      throw new IllegalArgumentException(flat.length + " values for " + d0 + "x" + d1 + "x" + d2 + "x" + d3);
    }
    double[][][][] out = new double[d0][d1][d2][d3];
    int k = 0;
    for (int a = 0; a < d0; a++) {
      for (int b = 0; b < d1; b++) {
        for (int c = 0; c < d2; c++) {
          for (int d = 0; d < d3; d++) {
            out[a][b][c][d] = flat[k++];
          }
        }
      }
    }
    return out;
  }
}
