package dev.vigil.safety.cost;

/**
 * The comparison of a rule's operand with its threshold. All four are plain IEEE comparisons; a rule is
 * violated when the comparison holds, so {@code spo2 < 92} is violated at 91.9 and not at 92.
 */
public enum ComparisonOp {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOp(String symbol) {
        this.symbol = symbol;
    }

    /** How the operator is written in a rule file, e.g. {@code "<"}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code left <op> right} holds; both are finite. */
    public boolean test(double left, double right) {
        return switch (this) {
            case LESS -> left < right;
            case LESS_OR_EQUAL -> left <= right;
            case GREATER -> left > right;
            case GREATER_OR_EQUAL -> left >= right;
        };
    }

    /**
     * The operator written as {@code symbol}.
     *
     * @throws IllegalArgumentException listing the operators when there is none such
     */
    public static ComparisonOp ofSymbol(String symbol) {
        for (ComparisonOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("op '" + symbol + "' is not an operator; use one of \"<\", \"<=\", \">\", "
                + "\">=\" (quoted: a bare > starts a YAML block scalar)");
    }
}
