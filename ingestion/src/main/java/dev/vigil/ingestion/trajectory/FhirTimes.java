package dev.vigil.ingestion.trajectory;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

/**
 * FHIR date-times as UTC epoch milliseconds.
 *
 * <p>A time with an offset is exact. A date without a time ({@code 2024-03-01}) is read as midnight UTC, and
 * a time without an offset (which FHIR forbids, but exports contain) as UTC rather than the JVM's zone, so
 * the result never depends on the machine. Years and year-months are too coarse for blocs of hours and
 * count as missing.
 */
final class FhirTimes {

    /** Marks an absent time in the {@code long} columns. */
    static final long NONE = Long.MIN_VALUE;

    private FhirTimes() {
    }

    static long millis(BaseDateTimeType time) {
        if (time == null || time.getValue() == null) {
            return NONE;
        }
        TemporalPrecisionEnum precision = time.getPrecision();
        if (precision == TemporalPrecisionEnum.YEAR || precision == TemporalPrecisionEnum.MONTH) {
            return NONE;
        }
        if (precision == TemporalPrecisionEnum.DAY) {
            return LocalDate.of(time.getYear(), time.getMonth() + 1, time.getDay()).atStartOfDay()
                    .toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (time.getTimeZone() != null || time.isTimeZoneZulu()) {
            return time.getValue().getTime();
        }
        return LocalDateTime.of(time.getYear(), time.getMonth() + 1, time.getDay(), time.getHour(), time.getMinute(),
                time.getSecond(), time.getMillis() * 1_000_000).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The epoch day of a date of at least day precision, or {@link #NONE}. */
    static long epochDay(BaseDateTimeType date) {
        if (date == null || date.getValue() == null || date.getPrecision() == TemporalPrecisionEnum.YEAR
                || date.getPrecision() == TemporalPrecisionEnum.MONTH) {
            return NONE;
        }
        return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay()).toEpochDay();
    }

    /**
     * The interval of a {@code value[x]} that is a date-time or a Period: {start, end}; an instant gives
     * start == end, a Period without end gives end {@link #NONE}; null for other types or no start.
     */
    static long[] interval(Type value) {
        if (value instanceof BaseDateTimeType time) {
            long at = millis(time);
            return at == NONE ? null : new long[] {at, at};
        }
        if (value instanceof Period period) {
            long start = millis(period.getStartElement());
            return start == NONE ? null : new long[] {start, millis(period.getEndElement())};
        }
        return null;
    }
}
