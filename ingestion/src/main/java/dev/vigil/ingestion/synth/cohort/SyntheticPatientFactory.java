package dev.vigil.ingestion.synth.cohort;

import dev.vigil.ingestion.synth.sepsis.ClinicianPolicy;
import dev.vigil.ingestion.synth.sepsis.Episode;
import dev.vigil.ingestion.synth.sepsis.EpisodeRandom;
import dev.vigil.ingestion.synth.sepsis.EpisodeSimulator;
import dev.vigil.ingestion.synth.sepsis.SepsisSimulator;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one cohort patient under the clinician and places it in time.
 *
 * <p>Calendar (from the episode's calendar stream only, so the physiology is the evaluator's): onset uniform
 * over the minutes of {@code onsetYear} (UTC); admission at the window start (24 h before onset); discharge
 * of a window survivor 12 h to 10 days after the window, unless a later death comes first; the birth date
 * gives the simulated whole years at onset. Vasopressor agent: 80 % of patients are charted on norepinephrine,
 * 12 % on epinephrine, 8 % on vasopressin (only for doses up to 0.1 ug/kg/min, which is 0.04 U/min; a larger
 * dose is charted as norepinephrine, as a second agent would be added at the bedside).
 */
public final class SyntheticPatientFactory {

    private final EpisodeSimulator episodes = new EpisodeSimulator(new SepsisSimulator());
    private final ClinicianPolicy clinician;
    private final long seed;
    private final int onsetYear;

    public SyntheticPatientFactory(ClinicianPolicy clinician, long seed, int onsetYear) {
        this.clinician = clinician;
        this.seed = seed;
        this.onsetYear = onsetYear;
    }

    /** The name patient {@code index} of cohort {@code seed} is known by. */
    public static String key(long seed, int index) {
        return "sepsis-" + seed + "-" + index;
    }

    /**
     * @param patientRandom the patient's generator: the k-th split of the cohort's root generator
     */
    public SyntheticPatient create(int index, SplittableRandom patientRandom) {
        EpisodeRandom random = EpisodeRandom.from(patientRandom);
        Episode episode = episodes.run(clinician, random, SepsisSimulator.BLOCS);
        SplittableRandom calendar = random.calendar();

        long yearStart = LocalDateTime.of(onsetYear, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) / 60;
        long yearEnd = LocalDateTime.of(onsetYear + 1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) / 60;
        long onset = yearStart + calendar.nextLong(yearEnd - yearStart);
        long windowStart = onset - SepsisSimulator.ONSET_MINUTE;
        LocalDate onsetDate = LocalDate.ofEpochDay(Math.floorDiv(onset, 24 * 60));
        LocalDate birthDate = onsetDate.minusYears(episode.patient().ageYears()).minusDays(calendar.nextInt(365));
        int discharge = SepsisSimulator.WINDOW_MINUTES + 720 + calendar.nextInt(9 * 24 * 60);
        int stayEnd;
        if (episode.diedInWindow()) {
            stayEnd = episode.states().get(episode.states().size() - 1).deathMinute();
        } else if (episode.outcome().died()) {
            stayEnd = Math.min(discharge, episode.outcome().deathMinute());
        } else {
            stayEnd = discharge;
        }

        double agentDraw = calendar.nextDouble();
        VasopressorAgent primary = agentDraw < 0.80 ? VasopressorAgent.NOREPINEPHRINE
                : agentDraw < 0.92 ? VasopressorAgent.EPINEPHRINE : VasopressorAgent.VASOPRESSIN;
        List<VasopressorAgent> agents = new ArrayList<>(episode.steps());
        for (int t = 0; t < episode.steps(); t++) {
            double dose = episode.decisions().get(t).action().vasopressor();
            boolean tooMuchVasopressin = primary == VasopressorAgent.VASOPRESSIN && dose > 0.1;
            agents.add(tooMuchVasopressin ? VasopressorAgent.NOREPINEPHRINE : primary);
        }
        return new SyntheticPatient(index, key(seed, index), episode, windowStart, birthDate, stayEnd, agents);
    }
}
