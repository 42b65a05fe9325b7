package dev.vigil.worldmodel.evaluation;

import dev.vigil.worldmodel.planner.HccCase;
import dev.vigil.worldmodel.protocol.TaceProtocol;

/** A way of choosing one valid protocol for a patient: the world model or a baseline. */
public interface ProtocolChooser {

    /** Name in the tables. */
    String name();

    /** The chosen protocol (valid). */
    TaceProtocol choose(HccCase patient);
}
