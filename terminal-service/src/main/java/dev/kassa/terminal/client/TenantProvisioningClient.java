package dev.kassa.terminal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.api.ErrorCodes;
import dev.kassa.terminal.config.TerminalConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sets a tenant up in another service through its {@code POST /api/v1/tenants}, with the caller's
 * Bearer. Each service has its own client and its own breaker, so one service that is down neither
 * slows nor blocks the others. The outcome is always a value: the caller reports what failed.
 */
@ApplicationScoped
public class TenantProvisioningClient {
    private static final Logger LOG = Logger.getLogger(TenantProvisioningClient.class);
    private static final TypeLiteral<Uni<Outcome>> OUTCOME = new TypeLiteral<>() {
    };

    /** How the setup in one service went. */
    public record Outcome(String service, boolean ok, String detail) {
    }

    @Inject
    Config config;

    @Inject
    TerminalConfig terminalConfig;

    @Inject
    ObjectMapper mapper;

    private final Map<String, TenantSetupApi> clients = new ConcurrentHashMap<>();
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    public Uni<Outcome> provision(String service, String tenantId, String authorization) {
        Optional<String> url = config.getOptionalValue("quarkus.rest-client." + service + ".url", String.class);
        if (url.isEmpty()) {
            return Uni.createFrom().item(new Outcome(service, false, "no URL configured"));
        }
        TenantSetupApi api = clients.computeIfAbsent(service, s -> build(url.get()));
        Guard guard = guards.computeIfAbsent(service, this::guard);
        return guard.get(() -> api.provision(authorization, Map.of("tenant_id", tenantId))
                                .map(response -> new Outcome(service, true, "HTTP " + response.getStatus()))
                                .onFailure(this::alreadyThere)
                                .recoverWithItem(t -> new Outcome(service, true, "already provisioned")), OUTCOME)
                .onFailure().recoverWithItem(t -> {
                    String detail = Downstream.reason(t);
                    String body = Downstream.body(t);
                    LOG.warnf("Provisioning tenant %s in %s failed: %s %s", tenantId, service, detail, body);
                    return new Outcome(service, false, body.isEmpty() ? detail : detail + " " + body);
                });
    }

    /** A service that says the tenant exists already has it set up: the call is repeatable. */
    private boolean alreadyThere(Throwable t) {
        int status = Downstream.status(t);
        if (status == 409) {
            return true;
        }
        if (status != 400) {
            return false;
        }
        try {
            JsonNode body = mapper.readTree(Downstream.body(t));
            JsonNode error = body.has("userError") ? body.path("userError") : body.path("user_error");
            return ErrorCodes.DUPLICATE.equals(error.path("code").asText());
        } catch (Exception e) {
            return false;
        }
    }

    private TenantSetupApi build(String url) {
        long timeout = terminalConfig.provisioning().timeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(Math.min(timeout, 2000), TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(TenantSetupApi.class);
    }

    private Guard guard(String service) {
        long timeout = terminalConfig.provisioning().timeout().toMillis();
        return Guard.create()
                .withDescription("provision-" + service)
                .withCircuitBreaker().name("provision-" + service).requestVolumeThreshold(4).failureRatio(0.5)
                .delay(10, ChronoUnit.SECONDS).when(t -> !Downstream.isClientError(t)).done()
                .withTimeout().duration(timeout + 500, ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(1).delay(100, ChronoUnit.MILLIS)
                .whenException(t -> !Downstream.isClientError(t)).done()
                .build();
    }
}
