package dev.vigil.ingestion.cohort;

import java.util.List;
import java.util.Locale;

/**
 * Imaging kept as links per episode: an ImagingStudy whose endpoint address, or a DocumentReference whose
 * attachment URL, ends with one of {@code fileSuffixes} (compared ignoring case).
 *
 * @param fileSuffixes default {@code .nii} and {@code .nii.gz}
 */
public record ImagingSpec(List<String> fileSuffixes) {

    public ImagingSpec {
        fileSuffixes = fileSuffixes == null || fileSuffixes.isEmpty() ? List.of(".nii", ".nii.gz")
                : fileSuffixes.stream().map(ImagingSpec::checked).toList();
    }

    /** Whether {@code url} names a file this cohort keeps. */
    public boolean matches(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        for (String suffix : fileSuffixes) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static String checked(String suffix) {
        if (suffix == null || !suffix.startsWith(".") || suffix.length() < 2) {
            throw new IllegalArgumentException("imaging.fileSuffixes entries start with '.', e.g. .nii.gz; got '"
                    + suffix + "'");
        }
        return suffix.toLowerCase(Locale.ROOT);
    }
}
