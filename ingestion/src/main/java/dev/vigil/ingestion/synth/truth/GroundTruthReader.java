package dev.vigil.ingestion.synth.truth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code ground-truth.ndjson}, rejecting other kinds of file and other format versions. */
public final class GroundTruthReader {

    private final ObjectMapper mapper = GroundTruthFormat.newMapper();

    /**
     * @param file a ground-truth file, or the cohort directory that holds {@link GroundTruthFormat#FILE_NAME}
     * @throws IOException if the file cannot be read, naming the file and line of what is wrong
     */
    public GroundTruth read(Path file) throws IOException {
        Path path = Files.isDirectory(file) ? file.resolve(GroundTruthFormat.FILE_NAME) : file;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                throw new IOException(path + " is empty: expected a ground-truth header on line 1");
            }
            GroundTruthHeader header = parse(path, 1, first, GroundTruthHeader.class);
            if (!GroundTruthFormat.KIND.equals(header.kind())) {
                throw new IOException(path + " line 1: kind '" + header.kind() + "' is not a ground-truth file ('"
                        + GroundTruthFormat.KIND + "')");
            }
            if (header.formatVersion() != GroundTruthFormat.VERSION) {
                throw new IOException(path + " line 1: format version " + header.formatVersion()
                        + " is not supported by this Vigil (reads version " + GroundTruthFormat.VERSION
                        + "); regenerate the cohort or use the Vigil version that wrote it");
            }
            List<GroundTruthPatient> patients = new ArrayList<>();
            String line;
            long number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    patients.add(parse(path, number, line, GroundTruthPatient.class));
                }
            }
            return new GroundTruth(header, patients);
        }
    }

    private <T> T parse(Path path, long line, String text, Class<T> type) throws IOException {
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IOException(path + " line " + line + ": not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
