package dev.vigil.ingestion.synth.truth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.ingestion.synth.cohort.SyntheticPatient;
import dev.vigil.ingestion.synth.fhir.NameBasedIds;
import dev.vigil.ingestion.synth.sepsis.Decision;
import dev.vigil.ingestion.synth.sepsis.Episode;
import dev.vigil.ingestion.synth.sepsis.SepsisFeature;
import dev.vigil.ingestion.synth.sepsis.SepsisSimulator;
import dev.vigil.ingestion.synth.sepsis.SepsisState;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the lines of {@code ground-truth.ndjson}. Not thread-safe: one per thread. */
public final class GroundTruthWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private final ObjectMapper mapper = GroundTruthFormat.newMapper();
    private final NameBasedIds ids = new NameBasedIds();

    /** The header line, newline included. */
    public byte[] header(GroundTruthConfig config, String codeVersion) {
        GroundTruthHeader header = new GroundTruthHeader(GroundTruthFormat.KIND, GroundTruthFormat.VERSION,
                SepsisSimulator.MODEL_VERSION, codeVersion, config, SepsisSimulator.BLOC_HOURS, SepsisSimulator.BLOCS,
                SepsisSimulator.ONSET_BLOC, SepsisFeature.names());
        return line(header);
    }

    /** A patient line, newline included. */
    public byte[] patient(SyntheticPatient patient) {
        Episode episode = patient.episode();
        long start = patient.windowStartEpochMinute();
        List<GroundTruthBloc> blocs = new ArrayList<>(episode.steps());
        for (int t = 0; t < episode.steps(); t++) {
            SepsisState state = episode.states().get(t);
            Decision decision = episode.decisions().get(t);
            blocs.add(new GroundTruthBloc(t, time(start + (long) t * SepsisSimulator.BLOC_HOURS * 60), state.latent(),
                    state.observation().values(), decision.action().ivFluidMl(), decision.action().vasopressor(),
                    patient.agents().get(t).display().toLowerCase(Locale.ROOT), decision.unsafeChoice(),
                    episode.deathProbabilities().get(t), episode.stepRewards().get(t)));
        }
        boolean died = episode.outcome().died();
        GroundTruthPatient line = new GroundTruthPatient(patient.index(), patient.key(), ids.uuid(patient.key()),
                time(start), time(start + SepsisSimulator.ONSET_MINUTE), episode.patient(), episode.diedInWindow(),
                episode.deathBloc(), died, died ? time(start + episode.outcome().deathMinute()) : null,
                episode.outcome().lateDeathProbability(), episode.totalReturn(), blocs,
                episode.states().get(episode.steps()).latent());
        return line(line);
    }

    private byte[] line(Object value) {
        try {
            return (mapper.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot render a ground-truth line", e);
        }
    }

    private static String time(long epochMinute) {
        return DATE_TIME.format(LocalDateTime.ofEpochSecond(epochMinute * 60, 0, ZoneOffset.UTC));
    }
}
