package dev.vigil.ingestion.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A real FHIR server for tests: HAPI's plain {@link RestfulServer} in embedded Jetty on a free localhost port,
 * serving in-memory resources. Pages hold at most {@value #PAGE_SIZE} resources whatever {@code _count} asks,
 * so every search of more than two results really pages through {@code next} links. Every request must carry
 * {@code Authorization: Bearer secret-token}, else 401.
 */
final class TestFhirServer implements AutoCloseable {

    static final String TOKEN = "secret-token";
    static final int PAGE_SIZE = 2;
    static final int PATIENTS = 5;
    static final int OBSERVATIONS_PER_PATIENT = 3;
    static final int CONDITIONS_PER_PATIENT = 2;
    static final int ENCOUNTERS_PER_PATIENT = 1;
    static final int ADMINISTRATIONS_PER_PATIENT = 1;

    private final Server jetty;
    private final String baseUrl;
    /** Resource types whose searches answer 500 (to test a failing search). */
    final Set<String> failingTypes = ConcurrentHashMap.newKeySet();
    /** Resource types whose searches answer only after {@link #slowMillis} (to test timeouts). */
    final Set<String> slowTypes = ConcurrentHashMap.newKeySet();
    volatile long slowMillis = 2_000;
    final AtomicInteger requests = new AtomicInteger();

    TestFhirServer() throws Exception {
        RestfulServer fhir = new RestfulServer(FhirContext.forR4());
        fhir.setResourceProviders(
                new InMemoryProvider(Patient.class, patients()),
                new InMemoryProvider(Observation.class, perPatient(OBSERVATIONS_PER_PATIENT, Observation::new)),
                new InMemoryProvider(Condition.class, perPatient(CONDITIONS_PER_PATIENT, Condition::new)),
                new InMemoryProvider(Encounter.class, perPatient(ENCOUNTERS_PER_PATIENT, Encounter::new)),
                new InMemoryProvider(MedicationAdministration.class,
                        perPatient(ADMINISTRATIONS_PER_PATIENT, MedicationAdministration::new)));
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
        paging.setDefaultPageSize(PAGE_SIZE);
        paging.setMaximumPageSize(PAGE_SIZE);
        fhir.setPagingProvider(paging);
        fhir.registerInterceptor(new BearerTokenRequired());

        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(fhir), "/fhir/*");
        jetty.setHandler(context);
        jetty.start();
        baseUrl = "http://127.0.0.1:" + connector.getLocalPort() + "/fhir";
    }

    String baseUrl() {
        return baseUrl;
    }

    /** How many resources of all kinds the server holds. */
    static int totalResources() {
        return PATIENTS * (1 + OBSERVATIONS_PER_PATIENT + CONDITIONS_PER_PATIENT + ENCOUNTERS_PER_PATIENT
                + ADMINISTRATIONS_PER_PATIENT);
    }

    /** Stops the server abruptly, as a crash would look to a client. */
    void kill() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the test server", e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static List<Resource> patients() {
        List<Resource> patients = new ArrayList<>();
        for (int p = 1; p <= PATIENTS; p++) {
            Patient patient = new Patient();
            patient.setId("p" + p);
            patients.add(patient);
        }
        return patients;
    }

    /** {@code count} resources per patient with ids like {@code Observation-p3-2} and subject Patient/p3. */
    private static List<Resource> perPatient(int count, Supplier<Resource> factory) {
        List<Resource> resources = new ArrayList<>();
        for (int p = 1; p <= PATIENTS; p++) {
            for (int i = 1; i <= count; i++) {
                Resource resource = factory.get();
                resource.setId(resource.fhirType() + "-p" + p + "-" + i);
                Reference subject = new Reference("Patient/p" + p);
                if (resource instanceof Observation observation) {
                    observation.setSubject(subject);
                } else if (resource instanceof Condition condition) {
                    condition.setSubject(subject);
                } else if (resource instanceof Encounter encounter) {
                    encounter.setSubject(subject);
                } else if (resource instanceof MedicationAdministration administration) {
                    administration.setSubject(subject);
                }
                resources.add(resource);
            }
        }
        return resources;
    }

    /** Serves one resource type from a list: read by id, search all, search by subject. */
    public final class InMemoryProvider implements IResourceProvider {

        private final Class<? extends IBaseResource> type;
        private final List<Resource> resources;

        InMemoryProvider(Class<? extends IBaseResource> type, List<Resource> resources) {
            this.type = type;
            this.resources = resources;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Read
        public IBaseResource read(@IdParam IdType id) {
            return resources.stream()
                    .filter(resource -> resource.getIdElement().getIdPart().equals(id.getIdPart()))
                    .findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search
        public IBundleProvider all() {
            return page(resources);
        }

        @Search
        public IBundleProvider bySubject(@RequiredParam(name = "subject") ReferenceParam subject) {
            String wanted = "Patient/" + subject.getIdPart();
            List<Resource> matches = resources.stream().filter(resource -> wanted.equals(subjectOf(resource)))
                    .toList();
            return page(matches);
        }

        private IBundleProvider page(List<Resource> matches) {
            String typeName = type.getSimpleName();
            if (failingTypes.contains(typeName)) {
                throw new InternalErrorException("the " + typeName + " store is broken (test)");
            }
            if (slowTypes.contains(typeName)) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            SimpleBundleProvider provider = new SimpleBundleProvider(new ArrayList<>(matches));
            provider.setPreferredPageSize(PAGE_SIZE);
            return provider;
        }

        private static String subjectOf(Resource resource) {
            if (resource instanceof Observation observation) {
                return observation.getSubject().getReference();
            } else if (resource instanceof Condition condition) {
                return condition.getSubject().getReference();
            } else if (resource instanceof Encounter encounter) {
                return encounter.getSubject().getReference();
            } else if (resource instanceof MedicationAdministration administration) {
                return administration.getSubject().getReference();
            }
            return null;
        }
    }

    /** 401 for every request without the right bearer token. */
    @Interceptor
    public final class BearerTokenRequired {

        @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
        public boolean check(RequestDetails request) {
            requests.incrementAndGet();
            if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                throw new AuthenticationException("a valid bearer token is required");
            }
            return true;
        }
    }
}
