package dev.vigil.ingestion.pipeline;

import dev.vigil.ingestion.fhir.FhirSource;
import dev.vigil.ingestion.fhir.ResourceOrigin;
import dev.vigil.ingestion.fhir.SourcedResource;
import dev.vigil.ingestion.report.IngestionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Resource;

/**
 * A FHIR source over a list of resources, delivered in list order on one thread or spread over several
 * threads (as the real sources do). Each resource's origin is {@code memory} line i (1-based list position).
 */
final class InMemoryFhirSource implements FhirSource {

    private final List<Resource> resources;
    private final int threads;

    InMemoryFhirSource(List<Resource> resources, int threads) {
        this.resources = List.copyOf(resources);
        this.threads = threads;
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void read(Consumer<SourcedResource> sink, IngestionListener listener) {
        if (threads <= 1) {
            for (int i = 0; i < resources.size(); i++) {
                deliver(i, sink, listener);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < resources.size(); i++) {
                int index = i;
                work.add(pool.submit(() -> deliver(index, sink, listener)));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private void deliver(int index, Consumer<SourcedResource> sink, IngestionListener listener) {
        Resource resource = resources.get(index);
        listener.resourceRead(resource.fhirType());
        sink.accept(new SourcedResource(resource, new ResourceOrigin("memory", index + 1, resource.fhirType(),
                resource.getIdElement().getIdPart())));
    }
}
