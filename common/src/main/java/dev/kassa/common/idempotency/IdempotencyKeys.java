package dev.kassa.common.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.common.api.ErrorCodes;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.error.ErrorMappers;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Safe retries: a mutating call (POST, PUT, PATCH, DELETE) that carries an {@code Idempotency-Key}
 * header applies once. The first call with a key takes it in Redis (shared by every replica) and runs;
 * its answer (status and body) is kept for {@code kassa.idempotency.ttl} (24 h). The same key again
 *
 * <ul>
 *   <li>with the same body: the kept answer, as it was, without running anything again (header
 *       {@code Idempotent-Replayed: true});</li>
 *   <li>with another body: 422 / 300001, nothing applied (the IETF idempotency-key draft's answer for a
 *       reused key);</li>
 *   <li>while the first call still runs: 409 / 500005, nothing applied; retry later.</li>
 * </ul>
 *
 * <p>A key is scoped by tenant, caller (the terminal, or the user or service subject), method and path,
 * so two callers never see each other's answers. It is 1 to {@link #KEY_MAX} visible ASCII characters
 * (else 422 / 300001). An answer of 500 or more is not kept: the key is released and a retry runs again.
 * Anonymous calls are left to the endpoint (which answers 401).
 *
 * <p>A call without the header costs nothing more than reading the header: no body is buffered and
 * Redis is not asked. Services switch it on with {@code kassa.idempotency.enabled=true}.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int KEY_MAX = 255;
    static final String FINGERPRINT = "kassa.idempotency.fingerprint";
    static final String CLAIMED = "kassa.idempotency.claimed";

    @ConfigProperty(name = "kassa.idempotency.enabled", defaultValue = "false")
    boolean enabled;
    @ConfigProperty(name = "kassa.idempotency.ttl", defaultValue = "PT24H")
    Duration ttl;
    /** How long an unfinished first call holds its key (a crashed replica's key frees itself). */
    @ConfigProperty(name = "kassa.idempotency.lock-ttl", defaultValue = "PT60S")
    Duration lockTtl;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    ObjectMapper mapper;

    /** The claim of the current call on its key, kept between the request and the response filter. */
    record Claim(String redisKey, String fingerprint) {
    }

    static boolean mutating(HttpMethod method) {
        return mutating(method.name());
    }

    static boolean mutating(String method) {
        return switch (method) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }

    /**
     * Only a call with the header has its body buffered (so it can be fingerprinted and still read by
     * the endpoint) and fingerprinted: method, path, query and body.
     */
    void install(@Observes Router router) {
        if (!enabled) {
            return;
        }
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
        router.route().order(-2).handler(ctx -> {
            if (ctx.request().getHeader(HEADER) != null && mutating(ctx.request().method()) && hasBody(ctx)) {
                body.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(-1).handler(ctx -> {
            if (ctx.request().getHeader(HEADER) != null && mutating(ctx.request().method())) {
                ctx.put(FINGERPRINT, fingerprint(ctx));
            }
            ctx.next();
        });
    }

    /** A call that announces no body (none, or a length of 0) is fingerprinted without reading one. */
    private static boolean hasBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        return length == null ? ctx.request().getHeader("Transfer-Encoding") != null : !"0".equals(length.trim());
    }

    private static String fingerprint(RoutingContext ctx) {
        MessageDigest sha = sha256();
        sha.update(ctx.request().method().name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(ctx.request().uri().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        RequestBody requestBody = hasBody(ctx) ? ctx.body() : null;
        Buffer buffer = requestBody == null ? null : requestBody.buffer();
        if (buffer != null) {
            sha.update(buffer.getBytes());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @ServerRequestFilter
    public Uni<Response> claim(ContainerRequestContext request) {
        String key = enabled ? request.getHeaderString(HEADER) : null;
        if (key == null || !mutating(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        if (!validKey(key)) {
            return Uni.createFrom().item(ErrorMappers.envelope(422, ErrorCodes.VALIDATION,
                    "Invalid input data: " + HEADER + " must be 1 to " + KEY_MAX
                            + " visible ASCII characters", "validation_exception_handler"));
        }
        RoutingContext ctx = currentRequest.getCurrent();
        String fingerprint = ctx == null ? null : ctx.get(FINGERPRINT);
        if (fingerprint == null) { // the body was not buffered (cannot happen when enabled): run as without key
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().flatMap(identity -> {
            String scope = scope(identity);
            if (scope == null) {
                return Uni.createFrom().nullItem();
            }
            String redisKey = "kassa:idempotency:" + scope + ":" + request.getMethod() + ":"
                    + request.getUriInfo().getPath() + ":" + hex(key);
            return take(request, new Claim(redisKey, fingerprint));
        });
    }

    private Uni<Response> take(ContainerRequestContext request, Claim claim) {
        String pending = mapper.createObjectNode().put("fingerprint", claim.fingerprint()).toString();
        return redis.getRedis().send(Request.cmd(Command.SET).arg(claim.redisKey()).arg(pending).arg("NX")
                        .arg("PX").arg(lockTtl.toMillis()))
                .flatMap(taken -> {
                    if (taken != null) { // OK: this call runs
                        request.setProperty(CLAIMED, claim);
                        return Uni.createFrom().nullItem();
                    }
                    return redis.getRedis().send(Request.cmd(Command.GET).arg(claim.redisKey()))
                            .map(stored -> answer(claim, stored == null ? null : stored.toString()));
                });
    }

    /** The answer to a call whose key is already taken. */
    private Response answer(Claim claim, String stored) {
        if (stored == null) { // the first call just released it (it failed): let the caller retry
            return inProgress();
        }
        ObjectNode record;
        try {
            record = (ObjectNode) mapper.readTree(stored);
        } catch (Exception e) {
            LOG.warnf("Unreadable idempotency record %s: %s", claim.redisKey(), e.getMessage());
            return inProgress();
        }
        if (!claim.fingerprint().equals(record.path("fingerprint").asText())) {
            return ErrorMappers.envelope(422, ErrorCodes.VALIDATION, "Invalid input data: this " + HEADER
                    + " was used with another request; use a new key for a new request", "idempotency_key");
        }
        if (!record.has("status")) {
            return inProgress();
        }
        Response.ResponseBuilder replay = Response.status(record.get("status").asInt()).header(REPLAYED, "true");
        if (record.hasNonNull("body")) {
            replay.type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(record.get("body").asText().getBytes(StandardCharsets.UTF_8));
        }
        return replay.build();
    }

    private static Response inProgress() {
        return ErrorMappers.envelope(409, ErrorCodes.DUPLICATE, "A request with this " + HEADER
                + " is still being processed; retry later", "idempotency_key");
    }

    /** Keeps the first call's answer (or releases the key when the call failed on the server). */
    @ServerResponseFilter
    public Uni<Void> keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        request.removeProperty(CLAIMED);
        Request command;
        if (response.getStatus() >= 500) {
            command = Request.cmd(Command.DEL).arg(claim.redisKey());
        } else {
            ObjectNode record = mapper.createObjectNode().put("fingerprint", claim.fingerprint())
                    .put("status", response.getStatus());
            try {
                Object entity = response.getEntity();
                if (entity != null) {
                    record.put("body", entity instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                            : entity instanceof String s ? s : mapper.writeValueAsString(entity));
                }
            } catch (Exception e) {
                LOG.warnf("Answer to keep for %s cannot be written: %s", claim.redisKey(), e.getMessage());
                command = Request.cmd(Command.DEL).arg(claim.redisKey());
                return send(command);
            }
            command = Request.cmd(Command.SET).arg(claim.redisKey()).arg(record.toString())
                    .arg("PX").arg(ttl.toMillis());
        }
        return send(command);
    }

    private Uni<Void> send(Request command) {
        // the call has applied: a failure to keep its answer must not turn it into an error
        return redis.getRedis().send(command).replaceWithVoid().onFailure().recoverWithItem(t -> {
            LOG.warnf("Idempotency record not kept: %s", t.toString());
            return null;
        });
    }

    /** tenant:terminal, tenant:user subject or tenant:service subject; null for anonymous callers. */
    static String scope(SecurityIdentity identity) {
        Caller caller = identity == null || identity.isAnonymous() ? null : identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null) {
            return null;
        }
        String who = caller.isTerminal() && caller.terminal() != null && caller.terminal().terminalId() != null
                ? "terminal=" + caller.terminal().terminalId()
                : caller.kind().name().toLowerCase() + "=" + caller.subject();
        return caller.tenantId() + ":" + who;
    }

    static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > KEY_MAX) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String hex(String key) {
        return HexFormat.of().formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
