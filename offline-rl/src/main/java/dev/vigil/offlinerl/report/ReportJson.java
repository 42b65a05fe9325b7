package dev.vigil.offlinerl.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The report as JSON: the top-level fields in the order of {@link EvaluationReport} (format first), nested fields and
 * map keys sorted by name, so the same report always gives the same bytes. NaN is written as the string "NaN".
 */
public final class ReportJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .build();

    private ReportJson() {
    }

    public static String write(EvaluationReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the evaluation report as JSON", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not a report of this format and version
     */
    public static EvaluationReport read(String json) {
        try {
            return JSON.readValue(json, EvaluationReport.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("Not a " + EvaluationReport.FORMAT + " version "
                    + EvaluationReport.FORMAT_VERSION + ": " + (cause == e ? e.getOriginalMessage()
                            : cause.getMessage()), e);
        }
    }
}
