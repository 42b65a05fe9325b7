package dev.vigil.safety.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads rule sets: the ones shipped with Vigil, files, and text. */
public final class RuleSets {

    /** Ids of the rule sets shipped in this package's resources. */
    public static final List<String> SHIPPED = List.of("sepsis-bedside");

    private RuleSets() {
    }

    /**
     * A shipped rule set, e.g. {@code shipped("sepsis-bedside")}.
     *
     * @throws IllegalArgumentException listing the shipped ids when there is none such
     */
    public static RuleSet shipped(String id) {
        if (!SHIPPED.contains(id)) {
            throw new IllegalArgumentException("No shipped rule set is called '" + id + "'; the shipped ones are "
                    + String.join(", ", SHIPPED) + ". Load your own file with RuleSets.load(Path)");
        }
        String resource = id + ".yaml";
        try (InputStream in = RuleSets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped rule set " + resource + " is missing from the safety jar; "
                        + "rebuild the safety module");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "shipped " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped rule set " + resource, e);
        }
    }

    /** The shipped {@code sepsis-bedside} rule set (docs/safety-rules.md). */
    public static RuleSet sepsisBedside() {
        return shipped("sepsis-bedside");
    }

    /**
     * A rule set file.
     *
     * @throws InvalidRuleSetException naming the file, line and field when it is not a valid rule set
     * @throws UncheckedIOException when it cannot be read
     */
    public static RuleSet load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule set file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * A rule set from YAML text.
     *
     * @param source what to call the text in error messages, e.g. its file name
     * @throws InvalidRuleSetException naming {@code source}, line and field when it is not a valid rule set
     */
    public static RuleSet parse(String yaml, String source) {
        return RuleSetReader.read(yaml, source);
    }
}
