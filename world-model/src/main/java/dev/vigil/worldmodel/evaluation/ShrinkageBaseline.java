package dev.vigil.worldmodel.evaluation;

import dev.vigil.worldmodel.planner.TrainingCase;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import dev.vigil.worldmodel.volume.Mask;
import dev.vigil.worldmodel.volume.VolumeGeometry;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulation baseline: the average post/pre tumour-volume ratio of the protocol in training (all training cases'
 * mean when the protocol was never given), applied by keeping the deepest voxels of the pre-treatment mask
 * (depth = 6-connected distance to the outside), i.e. a uniform erosion to the predicted volume.
 */
public final class ShrinkageBaseline {

    private final Map<TaceProtocol, double[]> sums = new HashMap<>();
    private final double overall;

    public ShrinkageBaseline(List<TrainingCase> training) {
        double total = 0;
        for (TrainingCase c : training) {
            double ratio = (double) c.postMask().count() / c.pre().preMask().count();
            total += ratio;
            double[] s = sums.computeIfAbsent(c.given(), k -> new double[2]);
            s[0] += ratio;
            s[1]++;
        }
        overall = training.isEmpty() ? 1 : total / training.size();
    }

    /** Mean training volume ratio of the protocol, or of all training cases. */
    public double ratio(TaceProtocol protocol) {
        double[] s = sums.get(protocol);
        return s == null ? overall : s[0] / s[1];
    }

    /** The pre-treatment mask eroded to {@code ratio(protocol)} of its voxels. */
    public Mask predict(Mask pre, TaceProtocol protocol) {
        return keepDeepest(pre, (int) Math.round(Math.min(1, ratio(protocol)) * pre.count()));
    }

    /** The {@code keep} voxels of the mask farthest from its outside (ties by index). */
    static Mask keepDeepest(Mask mask, int keep) {
        VolumeGeometry g = mask.geometry();
        int n = g.voxelCount();
        int[] depth = new int[n];
        Arrays.fill(depth, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (!mask.get(i)) {
                depth[i] = 0;
                queue.add(i);
            }
        }
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int x = i % nx;
            int y = (i / nx) % ny;
            int z = i / (nx * ny);
            int[][] steps = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
            for (int[] s : steps) {
                int xx = x + s[0];
                int yy = y + s[1];
                int zz = z + s[2];
                if (xx < 0 || yy < 0 || zz < 0 || xx >= nx || yy >= ny || zz >= nz) {
                    continue;
                }
                int j = g.index(xx, yy, zz);
                if (depth[j] < 0) {
                    depth[j] = depth[i] + 1;
                    queue.add(j);
                }
            }
        }
        // Voxels of a mask touching no background (whole grid) get the largest depth.
        Integer[] inside = java.util.stream.IntStream.range(0, n).filter(mask::get).boxed().toArray(Integer[]::new);
        Arrays.sort(inside, Comparator.comparingInt((Integer i) -> depth[i] < 0 ? Integer.MAX_VALUE : depth[i])
                .reversed().thenComparingInt(i -> i));
        boolean[] out = new boolean[n];
        for (int k = 0; k < Math.min(keep, inside.length); k++) {
            out[inside[k]] = true;
        }
        return new Mask(g, out);
    }
}
