package dev.vigil.safety.contraindication;

import dev.vigil.safety.cost.RuleSetRef;
import java.util.List;

/**
 * A patient's contraindications under one rule set.
 *
 * @param ruleSet the rule set's id, version and hash
 * @param findings violated and unknown rules, in rule-set order
 */
public record ContraindicationResult(RuleSetRef ruleSet, List<ContraindicationFinding> findings) {

    public ContraindicationResult {
        findings = List.copyOf(findings);
    }

    /** Ids of the violated rules, in rule-set order. */
    public List<String> violatedIds() {
        return ids(ContraindicationFinding.Status.VIOLATED);
    }

    /** Ids of the rules that could not be decided. */
    public List<String> unknownIds() {
        return ids(ContraindicationFinding.Status.UNKNOWN);
    }

    public List<ContraindicationFinding> violations() {
        return findings.stream().filter(f -> f.status() == ContraindicationFinding.Status.VIOLATED).toList();
    }

    public boolean contraindicated() {
        return !violatedIds().isEmpty();
    }

    /** No rule violated and none unknown: every contraindication was checked and is absent. */
    public boolean clear() {
        return findings.isEmpty();
    }

    private List<String> ids(ContraindicationFinding.Status status) {
        return findings.stream().filter(f -> f.status() == status).map(ContraindicationFinding::ruleId).toList();
    }
}
