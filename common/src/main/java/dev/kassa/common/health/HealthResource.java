package dev.kassa.common.health;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /} and {@code GET /health} in Kugel's shape, built from the service's SmallRye
 * readiness checks (the same ones behind {@code /q/health/ready}). Always 200, as in Kugel; the
 * status field says healthy or unhealthy.
 * <p>
 * {@code service} is the service's Kugel name ({@code master-data}, {@code cart}, ...). Each
 * dependency has one entry under its own name ({@code postgresql}, {@code kafka}, {@code redis},
 * {@code mongodb}) however many checks Quarkus runs on it (the reactive and JDBC pools are both
 * PostgreSQL); the checks behind an entry are in its {@code details}. A service with jobs of its own
 * has Kugel's {@code background_jobs} entry: {@code scheduler_running}, {@code job_count},
 * {@code job_names}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    static final String HEALTHY = "healthy";
    static final String UNHEALTHY = "unhealthy";

    @Inject
    SmallRyeHealthReporter reporter;

    @Inject
    @Any
    Instance<BackgroundJob> jobs;

    @ConfigProperty(name = "kassa.service.name", defaultValue = "kassa")
    String service;

    public record Welcome(String message) {
    }

    public record Check(String status, long response_time_ms, Object details, String error) {
    }

    public record Health(String status, String timestamp, String service, String version, Map<String, Check> checks) {
    }

    @PermitAll
    @GET
    public Welcome welcome() {
        return new Welcome("Welcome to Kassa " + service + " API. supported version: v1");
    }

    @PermitAll
    @GET
    @Path("health")
    public Uni<Health> health() {
        long start = System.nanoTime();
        return reporter.getReadinessAsync().map(h -> toContract(h, (System.nanoTime() - start) / 1_000_000));
    }

    private Health toContract(SmallRyeHealth health, long elapsedMs) {
        JsonObject payload = health.getPayload();
        Map<String, List<JsonObject>> byDependency = new LinkedHashMap<>();
        for (JsonValue value : payload.getJsonArray("checks")) {
            JsonObject check = value.asJsonObject();
            byDependency.computeIfAbsent(dependency(check.getString("name")), k -> new ArrayList<>()).add(check);
        }
        Map<String, Check> checks = new LinkedHashMap<>();
        byDependency.forEach((name, found) -> checks.put(name, merged(found, elapsedMs)));
        Check background = backgroundJobs();
        if (background != null) {
            checks.put("background_jobs", background);
        }
        boolean down = health.isDown() || (background != null && !HEALTHY.equals(background.status()));
        return new Health(down ? UNHEALTHY : HEALTHY, Instant.now().toString(), service, "1.0.0", checks);
    }

    /** The dependency a Quarkus check looks at, by its name ("Reactive PostgreSQL connections health check"). */
    static String dependency(String checkName) {
        String n = checkName.toLowerCase(Locale.ROOT);
        if (n.contains("postgres") || n.contains("database connections")) {
            return "postgresql";
        }
        if (n.contains("kafka") || n.contains("reactive messaging")) {
            return "kafka";
        }
        if (n.contains("redis")) {
            return "redis";
        }
        if (n.contains("mongo")) {
            return "mongodb";
        }
        return n.replace(" health check", "").trim().replaceAll("[^a-z0-9]+", "_");
    }

    private static Check merged(List<JsonObject> found, long elapsedMs) {
        boolean up = found.stream().allMatch(c -> "UP".equals(c.getString("status", "DOWN")));
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (JsonObject c : found) {
            String name = c.getString("name");
            details.put(name, c.containsKey("data") ? plain(c.getJsonObject("data")) : c.getString("status", "DOWN"));
            if (!"UP".equals(c.getString("status", "DOWN"))) {
                failed.add(name);
            }
        }
        return new Check(up ? HEALTHY : UNHEALTHY, elapsedMs, details,
                up ? null : "check failed: " + String.join(", ", failed));
    }

    private Check backgroundJobs() {
        List<String> names = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (BackgroundJob job : jobs) {
            if (!job.enabled()) {
                continue;
            }
            names.add(job.jobName());
            if (!job.running()) {
                stopped.add(job.jobName());
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        boolean running = stopped.isEmpty();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scheduler_running", running);
        details.put("job_count", names.size());
        details.put("job_names", names);
        return new Check(running ? HEALTHY : UNHEALTHY, 0, details,
                running ? null : "Not running: " + String.join(", ", stopped));
    }

    private static Map<String, Object> plain(JsonObject data) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((k, v) -> out.put(k, switch (v.getValueType()) {
            case STRING -> ((jakarta.json.JsonString) v).getString();
            case NUMBER -> ((jakarta.json.JsonNumber) v).bigDecimalValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
            default -> v.toString();
        }));
        return out;
    }
}
