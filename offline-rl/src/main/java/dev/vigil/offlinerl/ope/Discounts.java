package dev.vigil.offlinerl.ope;

/** Validation shared by the estimators' config records. */
final class Discounts {

    private Discounts() {
    }

    static void require(double discount) {
        if (!(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("The discount must be in (0, 1] (1 for reporting returns), got "
                    + discount);
        }
    }
}
