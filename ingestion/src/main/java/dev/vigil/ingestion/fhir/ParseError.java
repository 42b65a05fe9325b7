package dev.vigil.ingestion.fhir;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parse failure as text that is safe to put in a report: HAPI's and Jackson's messages quote the offending
 * value (an unparseable birth date, an unquoted name), which may be patient data, so quoted values are replaced
 * by {@code …} while element names and the position are kept.
 *
 * @param reason what was wrong, redacted
 * @param line the 1-based line of the text where it went wrong, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 */
record ParseError(String reason, long line, long column) {

    private static final int MAX_REASON = 200;
    private static final Pattern JSON_POSITION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern XML_POSITION = Pattern.compile("\\[row,col]:\\[(\\d+),(\\d+)]");
    private static final Pattern STAX_POSITION =
            Pattern.compile("Line number = (\\d+)\\s+Column number = (\\d+)");
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+: ");
    private static final Pattern POSITION_TEXT = Pattern.compile(
            "\\s*at \\[(Source|line)[^]]*]|\\s*(ParseError )?at \\[row,col]:\\[\\d+,\\d+]"
                    + "|DataFormatException at \\[[^]]*]:?|Message: ");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("(element=|resource name |FHIR version |"
            + "element type |end-tag )?\"([^\"]*)\"");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'([^']*)'");

    /** Reads the position and a redacted reason out of {@code failure}'s message. */
    static ParseError of(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return new ParseError(failure.getClass().getSimpleName(), 0, 0);
        }
        long line = 0;
        long column = 0;
        for (Pattern position : new Pattern[] {JSON_POSITION, XML_POSITION, STAX_POSITION}) {
            Matcher matcher = position.matcher(message);
            while (matcher.find()) {
                line = Long.parseLong(matcher.group(1));
                column = Long.parseLong(matcher.group(2));
            }
        }
        String reason = HAPI_CODE.matcher(message).replaceAll("");
        reason = POSITION_TEXT.matcher(reason).replaceAll(" ");
        reason = redact(reason).replaceAll("\\s+", " ").trim();
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "…";
        }
        return new ParseError(reason, line, column);
    }

    /** E.g. {@code Unexpected end-of-input in field name (line 3, column 50)}. */
    String describe() {
        if (line > 0) {
            return reason + " (line " + line + ", column " + column + ")";
        }
        return reason;
    }

    /** For text that is one line (an NDJSON line): only the column is worth saying. */
    String describeInLine() {
        if (column > 0) {
            return reason + " (column " + column + ")";
        }
        return reason;
    }

    private static String redact(String text) {
        Matcher doubleQuoted = DOUBLE_QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (doubleQuoted.find()) {
            String kept = doubleQuoted.group(1) != null ? doubleQuoted.group() : "\"…\"";
            doubleQuoted.appendReplacement(out, Matcher.quoteReplacement(kept));
        }
        doubleQuoted.appendTail(out);
        Matcher singleQuoted = SINGLE_QUOTED.matcher(out.toString());
        StringBuilder result = new StringBuilder();
        while (singleQuoted.find()) {
            String content = singleQuoted.group(1);
            boolean safe = content.length() <= 1 || content.equals("resourceType") || content.equals("null")
                    || content.equals("true") || content.equals("false");
            singleQuoted.appendReplacement(result, Matcher.quoteReplacement(safe ? singleQuoted.group() : "'…'"));
        }
        singleQuoted.appendTail(result);
        return result.toString();
    }
}
