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

    /**
     * What of this chart is actually charted when the patient dies at {@code deathMinute}: the values charted
     * strictly before it (nothing is charted at or after the moment of death). The one place that decides what
     * a death bloc charts: the FHIR writer writes exactly this chart and the death bloc's observation vector (so
     * the ground truth) is aggregated from it.
     *
     * @param deathMinute minutes since the window start
     */
    public BlocChart chartedBefore(int deathMinute) {
        return new BlocChart(bloc, values.stream().filter(value -> value.minute() < deathMinute).toList());
    }
}
