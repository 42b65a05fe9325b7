package dev.vigil.ingestion.synth.sepsis;

import java.util.List;

/**
 * Everything charted during one bloc, in time order: hourly vitals and urine output, one GCS and FiO2, a
 * laboratory panel when one is due, and the admission weight in the first bloc.
 *
 * @param bloc 0-based bloc index in the window
 * @param values charted values ordered by minute, then by feature order
 */
public record BlocChart(int bloc, List<ChartedValue> values) {

    public BlocChart {
        values = List.copyOf(values);
    }
}
