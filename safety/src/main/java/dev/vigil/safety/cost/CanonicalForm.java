package dev.vigil.safety.cost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a rule set as compact JSON with a fixed key order, the text its content hash is taken of. Written
 * by hand rather than by a data-binding library so that the bytes cannot change with a library upgrade.
 */
final class CanonicalForm {

    private static final JsonFactory JSON = new JsonFactory();

    private CanonicalForm() {
    }

    static String of(RuleSet ruleSet) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeNumberField("formatVersion", RuleSet.FORMAT_VERSION);
            out.writeStringField("id", ruleSet.id());
            out.writeStringField("version", ruleSet.version());
            out.writeStringField("description", ruleSet.description());
            out.writeObjectFieldStart("units");
            for (Map.Entry<String, String> unit : ruleSet.units().entrySet()) {
                out.writeStringField(unit.getKey(), unit.getValue());
            }
            out.writeEndObject();
            out.writeArrayFieldStart("rules");
            for (Rule rule : ruleSet.rules()) {
                out.writeStartObject();
                out.writeStringField("id", rule.id());
                out.writeFieldName("condition");
                write(rule.condition(), out);
                out.writeFieldName("weight");
                out.writeNumber(number(rule.weight()));
                out.writeStringField("rationale", rule.rationale());
                out.writeStringField("source", rule.source());
                out.writeStringField("unit", rule.unit());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to a string cannot fail", e);
        }
        return text.toString();
    }

    private static void write(Condition condition, JsonGenerator out) throws IOException {
        out.writeStartObject();
        if (condition instanceof Condition.All all) {
            writeList("all", all.conditions(), out);
        } else if (condition instanceof Condition.Any any) {
            writeList("any", any.conditions(), out);
        } else if (condition instanceof Condition.Comparison comparison) {
            write(comparison.operand(), out);
            out.writeStringField("op", comparison.op().symbol());
            out.writeFieldName("value");
            out.writeNumber(number(comparison.value()));
        }
        out.writeEndObject();
    }

    private static void write(Operand operand, JsonGenerator out) throws IOException {
        if (operand instanceof Operand.Feature feature) {
            out.writeStringField("feature", feature.name());
        } else if (operand instanceof Operand.Action action) {
            out.writeStringField("action", action.name());
        } else if (operand instanceof Operand.Change change) {
            out.writeStringField("change", change.feature());
        } else if (operand instanceof Operand.Ratio ratio) {
            out.writeArrayFieldStart("ratio");
            out.writeString(ratio.numerator());
            out.writeString(ratio.denominator());
            out.writeEndArray();
        }
    }

    private static void writeList(String form, List<Condition> parts, JsonGenerator out) throws IOException {
        out.writeArrayFieldStart(form);
        for (Condition part : parts) {
            write(part, out);
        }
        out.writeEndArray();
    }

    /** Shortest plain decimal: 92 and 92.0 are the same threshold and must hash the same. */
    static String number(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
