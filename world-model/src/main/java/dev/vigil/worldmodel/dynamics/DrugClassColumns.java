package dev.vigil.worldmodel.dynamics;

import dev.vigil.worldmodel.protocol.TaceComponent;
import dev.vigil.worldmodel.protocol.TaceComponent.DrugClass;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed (not learned) map from the 14-term multi-hot protocol to drug-class columns: column k counts the
 * protocol's drugs of class k (1 in every valid protocol that has one, since a protocol has at most two drugs).
 * Only classes with at least two drugs in the vocabulary get a column (platinum, anthracycline): a class of one
 * drug has nothing to share, so its column would just repeat the drug's and the ridge on per-drug weights
 * ({@link TrainingConfig#drugInteractionDecay()}) would move its effect there instead of shrinking it.
 * The classes are public pharmacology ({@link TaceComponent#drugClass()}), not the synthetic cohort's truth.
 */
public final class DrugClassColumns {

    /** The classes that get a column, in {@link DrugClass} order. */
    public static final List<DrugClass> CLASSES = sharedClasses();

    private DrugClassColumns() {}

    /** Number of class columns. */
    public static int count() {
        return CLASSES.size();
    }

    /**
     * The [14, K] matrix, row-major: entry (t, k) is 1 when vocabulary term t is a drug of class k. The network
     * multiplies the multi-hot protocol [B, 14] by it (a MatMul with a constant initializer in ONNX).
     */
    public static float[] matrix() {
        List<String> terms = ProtocolVocabulary.TERMS;
        float[] matrix = new float[terms.size() * CLASSES.size()];
        for (int t = 0; t < terms.size(); t++) {
            int k = CLASSES.indexOf(component(terms.get(t)).drugClass());
            if (k >= 0) {
                matrix[t * CLASSES.size() + k] = 1f;
            }
        }
        return matrix;
    }

    /** The class columns of one multi-hot protocol (multi-hot times {@link #matrix()}). */
    public static float[] of(float[] multiHot) {
        int terms = ProtocolVocabulary.TERMS.size();
        if (multiHot.length != terms) {
            throw new IllegalArgumentException("protocol vector has " + multiHot.length + " entries, expected "
                    + terms);
        }
        float[] matrix = matrix();
        float[] columns = new float[CLASSES.size()];
        for (int t = 0; t < terms; t++) {
            for (int k = 0; k < columns.length; k++) {
                columns[k] += multiHot[t] * matrix[t * columns.length + k];
            }
        }
        return columns;
    }

    /**
     * Number of leading vocabulary terms that are drugs: the per-drug columns the drug ridge shrinks are
     * exactly terms 0..drugTerms-1 (the vocabulary lists the nine drugs first).
     */
    public static int drugTerms() {
        int n = 0;
        while (n < ProtocolVocabulary.TERMS.size() && component(ProtocolVocabulary.TERMS.get(n)).isDrug()) {
            n++;
        }
        for (int t = n; t < ProtocolVocabulary.TERMS.size(); t++) {
            if (component(ProtocolVocabulary.TERMS.get(t)).isDrug()) {
                throw new IllegalStateException("vocabulary term " + t + " is a drug after an embolic");
            }
        }
        return n;
    }

    private static TaceComponent component(String term) {
        return TaceComponent.ofName(term);
    }

    private static List<DrugClass> sharedClasses() {
        int[] members = new int[DrugClass.values().length];
        for (TaceComponent component : TaceComponent.values()) {
            members[component.drugClass().ordinal()]++;
        }
        List<DrugClass> classes = new ArrayList<>();
        for (DrugClass c : DrugClass.values()) {
            if (c != DrugClass.NONE && members[c.ordinal()] >= 2) {
                classes.add(c);
            }
        }
        return List.copyOf(classes);
    }
}
