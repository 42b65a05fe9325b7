package dev.vigil.ingestion.cohort;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the specification's scalar notations map to values: {@code system|code}, ISO-8601 durations,
 * {@code none}/{@code unlimited} holds, {@code [min, max]} ranges and lowerCamelCase enum names
 * ({@code cumulativeSum} for {@link DerivedKind#CUMULATIVE_SUM}). Every failure names what was expected.
 */
final class SpecYamlModule extends SimpleModule {

    SpecYamlModule() {
        super("vigil-cohort-spec");
        addDeserializer(Code.class, new TextDeserializer<>(Code.class, "a code", SpecYamlModule::code));
        addDeserializer(Duration.class, new TextDeserializer<>(Duration.class, "a duration", SpecYamlModule::duration));
        addDeserializer(MaxHold.class, new TextDeserializer<>(MaxHold.class, "a maxHold", SpecYamlModule::maxHold));
        addDeserializer(PlausibleRange.class, new RangeDeserializer());
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new EnumDeserializer(type.getRawClass());
            }
        });
    }

    /** lowerCamelCase of an enum constant: CUMULATIVE_SUM -> cumulativeSum. */
    static String camel(Enum<?> constant) {
        String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder text = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            text.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return text.toString();
    }

    private static Code code(String text) {
        return Code.parse(text);
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration: write e.g. PT4H (4 hours),"
                    + " PT30M or P30D");
        }
    }

    private static MaxHold maxHold(String text) {
        if (text.equals("none")) {
            return MaxHold.NONE;
        }
        if (text.equals("unlimited")) {
            return MaxHold.UNLIMITED;
        }
        try {
            return MaxHold.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("maxHold '" + text + "' is not none, unlimited or an ISO-8601 duration "
                    + "such as PT8H");
        }
    }

    @FunctionalInterface
    private interface TextParser<T> {
        T parse(String text);
    }

    private static final class TextDeserializer<T> extends StdScalarDeserializer<T> {

        private final String what;
        private final transient TextParser<T> parser;

        TextDeserializer(Class<T> type, String what, TextParser<T> parser) {
            super(type);
            this.what = what;
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                throw JsonMappingException.from(p, "expected " + what + " as text, found a "
                        + (p.currentToken() == JsonToken.START_ARRAY ? "list" : "mapping"));
            }
            try {
                return parser.parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }

    private static final class RangeDeserializer extends StdScalarDeserializer<PlausibleRange> {

        RangeDeserializer() {
            super(PlausibleRange.class);
        }

        @Override
        public PlausibleRange deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String expected = "plausible must be a list of two numbers [min, max], e.g. [0, 300]";
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw JsonMappingException.from(p, expected);
            }
            double[] bounds = new double[2];
            int count = 0;
            for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
                if (!token.isNumeric() || count == 2) {
                    throw JsonMappingException.from(p, expected);
                }
                bounds[count++] = p.getDoubleValue();
            }
            if (count != 2) {
                throw JsonMappingException.from(p, expected);
            }
            try {
                return new PlausibleRange(bounds[0], bounds[1]);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }

    private static final class EnumDeserializer extends StdScalarDeserializer<Enum<?>> {

        private final Enum<?>[] constants;

        EnumDeserializer(Class<?> type) {
            super(type);
            this.constants = (Enum<?>[]) type.getEnumConstants();
        }

        @Override
        public Enum<?> deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String text = p.currentToken().isScalarValue() ? p.getText() : null;
            for (Enum<?> constant : constants) {
                if (camel(constant).equals(text)) {
                    return constant;
                }
            }
            throw JsonMappingException.from(p, (text == null ? "a list or mapping" : "'" + text + "'")
                    + " is not one of " + Arrays.stream(constants).map(SpecYamlModule::camel)
                    .collect(Collectors.joining(", ")));
        }
    }
}
