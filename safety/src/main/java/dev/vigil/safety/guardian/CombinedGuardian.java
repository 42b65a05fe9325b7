package dev.vigil.safety.guardian;

import java.util.List;

/**
 * Several guardians as one: a point is in support only where every one of them says so. Density and distance
 * guardians see how far a point lies from the logged data; an ensemble-disagreement guardian sees where a learned
 * model has stopped agreeing with itself. A policy trained against both avoids either kind of unfamiliar ground.
 *
 * <p>The verdict is that of the first guardian, in the order given, that flags the point, or else the first
 * guardian's: its score and threshold are on that guardian's own scale.
 */
public final class CombinedGuardian implements OodGuardian {

    private final List<OodGuardian> guardians;

    /**
     * @param guardians at least one, all judging points of the same dimension
     */
    public CombinedGuardian(List<OodGuardian> guardians) {
        if (guardians == null || guardians.isEmpty() || guardians.stream().anyMatch(g -> g == null)) {
            throw new IllegalArgumentException("A combined guardian needs at least one guardian and no null");
        }
        int d = guardians.get(0).dimension();
        for (OodGuardian g : guardians) {
            if (g.dimension() != d) {
                throw new IllegalArgumentException("Combined guardians must judge points of one dimension; got " + d
                        + " and " + g.dimension() + " (" + g.getClass().getSimpleName() + ")");
            }
        }
        this.guardians = List.copyOf(guardians);
    }

    @Override
    public GuardVerdict judge(double[] point) {
        GuardVerdict first = null;
        for (OodGuardian g : guardians) {
            GuardVerdict verdict = g.judge(point);
            if (!verdict.inSupport()) {
                return verdict;
            }
            if (first == null) {
                first = verdict;
            }
        }
        return first;
    }

    @Override
    public int dimension() {
        return guardians.get(0).dimension();
    }

    /** The guardians, in the order they are asked. */
    public List<OodGuardian> guardians() {
        return guardians;
    }
}
