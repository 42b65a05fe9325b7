package dev.vigil.api.ingestion;

import dev.vigil.ingestion.fhir.BulkNdjsonSource;
import dev.vigil.ingestion.fhir.BundleFileSource;
import dev.vigil.ingestion.fhir.FhirServerOptions;
import dev.vigil.ingestion.fhir.FhirServerSource;
import dev.vigil.ingestion.fhir.FhirSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where an ingestion reads from, as the CLI and the API name it. */
public sealed interface SourceSpec {

    /** The source to read. */
    FhirSource open();

    /** What to record as the dataset's source (never a token). */
    String describe();

    /** A Bulk Data NDJSON export folder. */
    record BulkFolder(Path folder) implements SourceSpec {
        @Override
        public FhirSource open() {
            return new BulkNdjsonSource(folder);
        }

        @Override
        public String describe() {
            return "bulk:" + folder.toAbsolutePath().normalize();
        }
    }

    /** A Bundle file or a folder of Bundle files (JSON or XML). */
    record Bundles(Path fileOrFolder) implements SourceSpec {
        @Override
        public FhirSource open() {
            return new BundleFileSource(fileOrFolder);
        }

        @Override
        public String describe() {
            return "bundle:" + fileOrFolder.toAbsolutePath().normalize();
        }
    }

    /** A live FHIR R4 server, with an optional bearer token. */
    record Server(String baseUrl, String bearerToken) implements SourceSpec {
        public Server {
            if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
                throw new IllegalArgumentException("A FHIR server URL starts with http:// or https://, got '" + baseUrl
                        + "'");
            }
        }

        @Override
        public FhirSource open() {
            FhirServerOptions options = FhirServerOptions.defaults();
            if (bearerToken != null && !bearerToken.isBlank()) {
                options = options.withBearerToken(bearerToken);
            }
            return new FhirServerSource(baseUrl, options);
        }

        @Override
        public String describe() {
            return "server:" + baseUrl;
        }

        @Override
        public String toString() {
            return "Server[" + baseUrl + "]";
        }
    }

    /** Another source recorded under a name of its own, e.g. uploaded files whose folder is temporary. */
    record Labelled(SourceSpec inner, String label) implements SourceSpec {
        @Override
        public FhirSource open() {
            return inner.open();
        }

        @Override
        public String describe() {
            return label;
        }
    }

    /**
     * A folder or file, as Bulk NDJSON when it holds {@code .ndjson} or {@code .ndjson.gz} files, else as
     * Bundles.
     */
    static SourceSpec detect(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("No such file or folder: " + path);
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                boolean ndjson = files.map(p -> p.getFileName().toString())
                        .anyMatch(n -> n.endsWith(".ndjson") || n.endsWith(".ndjson.gz"));
                return ndjson ? new BulkFolder(path) : new Bundles(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + path, e);
            }
        }
        String name = path.getFileName().toString();
        if (name.endsWith(".ndjson") || name.endsWith(".ndjson.gz")) {
            throw new IllegalArgumentException(path + " is a single NDJSON file: give its folder (a Bulk Data export"
                    + " keeps one file per resource type)");
        }
        return new Bundles(path);
    }
}
