package dev.vigil.api.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in EHR FHIR server over real HTTP: answers the prefetch templates' reads and searches with the given
 * resources, and only with the right bearer token.
 */
final class TestFhirServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicInteger unauthorised = new AtomicInteger();

    private TestFhirServer(JsonNode prefetch, String token) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fhir/", exchange -> {
            String path = exchange.getRequestURI().toString();
            paths.add(path);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body;
            int status = 200;
            if (!("Bearer " + token).equals(auth)) {
                unauthorised.incrementAndGet();
                status = 401;
                body = "{\"resourceType\":\"OperationOutcome\"}".getBytes(StandardCharsets.UTF_8);
            } else if (path.startsWith("/fhir/Patient/")) {
                body = prefetch.get("patient").toString().getBytes(StandardCharsets.UTF_8);
            } else if (path.startsWith("/fhir/Observation") && path.contains("laboratory")) {
                body = prefetch.get("labs").toString().getBytes(StandardCharsets.UTF_8);
            } else if (path.startsWith("/fhir/Observation")) {
                body = prefetch.get("vitals").toString().getBytes(StandardCharsets.UTF_8);
            } else {
                body = prefetch.get("medications").toString().getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    static TestFhirServer serving(String prefetchJson, String token) throws IOException {
        return new TestFhirServer(new ObjectMapper().readTree(prefetchJson), token);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    List<String> paths() {
        return paths;
    }

    int unauthorised() {
        return unauthorised.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
