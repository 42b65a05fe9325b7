package dev.vigil.worldmodel.evaluation;

import dev.vigil.worldmodel.planner.HccCase;
import dev.vigil.worldmodel.planner.PlanResult;
import dev.vigil.worldmodel.planner.TacePlanner;
import dev.vigil.worldmodel.protocol.TaceProtocol;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The world model: the planner's rank-1 protocol (whatever the contraindications say; they do not rank). It keeps
 * every patient's full ranking, so that an experiment can write every protocol's risk next to the truth.
 */
public final class WorldModelChooser implements ProtocolChooser {

    private final TacePlanner planner;
    private final Map<String, PlanResult> rankings = new LinkedHashMap<>();

    public WorldModelChooser(TacePlanner planner) {
        this.planner = planner;
    }

    @Override
    public String name() {
        return "World model (MeWM planner)";
    }

    @Override
    public TaceProtocol choose(HccCase patient) {
        PlanResult result = planner.plan(patient);
        rankings.put(patient.patientId(), result);
        return TaceProtocol.parse(result.plans().get(0).protocol());
    }

    /** The full ranking of every patient chosen for so far, by patient id, in the order they were planned. */
    public Map<String, PlanResult> rankings() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(rankings));
    }
}
