package dev.vigil.worldmodel.evaluation;

import dev.vigil.worldmodel.planner.HccCase;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.List;
import java.util.SplittableRandom;

/** Baseline: a uniformly random valid protocol, seeded per patient (so the order of patients does not matter). */
public final class RandomChooser implements ProtocolChooser {

    private final long seed;

    public RandomChooser(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "Random valid plan";
    }

    @Override
    public TaceProtocol choose(HccCase patient) {
        List<TaceProtocol> valid = ProtocolSpace.validProtocols();
        long mixed = seed * 0x9E3779B97F4A7C15L + patient.patientId().hashCode();
        return valid.get(new SplittableRandom(mixed).nextInt(valid.size()));
    }
}
