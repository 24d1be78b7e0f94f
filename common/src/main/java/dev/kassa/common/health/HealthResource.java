package dev.kassa.common.health;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /} and {@code GET /health} in Kugel's shape, built from the service's SmallRye
 * readiness checks (the same ones behind {@code /q/health/ready}). Always 200, as in Kugel; the
 * status field says healthy or unhealthy.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    SmallRyeHealthReporter reporter;

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
        Map<String, Check> checks = new LinkedHashMap<>();
        for (JsonValue value : payload.getJsonArray("checks")) {
            JsonObject check = value.asJsonObject();
            boolean up = "UP".equals(check.getString("status", "DOWN"));
            Object details = check.containsKey("data") ? plain(check.getJsonObject("data")) : null;
            checks.put(check.getString("name"), new Check(up ? "healthy" : "unhealthy", elapsedMs, details,
                    up ? null : "check failed"));
        }
        return new Health(health.isDown() ? "unhealthy" : "healthy", Instant.now().toString(), service, "1.0.0",
                checks);
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
