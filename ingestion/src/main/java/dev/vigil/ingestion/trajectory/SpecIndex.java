package dev.vigil.ingestion.trajectory;

import dev.vigil.ingestion.cohort.ActionSource;
import dev.vigil.ingestion.cohort.ActionSpec;
import dev.vigil.ingestion.cohort.AnchorResource;
import dev.vigil.ingestion.cohort.Code;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.FeatureSpec;
import dev.vigil.ingestion.cohort.IngredientSpec;
import dev.vigil.ingestion.cohort.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** A cohort specification's codes as hash lookups, keyed by {@code system|code}. Immutable. */
final class SpecIndex {

    /** An ingredient of an action: which action, which ingredient of it. */
    record IngredientRef(int action, int ingredient) {
    }

    private final CohortSpec spec;
    private final Map<String, int[]> features = new HashMap<>();
    private final Map<String, List<IngredientRef>> medications = new HashMap<>();
    private final Map<String, List<Integer>> procedures = new HashMap<>();
    private final Map<String, List<IngredientRef>> components = new HashMap<>();
    private final Set<String> anchors = new HashSet<>();
    private final Set<String> inclusions = new HashSet<>();
    private final Set<String> stayClasses = new HashSet<>();

    SpecIndex(CohortSpec spec) {
        this.spec = spec;
        for (int f = 0; f < spec.features().size(); f++) {
            FeatureSpec feature = spec.features().get(f);
            for (Code code : feature.codes()) {
                int[] byType = features.computeIfAbsent(code.toString(), k -> new int[] {-1, -1, -1});
                byType[feature.value().ordinal()] = f;
            }
        }
        for (int a = 0; a < spec.actions().size(); a++) {
            ActionSpec action = spec.actions().get(a);
            for (int i = 0; i < action.ingredients().size(); i++) {
                IngredientSpec ingredient = action.ingredients().get(i);
                for (Code code : ingredient.codes()) {
                    Map<String, List<IngredientRef>> target =
                            action.source() == ActionSource.PROCEDURE_COMPONENT ? components : medications;
                    target.computeIfAbsent(code.toString(), k -> new ArrayList<>()).add(new IngredientRef(a, i));
                }
            }
            for (Code code : action.procedureCodes()) {
                procedures.computeIfAbsent(code.toString(), k -> new ArrayList<>()).add(a);
            }
        }
        spec.anchor().codes().forEach(code -> anchors.add(code.toString()));
        if (spec.inclusion() != null) {
            spec.inclusion().conditions().forEach(code -> inclusions.add(code.toString()));
        }
        if (spec.stay() != null) {
            spec.stay().encounterClasses().forEach(code -> stayClasses.add(code.toString()));
        }
    }

    CohortSpec spec() {
        return spec;
    }

    static String key(Coding coding) {
        return coding.getSystem() + "|" + coding.getCode();
    }

    /** Feature indexes for a code, by {@link ValueType} ordinal (-1 where none), or null. */
    int[] features(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            int[] match = features.get(key(coding));
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    List<IngredientRef> medication(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            List<IngredientRef> match = medications.get(key(coding));
            if (match != null) {
                return match;
            }
        }
        return List.of();
    }

    /** Actions reading components of a Procedure with this code. */
    List<Integer> procedureActions(CodeableConcept code) {
        List<Integer> actions = new ArrayList<>();
        for (Coding coding : code.getCoding()) {
            for (Integer action : procedures.getOrDefault(key(coding), List.of())) {
                if (!actions.contains(action)) {
                    actions.add(action);
                }
            }
        }
        return actions;
    }

    List<IngredientRef> component(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            List<IngredientRef> match = components.get(key(coding));
            if (match != null) {
                return match;
            }
        }
        return List.of();
    }

    boolean isAnchor(AnchorResource resource, CodeableConcept code) {
        return spec.anchor().resource() == resource && anyIn(code, anchors);
    }

    boolean isInclusion(CodeableConcept code) {
        return anyIn(code, inclusions);
    }

    boolean isStayClass(Coding coding) {
        return coding != null && stayClasses.contains(key(coding));
    }

    /** The first coding as {@code system|code}, for messages (codes are terminology, not patient data). */
    static String describe(CodeableConcept code) {
        if (code == null || code.getCoding().isEmpty()) {
            return "(no coding)";
        }
        return key(code.getCodingFirstRep());
    }

    private static boolean anyIn(CodeableConcept code, Set<String> keys) {
        if (code == null || keys.isEmpty()) {
            return false;
        }
        for (Coding coding : code.getCoding()) {
            if (keys.contains(key(coding))) {
                return true;
            }
        }
        return false;
    }
}
