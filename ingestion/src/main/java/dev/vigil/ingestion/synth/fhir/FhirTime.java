package dev.vigil.ingestion.synth.fhir;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** FHIR dateTime and date text in UTC ({@code 2024-03-05T10:20:00Z}), written by hand for speed. */
final class FhirTime {

    private FhirTime() {
    }

    static String dateTime(long epochMinute) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochMinute * 60, 0, ZoneOffset.UTC);
        char[] text = new char[20];
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("Year " + year + " cannot be written as a FHIR dateTime");
        }
        put(text, 0, year, 4);
        text[4] = '-';
        put(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, time.getHour(), 2);
        text[13] = ':';
        put(text, 14, time.getMinute(), 2);
        text[16] = ':';
        text[17] = '0';
        text[18] = '0';
        text[19] = 'Z';
        return new String(text);
    }

    static String date(LocalDate date) {
        return date.toString();
    }

    private static void put(char[] text, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            text[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
