package dev.vigil.api.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.run.TrainingRun;
import dev.vigil.safety.cost.CostBudget;
import java.io.IOException;

/** The per-episode cost budget a run was trained under. */
public final class SafetyBudget {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetyBudget() {
    }

    /** The run config's {@code costBudget}, wherever the algorithm nests it; OGSRL's 0.5 when it has none. */
    public static double of(TrainingRun run) {
        try {
            JsonNode found = JSON.readTree(run.getConfigJson()).findValue("costBudget");
            return found != null && found.isNumber() ? found.asDouble() : CostBudget.OGSRL_LIMIT;
        } catch (IOException e) {
            return CostBudget.OGSRL_LIMIT;
        }
    }
}
