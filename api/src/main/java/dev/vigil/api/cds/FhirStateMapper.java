package dev.vigil.api.cds;

import dev.vigil.api.recommend.StateAssembler;
import dev.vigil.api.serving.ServedModel;
import dev.vigil.ingestion.cohort.ActionSource;
import dev.vigil.ingestion.cohort.ActionSpec;
import dev.vigil.ingestion.cohort.Aggregation;
import dev.vigil.ingestion.cohort.Code;
import dev.vigil.ingestion.cohort.CohortSpec;
import dev.vigil.ingestion.cohort.DerivedFeatureSpec;
import dev.vigil.ingestion.cohort.DerivedKind;
import dev.vigil.ingestion.cohort.FeatureSpec;
import dev.vigil.ingestion.cohort.IngredientSpec;
import dev.vigil.ingestion.cohort.StaticFeatureSpec;
import dev.vigil.ingestion.units.UnitConversionException;
import dev.vigil.ingestion.units.UnitConverter;
import dev.vigil.offlinerl.serving.ClinicalState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Maps a patient's Observations and MedicationAdministrations to the served policy's state with the cohort
 * specification's codes, canonical units (UCUM conversion, never guessed), plausible ranges, aggregation and max
 * hold, as ingestion does for a bloc: the current bloc is the bloc length up to {@code now}, the previous bloc the
 * one before it. A feature without a value in a bloc carries its newest earlier value forward within its max
 * hold. Cumulative features sum everything given up to the bloc's end; ratios and the static features (age,
 * gender) are computed as in ingestion. Doses: IV fluid volume in the bloc (an administration's volume split by
 * overlap), vasopressor the highest norepinephrine-equivalent rate overlapping the bloc (rates per minute divided
 * by the latest weight).
 */
public final class FhirStateMapper {

    private final UnitConverter units;

    public FhirStateMapper(UnitConverter units) {
        this.units = units;
    }

    private record Point(Instant at, double value) {
    }

    /** @throws IllegalArgumentException when the served policy's dataset has no shipped cohort specification */
    public MappedState map(ServedModel model, Patient patient, List<Observation> observations,
            List<MedicationAdministration> administrations, Instant now) {
        CohortSpec cohort = model.cohort();
        if (cohort == null) {
            throw new IllegalArgumentException("The served policy's dataset has no shipped cohort specification, so "
                    + "FHIR codes and units cannot be mapped to its features");
        }
        Duration bloc = cohort.blocLength();
        List<String> notes = new ArrayList<>();
        Map<String, List<Point>> byFeature = observations(cohort, observations, now, notes);
        List<String> names = model.policy().featureNames();
        double[] current = new double[names.size()];
        double[] previous = new double[names.size()];
        Arrays.fill(current, Double.NaN);
        Arrays.fill(previous, Double.NaN);
        List<String> stale = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            FeatureSpec spec = cohort.feature(names.get(f)).orElse(null);
            if (spec == null) {
                continue;
            }
            List<Point> points = byFeature.getOrDefault(spec.name(), List.of());
            current[f] = blocValue(spec, points, now.minus(bloc), now);
            previous[f] = blocValue(spec, points, now.minus(bloc.multipliedBy(2)), now.minus(bloc));
            if (StateAssembler.REQUIRED_VITALS.contains(spec.name())) {
                if (points.isEmpty()) {
                    missing.add(spec.name());
                } else if (Double.isNaN(current[f])) {
                    Instant newest = points.stream().map(Point::at).max(Instant::compareTo).orElseThrow();
                    stale.add(spec.name() + " was measured " + human(Duration.between(newest, now)) + " ago (at most "
                            + human(Duration.ofSeconds(spec.maxHold().seconds())) + ")");
                }
            }
        }
        double weight = latest(byFeature.getOrDefault("weight", List.of()), now);
        Map<String, double[]> doses = doses(cohort, administrations, weight, bloc, now, notes);
        derived(cohort, names, byFeature, administrations, current, now, weight, notes);
        derived(cohort, names, byFeature, administrations, previous, now.minus(bloc), weight, notes);
        statics(cohort, names, patient, current, previous, now);
        List<String> actions = model.policy().actionNames();
        double[] currentDoses = new double[actions.size()];
        for (int a = 0; a < actions.size(); a++) {
            currentDoses[a] = doses.getOrDefault(actions.get(a), new double[] {0})[0];
        }
        boolean anyPrevious = Arrays.stream(previous).anyMatch(v -> !Double.isNaN(v));
        return new MappedState(new ClinicalState(current, anyPrevious ? previous : null, currentDoses), missing, stale,
                notes);
    }

    private Map<String, List<Point>> observations(CohortSpec cohort, List<Observation> observations, Instant now,
            List<String> notes) {
        Map<String, FeatureSpec> byCode = new HashMap<>();
        for (FeatureSpec spec : cohort.features()) {
            for (Code code : spec.codes()) {
                byCode.put(code.system() + "|" + code.code(), spec);
            }
        }
        Map<String, List<Point>> out = new HashMap<>();
        for (Observation obs : observations) {
            if (obs.getStatus() == Observation.ObservationStatus.ENTEREDINERROR
                    || obs.getStatus() == Observation.ObservationStatus.CANCELLED) {
                continue;
            }
            FeatureSpec spec = null;
            for (Coding c : obs.getCode().getCoding()) {
                spec = spec != null ? spec : byCode.get(c.getSystem() + "|" + c.getCode());
            }
            if (spec == null || !obs.hasValueQuantity()) {
                continue;
            }
            Instant at = time(obs);
            if (at == null || at.isAfter(now.plusSeconds(300))) {
                notes.add("Observation/" + obs.getIdPart() + ": no effective time, or after now; skipped");
                continue;
            }
            Double value = convert(obs.getValueQuantity(), spec, notes, "Observation/" + obs.getIdPart());
            if (value != null) {
                out.computeIfAbsent(spec.name(), k -> new ArrayList<>()).add(new Point(at, value));
            }
        }
        return out;
    }

    private Double convert(Quantity q, FeatureSpec spec, List<String> notes, String where) {
        if (!q.hasValue()) {
            return null;
        }
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        try {
            double molarMass = spec.molarMass() == null ? Double.NaN : spec.molarMass().gramsPerMole();
            double v = units.conversion(unit, spec.unit(), molarMass).apply(q.getValue().doubleValue());
            if (!spec.plausible().contains(v)) {
                notes.add(where + ": " + spec.name() + " outside its plausible range; skipped");
                return null;
            }
            return v;
        } catch (UnitConversionException e) {
            notes.add(where + ": " + spec.name() + " in '" + unit + "' cannot be converted to " + spec.unit()
                    + "; skipped");
            return null;
        }
    }

    private static Instant time(Observation obs) {
        if (obs.hasEffectiveDateTimeType()) {
            return obs.getEffectiveDateTimeType().getValue().toInstant();
        }
        if (obs.hasEffectivePeriod() && obs.getEffectivePeriod().hasStart()) {
            return obs.getEffectivePeriod().getStart().toInstant();
        }
        return obs.hasIssued() ? obs.getIssued().toInstant() : null;
    }

    /** The feature's value for the bloc (from, to]: aggregated, else carried forward within the max hold. */
    private static double blocValue(FeatureSpec spec, List<Point> points, Instant from, Instant to) {
        List<Double> in = new ArrayList<>();
        Point newestBefore = null;
        Point last = null;
        for (Point p : points) {
            if (p.at().isAfter(from) && !p.at().isAfter(to)) {
                in.add(p.value());
                last = last == null || p.at().isAfter(last.at()) ? p : last;
            } else if (!p.at().isAfter(from) && (newestBefore == null || p.at().isAfter(newestBefore.at()))) {
                newestBefore = p;
            }
        }
        if (!in.isEmpty()) {
            return switch (spec.aggregation()) {
                case MEAN -> in.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                case LAST -> last.value();
                case MIN -> in.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                case MAX -> in.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                case SUM -> in.stream().mapToDouble(Double::doubleValue).sum();
            };
        }
        if (newestBefore != null && spec.aggregation() != Aggregation.SUM
                && spec.maxHold().allows(Duration.between(newestBefore.at(), to).toSeconds())) {
            return newestBefore.value();
        }
        return Double.NaN;
    }

    private static double latest(List<Point> points, Instant now) {
        return points.stream().filter(p -> !p.at().isAfter(now)).max((a, b) -> a.at().compareTo(b.at()))
                .map(Point::value).orElse(Double.NaN);
    }

    /** Per action, {@code {current-bloc value}}. */
    private Map<String, double[]> doses(CohortSpec cohort, List<MedicationAdministration> administrations,
            double weight, Duration bloc, Instant now, List<String> notes) {
        Map<String, double[]> out = new HashMap<>();
        Instant from = now.minus(bloc);
        for (MedicationAdministration ma : administrations) {
            if (ma.getStatus() == MedicationAdministration.MedicationAdministrationStatus.ENTEREDINERROR
                    || !ma.hasMedicationCodeableConcept()) {
                continue;
            }
            Match match = match(cohort, ma.getMedicationCodeableConcept().getCoding());
            if (match == null) {
                continue;
            }
            Instant start = ma.hasEffectivePeriod() && ma.getEffectivePeriod().hasStart()
                    ? ma.getEffectivePeriod().getStart().toInstant()
                    : ma.hasEffectiveDateTimeType() ? ma.getEffectiveDateTimeType().getValue().toInstant() : null;
            if (start == null) {
                continue;
            }
            Instant end = ma.hasEffectivePeriod() && ma.getEffectivePeriod().hasEnd()
                    ? ma.getEffectivePeriod().getEnd().toInstant() : ma.hasEffectivePeriod() ? now : start;
            Instant overlapFrom = start.isAfter(from) ? start : from;
            Instant overlapTo = end.isBefore(now) ? end : now;
            boolean instant = !end.isAfter(start);
            if (instant ? (start.isAfter(now) || !start.isAfter(from)) : !overlapTo.isAfter(overlapFrom)) {
                continue;
            }
            String where = "MedicationAdministration/" + ma.getIdPart();
            double[] slot = out.computeIfAbsent(match.action().name(), k -> new double[] {0});
            if (match.action().source() == ActionSource.MEDICATION_DOSE && ma.getDosage().hasDose()) {
                Double volume = amount(ma.getDosage().getDose(), match, Double.NaN, notes, where);
                if (volume != null) {
                    double share = instant ? 1 : (double) Duration.between(overlapFrom, overlapTo).toMillis()
                            / Math.max(1, Duration.between(start, end).toMillis());
                    slot[0] += volume * share;
                }
            } else if (match.action().source() == ActionSource.MEDICATION_RATE && ma.getDosage().hasRateQuantity()) {
                Double rate = amount(ma.getDosage().getRateQuantity(), match, weight, notes, where);
                if (rate != null) {
                    slot[0] = Math.max(slot[0], rate);
                }
            }
        }
        return out;
    }

    private record Match(ActionSpec action, IngredientSpec ingredient) {
    }

    private static Match match(CohortSpec cohort, List<Coding> codings) {
        for (ActionSpec action : cohort.actions()) {
            for (IngredientSpec ingredient : action.ingredients()) {
                for (Code code : ingredient.codes()) {
                    for (Coding c : codings) {
                        if (code.system().equals(c.getSystem()) && code.code().equals(c.getCode())) {
                            return new Match(action, ingredient);
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * An administered amount in the action's unit: converted to the ingredient's unit (or, for a rate per minute
     * without the per-kilogram part, divided by the weight first) and multiplied by the ingredient's factor.
     */
    Double amount(Quantity q, Match match, double weight, List<String> notes, String where) {
        if (!q.hasValue()) {
            return null;
        }
        String from = q.hasCode() ? q.getCode() : q.getUnit();
        String to = match.ingredient().unit() == null ? match.action().unit() : match.ingredient().unit();
        double value = q.getValue().doubleValue();
        try {
            return units.conversion(from, to).apply(value) * match.ingredient().factorOrOne();
        } catch (UnitConversionException direct) {
            if (match.action().weightFeature() == null) {
                notes.add(where + ": '" + from + "' cannot be converted to " + to + "; skipped");
                return null;
            }
            try {
                double perWeight = units.conversion(from, "(" + to + ").kg").apply(value);
                if (!(weight > 0)) {
                    notes.add(where + ": a rate in '" + from + "' needs the patient's weight, and there is none; "
                            + "skipped");
                    return null;
                }
                return perWeight / weight * match.ingredient().factorOrOne();
            } catch (UnitConversionException e) {
                notes.add(where + ": '" + from + "' cannot be converted to " + to + "; skipped");
                return null;
            }
        }
    }

    /** The action's unit of a draft order's amount (doses per bloc or rates), or null with a note. */
    Double orderAmount(CohortSpec cohort, List<Coding> codings, Quantity q, double weight, List<String> notes,
            String where) {
        Match match = match(cohort, codings);
        return match == null ? null : amount(q, match, weight, notes, where);
    }

    /** The action an order's medication belongs to (e.g. {@code vasopressor}), or null. */
    static String actionOf(CohortSpec cohort, List<Coding> codings) {
        Match match = match(cohort, codings);
        return match == null ? null : match.action().name();
    }

    private void derived(CohortSpec cohort, List<String> names, Map<String, List<Point>> byFeature,
            List<MedicationAdministration> administrations, double[] values, Instant until, double weight,
            List<String> notes) {
        for (DerivedFeatureSpec d : cohort.derived()) {
            int f = names.indexOf(d.name());
            if (f < 0) {
                continue;
            }
            if (d.kind() == DerivedKind.CUMULATIVE_SUM) {
                if (byFeature.containsKey(d.of()) || cohort.feature(d.of()).isPresent()) {
                    values[f] = byFeature.getOrDefault(d.of(), List.of()).stream().filter(p -> !p.at().isAfter(until))
                            .mapToDouble(Point::value).sum();
                } else {
                    double[] total = doses(cohort, administrations, weight, Duration.ofDays(3650), until,
                            new ArrayList<>()).getOrDefault(d.of(), new double[] {0});
                    values[f] = total[0];
                }
            } else {
                int top = names.indexOf(d.numerator());
                int bottom = names.indexOf(d.denominator());
                if (top >= 0 && bottom >= 0 && values[bottom] != 0 && !Double.isNaN(values[top])
                        && !Double.isNaN(values[bottom])) {
                    FeatureSpec n = cohort.feature(d.numerator()).orElseThrow();
                    FeatureSpec m = cohort.feature(d.denominator()).orElseThrow();
                    values[f] = units.conversion("(" + n.unit() + ")/(" + m.unit() + ")", d.unit())
                            .apply(values[top] / values[bottom]);
                }
            }
        }
    }

    private static void statics(CohortSpec cohort, List<String> names, Patient patient, double[] current,
            double[] previous, Instant now) {
        if (patient == null) {
            return;
        }
        for (StaticFeatureSpec s : cohort.staticFeatures()) {
            int f = names.indexOf(s.name());
            if (f < 0) {
                continue;
            }
            double v = Double.NaN;
            switch (s.kind()) {
                case AGE_AT_ANCHOR -> {
                    if (patient.hasBirthDate()) {
                        LocalDate born = patient.getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
                        v = Period.between(born, now.atZone(ZoneOffset.UTC).toLocalDate()).getYears();
                    }
                }
                case GENDER -> v = patient.getGender() == Enumerations.AdministrativeGender.MALE ? 1
                        : patient.getGender() == Enumerations.AdministrativeGender.FEMALE ? 0 : Double.NaN;
                default -> v = Double.NaN;
            }
            current[f] = v;
            previous[f] = v;
        }
    }

    private static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        return minutes >= 60 ? (minutes / 60) + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min")
                : minutes + " min";
    }
}
