package dev.vigil.worldmodel.synth;

/**
 * What the response model reads of a patient's tumours: the largest lesion's arterial enhancement, its
 * necrotic fraction and its size. All lesions of a patient share the phenotype.
 *
 * @param enhancement arterial-phase enhancement index 0..1; hypervascular when {@code >= 0.5}
 * @param necroticFraction fraction of tumour volume necrotic before treatment, 0..0.5
 * @param largestDiameterCm diameter of the largest lesion, cm
 */
public record TumourPhenotype(double enhancement, double necroticFraction, double largestDiameterCm) {

    /** Arterial enhancement class. */
    public enum Vascularity { HYPERVASCULAR, HYPOVASCULAR }

    /** Size class of the largest lesion: small below 3 cm, large above 5 cm. */
    public enum SizeClass { SMALL, MEDIUM, LARGE }

    public TumourPhenotype {
        if (!(enhancement >= 0 && enhancement <= 1)) {
            throw new IllegalArgumentException("enhancement is 0..1, got " + enhancement);
        }
        if (!(necroticFraction >= 0 && necroticFraction <= 0.5)) {
            throw new IllegalArgumentException("necroticFraction is 0..0.5, got " + necroticFraction);
        }
        if (!(largestDiameterCm > 0 && largestDiameterCm <= 40)) {
            throw new IllegalArgumentException("largestDiameterCm is in (0, 40], got " + largestDiameterCm);
        }
    }

    public Vascularity vascularity() {
        return enhancement >= 0.5 ? Vascularity.HYPERVASCULAR : Vascularity.HYPOVASCULAR;
    }

    public SizeClass sizeClass() {
        return largestDiameterCm < 3 ? SizeClass.SMALL : largestDiameterCm <= 5 ? SizeClass.MEDIUM : SizeClass.LARGE;
    }

    /** s = clamp((5 - D) / 3, 0, 1): 1 at 2 cm or less, 0 at 5 cm or more. */
    public double smallness() {
        return clamp((5 - largestDiameterCm) / 3);
    }

    /** l = clamp((D - 3) / 5, 0, 1): 0 at 3 cm or less, 1 at 8 cm or more. */
    public double largeness() {
        return clamp((largestDiameterCm - 3) / 5);
    }

    /** m = clamp((D - 2) / 4, 0, 1): 0 at 2 cm or less, 1 at 6 cm or more. */
    public double bulk() {
        return clamp((largestDiameterCm - 2) / 4);
    }

    static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
