package dev.vigil.safety.contraindication;

/** Child-Pugh class of liver function, coded 1, 2, 3 as in the hcc-tace cohort. */
public enum ChildPughClass {
    /** Score 5-6. */
    A(1, 5, 6),
    /** Score 7-9. */
    B(2, 7, 9),
    /** Score 10-15. */
    C(3, 10, 15);

    private final int code;
    private final int minScore;
    private final int maxScore;

    ChildPughClass(int code, int minScore, int maxScore) {
        this.code = code;
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    /** 1, 2 or 3: the value of the cohort's {@code child_pugh_class} feature. */
    public int code() {
        return code;
    }

    public boolean contains(int score) {
        return score >= minScore && score <= maxScore;
    }

    /** The class of a Child-Pugh score 5..15. */
    public static ChildPughClass ofScore(int score) {
        for (ChildPughClass value : values()) {
            if (value.contains(score)) {
                return value;
            }
        }
        throw new IllegalArgumentException("A Child-Pugh score is 5..15, got " + score);
    }
}
