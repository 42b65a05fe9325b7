package dev.vigil.worldmodel.protocol;

import static dev.vigil.worldmodel.protocol.TaceComponent.ABSOLUTE_ALCOHOL;
import static dev.vigil.worldmodel.protocol.TaceComponent.CISPLATIN;
import static dev.vigil.worldmodel.protocol.TaceComponent.EPIRUBICIN;
import static dev.vigil.worldmodel.protocol.TaceComponent.GELATIN_SPONGE;
import static dev.vigil.worldmodel.protocol.TaceComponent.IDARUBICIN;
import static dev.vigil.worldmodel.protocol.TaceComponent.LIPIODOL;
import static dev.vigil.worldmodel.protocol.TaceComponent.LOBAPLATIN;
import static dev.vigil.worldmodel.protocol.TaceComponent.NEDAPLATIN;
import static dev.vigil.worldmodel.protocol.TaceComponent.OXALIPLATIN;
import static dev.vigil.worldmodel.protocol.TaceComponent.PIRARUBICIN;
import static dev.vigil.worldmodel.protocol.TaceComponent.PVA;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The valid TACE protocols (docs/tace-protocols.md): the conflict rules of MeWM's released code (with
 * Nedaplatin added to the platinum agents) and the shape of the plans its beam search builds (one or two
 * drugs; Lipiodol plus at most one more embolic). A protocol is valid when it breaks no rule; there are
 * {@value #VALID_COUNT} valid protocols.
 */
public final class ProtocolSpace {

    /** 36 drug sets (9 single drugs, 27 compatible pairs) x 5 embolic sets (Lipiodol alone or with one of 4). */
    public static final int VALID_COUNT = 180;

    private static final Set<TaceComponent> DRUGS = kind(TaceComponent.Kind.DRUG);
    private static final Set<TaceComponent> EMBOLICS_BESIDES_LIPIODOL = without(kind(TaceComponent.Kind.EMBOLIC),
            LIPIODOL);

    private static final List<ProtocolRule> RULES = List.of(
            new ProtocolRule("tace.platinum-exclusive", "platinum agents (Oxaliplatin, Lobaplatin, Cisplatin, "
                    + "Nedaplatin) exclude each other: same mechanism, additive nephro- and myelotoxicity",
                    EnumSet.of(OXALIPLATIN, LOBAPLATIN, CISPLATIN, NEDAPLATIN), 0, 1),
            new ProtocolRule("tace.anthracycline-exclusive", "anthracyclines (Epirubicin, Idarubicin, Pirarubicin) "
                    + "exclude each other: same mechanism, cumulative cardiotoxicity",
                    EnumSet.of(EPIRUBICIN, IDARUBICIN, PIRARUBICIN), 0, 1),
            new ProtocolRule("tace.alcohol-excludes-pva", "Absolute Alcohol excludes PVA: two permanent embolics "
                    + "risk non-target necrosis", EnumSet.of(ABSOLUTE_ALCOHOL, PVA), 0, 1),
            new ProtocolRule("tace.pva-excludes-gelatin-sponge", "PVA excludes Gelatin Sponge: permanent and "
                    + "temporary particles are not combined", EnumSet.of(PVA, GELATIN_SPONGE), 0, 1),
            new ProtocolRule("tace.lipiodol-required", "Lipiodol is always part of conventional TACE (the drug "
                    + "carrier and the embolic emulsion)", EnumSet.of(LIPIODOL), 1, 1),
            new ProtocolRule("tace.drug-count", "a protocol uses one or two drugs (the plans MeWM's search builds)",
                    DRUGS, 1, 2),
            new ProtocolRule("tace.embolic-count", "a protocol uses Lipiodol plus at most one more embolic agent",
                    EMBOLICS_BESIDES_LIPIODOL, 0, 1));

    private static final List<TaceProtocol> VALID = enumerate();

    private ProtocolSpace() {
    }

    /** Every rule, in the order {@link #check} reports them. */
    public static List<ProtocolRule> rules() {
        return RULES;
    }

    /** The ids of the rules {@code protocol} breaks, in rule order; empty when it is valid. */
    public static List<String> check(TaceProtocol protocol) {
        return violations(protocol).stream().map(RuleViolation::ruleId).toList();
    }

    /** The rules {@code protocol} breaks, each naming the components involved. */
    public static List<RuleViolation> violations(TaceProtocol protocol) {
        List<RuleViolation> violations = new ArrayList<>();
        for (ProtocolRule rule : RULES) {
            RuleViolation violation = rule.check(protocol);
            if (violation != null) {
                violations.add(violation);
            }
        }
        return violations;
    }

    public static boolean isValid(TaceProtocol protocol) {
        return violations(protocol).isEmpty();
    }

    /**
     * {@code protocol} when it is valid.
     *
     * @throws IllegalArgumentException naming the protocol, each broken rule and the agents in conflict
     */
    public static TaceProtocol requireValid(TaceProtocol protocol) {
        List<RuleViolation> violations = violations(protocol);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Protocol \"" + protocol.label() + "\" is not valid: " + String.join(
                    "; ", violations.stream().map(RuleViolation::message).toList()));
        }
        return protocol;
    }

    /**
     * Every valid protocol ({@value #VALID_COUNT}), in a fixed order: by first drug, that drug alone and then
     * with each later drug; for each drug set Lipiodol alone, then with Gelatin Sponge, PVA, Absolute Alcohol,
     * NBCA. A protocol's index in this list is stable.
     */
    public static List<TaceProtocol> validProtocols() {
        return VALID;
    }

    /** The index of {@code protocol} in {@link #validProtocols()}, or -1 when it is not valid. */
    public static int indexOf(TaceProtocol protocol) {
        return VALID.indexOf(protocol);
    }

    private static List<TaceProtocol> enumerate() {
        List<TaceComponent> drugs = new ArrayList<>(DRUGS);
        List<List<TaceComponent>> embolicSets = new ArrayList<>();
        embolicSets.add(List.of(LIPIODOL));
        for (TaceComponent extra : EMBOLICS_BESIDES_LIPIODOL) {
            embolicSets.add(List.of(LIPIODOL, extra));
        }
        List<TaceProtocol> valid = new ArrayList<>();
        for (int i = 0; i < drugs.size(); i++) {
            List<List<TaceComponent>> drugSets = new ArrayList<>();
            drugSets.add(List.of(drugs.get(i)));
            for (int j = i + 1; j < drugs.size(); j++) {
                drugSets.add(List.of(drugs.get(i), drugs.get(j)));
            }
            for (List<TaceComponent> drugSet : drugSets) {
                for (List<TaceComponent> embolics : embolicSets) {
                    TaceProtocol protocol = new TaceProtocol(drugSet, embolics);
                    if (isValid(protocol)) {
                        valid.add(protocol);
                    }
                }
            }
        }
        if (valid.size() != VALID_COUNT) {
            throw new IllegalStateException("The protocol rules allow " + valid.size() + " protocols, documented "
                    + VALID_COUNT + ": update VALID_COUNT and docs/tace-protocols.md together");
        }
        return List.copyOf(valid);
    }

    private static Set<TaceComponent> kind(TaceComponent.Kind kind) {
        Set<TaceComponent> set = EnumSet.noneOf(TaceComponent.class);
        for (TaceComponent component : TaceComponent.values()) {
            if (component.kind() == kind) {
                set.add(component);
            }
        }
        return set;
    }

    private static Set<TaceComponent> without(Set<TaceComponent> set, TaceComponent component) {
        Set<TaceComponent> copy = EnumSet.copyOf(set);
        copy.remove(component);
        return copy;
    }
}
