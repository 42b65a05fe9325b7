package dev.vigil.offlinerl.serving;

import java.util.List;

/**
 * The conservative option used when the guardian says a case lies outside the data's support: continue the
 * current doses, never escalate. When the current doses are not known, no new doses are started ("hold") and the
 * answer says that a clinician must decide.
 *
 * @param choice the doses to continue; {@code actionId} -1, probability NaN
 * @param currentDosesKnown whether {@code choice} repeats known current doses (false: no current doses were given)
 * @param rules the rules evaluated on the fallback's doses
 * @param explanation the option in words
 */
public record Fallback(DoseChoice choice, boolean currentDosesKnown, List<RuleCheck> rules, String explanation) {

    /** The name of the documented option (docs/bedside.md). */
    public static final String OPTION = "continue-current-doses-no-escalation";

    public Fallback {
        rules = List.copyOf(rules);
    }
}
