package dev.vigil.ingestion.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.DataFormatException;
import org.junit.jupiter.api.Test;

class ParseErrorTest {

    @Test
    void keepsTheElementNameButNotTheInvalidValue() {
        ParseError error = ParseError.of(new DataFormatException("HAPI-1821: [element=\"birthDate\"] Invalid attribute "
                + "value \"1980-13-45 John\": Invalid date/time format: \"1980-13-45 John\""));

        assertThat(error.reason()).contains("element=\"birthDate\"").doesNotContain("John").doesNotContain("1980")
                .doesNotContain("HAPI-1821");
    }

    @Test
    void readsJsonLineAndColumnAndRedactsTheToken() {
        ParseError error = ParseError.of(new DataFormatException("HAPI-1861: Failed to parse JSON encoded FHIR "
                + "content: Unrecognized token 'Smith': was expecting (JSON String, Number, Array, Object or token "
                + "'null', 'true' or 'false')\n at [line: 3, column: 55]"));

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(55);
        assertThat(error.reason()).doesNotContain("Smith").doesNotContain("line: 3").contains("'null'");
        assertThat(error.describe()).endsWith("(line 3, column 55)");
        assertThat(error.describeInLine()).endsWith("(column 55)");
    }

    @Test
    void readsXmlRowAndColumnAndKeepsElementNames() {
        ParseError error = ParseError.of(new DataFormatException("HAPI-1852: Failed to parse XML content: ParseError "
                + "at [row,col]:[8,9]\nMessage: The element type \"Patient\" must be terminated by the matching "
                + "end-tag \"</Patient>\"."));

        assertThat(error.line()).isEqualTo(8);
        assertThat(error.column()).isEqualTo(9);
        assertThat(error.reason()).contains("element type \"Patient\"").doesNotContain("row,col");
    }

    @Test
    void namesTheExceptionWhenThereIsNoMessage() {
        assertThat(ParseError.of(new NullPointerException()).describe()).isEqualTo("NullPointerException");
    }
}
