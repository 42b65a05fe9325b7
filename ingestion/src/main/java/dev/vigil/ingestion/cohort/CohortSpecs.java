package dev.vigil.ingestion.cohort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads cohort specifications: the ones shipped with Vigil by id, and users' files by path.
 *
 * <p>Shipped: {@code icu-sepsis} (ICU sepsis, codes in {@code docs/cohorts/icu-sepsis-codes.md}) and
 * {@code hcc-tace} (liver cancer treated with TACE). Copy one and edit it to map a site's own codes.
 */
public final class CohortSpecs {

    private static final List<String> SHIPPED = List.of("hcc-tace", "icu-sepsis");
    private static final String RESOURCE_DIR = "/dev/vigil/ingestion/cohort/";

    private CohortSpecs() {
    }

    /** The ids of the shipped specifications, sorted. */
    public static List<String> shippedIds() {
        return SHIPPED;
    }

    /**
     * A shipped specification.
     *
     * @throws IllegalArgumentException naming the shipped ids when {@code id} is not one
     */
    public static CohortSpec shipped(String id) {
        if (!SHIPPED.contains(id)) {
            throw new IllegalArgumentException("There is no shipped cohort specification '" + id + "'; shipped: "
                    + String.join(", ", SHIPPED) + ". To use your own file, load it by path");
        }
        String resource = RESOURCE_DIR + id + ".yaml";
        try (InputStream in = CohortSpecs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped specification " + resource + " is missing from the "
                        + "ingestion jar; rebuild it with ./mvnw");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), id + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped specification " + resource, e);
        }
    }

    /**
     * Reads a specification file (YAML, UTF-8).
     *
     * @throws InvalidCohortSpecException naming the file, line and field when the file is not a valid
     *     specification, or when it does not exist
     */
    public static CohortSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidCohortSpecException(file.toString(), 0, file + ": no such cohort specification file", e);
        } catch (IOException e) {
            throw new InvalidCohortSpecException(file.toString(), 0, file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads a specification from text.
     *
     * @param source the name used in error messages, e.g. the file name
     */
    public static CohortSpec parse(String yaml, String source) {
        return Reader.INSTANCE.read(yaml, source);
    }

    /** Created on first use: building the mapper is work, not something a static initialiser should do. */
    private static final class Reader {
        static final CohortSpecReader INSTANCE = new CohortSpecReader();
    }
}
