package dev.vigil.worldmodel.evaluation;

import dev.vigil.worldmodel.planner.HccCase;
import dev.vigil.worldmodel.planner.TrainingCase;
import dev.vigil.worldmodel.protocol.ProtocolSpace;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Baseline: the protocol clinicians gave most often in the training cases (lowest index on ties). */
public final class MostCommonChooser implements ProtocolChooser {

    private final TaceProtocol protocol;

    public MostCommonChooser(List<TrainingCase> training) {
        Map<TaceProtocol, Integer> counts = new LinkedHashMap<>();
        for (TrainingCase c : training) {
            if (ProtocolSpace.isValid(c.given())) {
                counts.merge(c.given(), 1, Integer::sum);
            }
        }
        TaceProtocol best = null;
        for (Map.Entry<TaceProtocol, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best) || (e.getValue().equals(counts.get(best))
                    && ProtocolSpace.indexOf(e.getKey()) < ProtocolSpace.indexOf(best))) {
                best = e.getKey();
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no training case was given a valid protocol");
        }
        protocol = best;
    }

    @Override
    public String name() {
        return "Most common clinician protocol (" + protocol.label() + ")";
    }

    @Override
    public TaceProtocol choose(HccCase patient) {
        return protocol;
    }

    public TaceProtocol protocol() {
        return protocol;
    }
}
