package dev.vigil.ingestion.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The state-feature table of {@code docs/cohorts/icu-sepsis-codes.md}, read from the document itself so that
 * the generator is held to what the cohort specification agreed on: LOINC code -> canonical UCUM unit.
 */
final class CodesDocument {

    static final Path PATH = Path.of("..", "docs", "cohorts", "icu-sepsis-codes.md");

    private CodesDocument() {
    }

    static Map<String, String> loincUnits() throws IOException {
        Map<String, String> units = new HashMap<>();
        for (String line : Files.readAllLines(PATH)) {
            String[] cells = line.split("\\|");
            // | feature | LOINC, LOINC | unit | range | hold | per bloc |
            if (cells.length >= 7 && cells[2].trim().matches("[0-9]+-[0-9](, [0-9]+-[0-9])*")) {
                for (String code : cells[2].split(",")) {
                    units.put(code.trim(), cells[3].trim());
                }
            }
        }
        if (units.size() < 17) {
            throw new IllegalStateException(PATH + " no longer has the state-feature table this test reads");
        }
        return units;
    }

    static Set<String> vasopressorRxNorm() {
        return Set.of("7512", "3992", "3628", "8163", "11149");
    }
}
