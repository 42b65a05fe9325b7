package dev.vigil.ingestion.fhir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small NDJSON test files. */
final class NdjsonFiles {

    private NdjsonFiles() {
    }

    static String patient(String id) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"gender\":\"female\"}";
    }

    static String patient(String id, String gender) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"gender\":\"" + gender + "\"}";
    }

    static String observation(String id) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"text\":\"heart rate\"},\"subject\":{\"reference\":\"Patient/p1\"}}";
    }

    static Path write(Path folder, String name, String... lines) throws IOException {
        return write(folder, name, List.of(lines));
    }

    static Path write(Path folder, String name, List<String> lines) throws IOException {
        Path file = folder.resolve(name);
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }
}
