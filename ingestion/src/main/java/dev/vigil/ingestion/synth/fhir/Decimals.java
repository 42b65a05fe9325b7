package dev.vigil.ingestion.synth.fhir;

/**
 * Plain decimal text with a fixed number of decimals ({@code 92}, {@code 37.4}, {@code 0.120}), which HAPI
 * keeps as written when it parses and re-encodes a FHIR decimal.
 */
final class Decimals {

    private static final long[] POWERS = {1, 10, 100, 1000, 10000, 100000, 1000000};

    private Decimals() {
    }

    static String format(double value, int decimals) {
        if (!Double.isFinite(value) || value < 0 || decimals < 0 || decimals >= POWERS.length) {
            throw new IllegalArgumentException("Cannot chart " + value + " with " + decimals
                    + " decimals: values are finite and >= 0, decimals 0.." + (POWERS.length - 1));
        }
        long scaled = Math.round(value * POWERS[decimals]);
        if (decimals == 0) {
            return Long.toString(scaled);
        }
        String fraction = Long.toString(scaled % POWERS[decimals]);
        StringBuilder text = new StringBuilder(24).append(scaled / POWERS[decimals]).append('.');
        for (int i = fraction.length(); i < decimals; i++) {
            text.append('0');
        }
        return text.append(fraction).toString();
    }
}
