package dev.vigil.worldmodel.evaluation;

import dev.vigil.worldmodel.planner.HccCase;
import dev.vigil.worldmodel.planner.TacePlanner;
import dev.vigil.worldmodel.protocol.TaceProtocol;

/** The world model: the planner's rank-1 protocol (whatever the contraindications say; they do not rank). */
public final class WorldModelChooser implements ProtocolChooser {

    private final TacePlanner planner;

    public WorldModelChooser(TacePlanner planner) {
        this.planner = planner;
    }

    @Override
    public String name() {
        return "World model (MeWM planner)";
    }

    @Override
    public TaceProtocol choose(HccCase patient) {
        return TaceProtocol.parse(planner.plan(patient).plans().get(0).protocol());
    }
}
