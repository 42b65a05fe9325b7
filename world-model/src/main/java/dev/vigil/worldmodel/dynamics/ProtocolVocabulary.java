package dev.vigil.worldmodel.dynamics;

import dev.vigil.worldmodel.onnx.WorldModelContract;
import java.util.Collection;
import java.util.List;

/** The 14 drug and embolic terms of a TACE protocol, in the order of the multi-hot conditioning vector. */
public final class ProtocolVocabulary {

    /** Terms in vector order: nine drugs, then five embolics. */
    public static final List<String> TERMS = List.of("raltitrexed", "epirubicin", "oxaliplatin", "lobaplatin",
            "mitomycin", "idarubicin", "nedaplatin", "pirarubicin", "cisplatin", "lipiodol", "gelatin_sponge",
            "pva", "absolute_alcohol", "nbca");

    static {
        if (TERMS.size() != WorldModelContract.PROTOCOL_WIDTH) {
            throw new IllegalStateException("vocabulary and contract disagree on the protocol width");
        }
    }

    private ProtocolVocabulary() {}

    /** Index of a term in the vector. */
    public static int indexOf(String term) {
        int index = TERMS.indexOf(term);
        if (index < 0) {
            throw new IllegalArgumentException("unknown protocol term '" + term + "': expected one of " + TERMS);
        }
        return index;
    }

    /** Multi-hot vector of the given terms (1 where present, 0 elsewhere). */
    public static float[] multiHot(Collection<String> terms) {
        float[] vector = new float[TERMS.size()];
        for (String term : terms) {
            vector[indexOf(term)] = 1f;
        }
        return vector;
    }
}
