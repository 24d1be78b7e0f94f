package dev.kassa.stock.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.KassaAuthenticationMechanism;
import dev.kassa.common.auth.RevokedTokens;
import dev.kassa.common.auth.Roles;
import dev.kassa.common.auth.Tokens;
import dev.kassa.common.tenant.TenantIds;
import dev.kassa.stock.config.VertxContexts;
import dev.kassa.stock.domain.AlertType;
import dev.kassa.stock.domain.StockLevel;
import dev.kassa.stock.service.StockService;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/ws/{tenant}/{store}?token=<user or terminal JWT>}: the live alert stream of one
 * store. A missing, bad or expired token, or one of another tenant, closes the connection with
 * 1008 (policy violation). Otherwise the client gets the {@code connection} message, then the
 * alerts that hold right now, then every new alert of the store; {@code ping} gets {@code pong}.
 * The connection comes as a callback parameter (the real connection, not the session-scoped
 * proxy), because {@link AlertHub} writes to it later from outside the connection's callbacks.
 */
@WebSocket(path = "/api/v1/ws/{tenant}/{store}")
public class AlertSocket {
    private static final Logger LOG = Logger.getLogger(AlertSocket.class);
    public static final int POLICY_VIOLATION = 1008;

    @Inject
    Tokens tokens;
    @Inject
    RevokedTokens revoked;
    @Inject
    AlertHub hub;
    @Inject
    StockService stock;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    Vertx vertx;

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        String tenant = connection.pathParam("tenant");
        String store = connection.pathParam("store");
        String token = token(connection.handshakeRequest().query());
        String refusal = refusal(tenant, token);
        if (refusal != null) {
            LOG.debugf("WebSocket refused for %s/%s: %s", tenant, store, refusal);
            return connection.close(new CloseReason(POLICY_VIOLATION, refusal));
        }
        // A user token may have been revoked (logout, deactivation): the same deny-list as the REST API's.
        String userTokenId = userTokenId(token);
        Uni<Boolean> isRevoked = userTokenId == null ? Uni.createFrom().item(false) : revoked.isRevoked(userTokenId);
        return isRevoked.flatMap(gone -> gone ? connection.close(new CloseReason(POLICY_VIOLATION, "Token revoked"))
                : admit(connection, tenant, store));
    }

    private Uni<Void> admit(WebSocketConnection connection, String tenant, String store) {
        return connection.sendText(AlertMessages.connected(mapper, tenant, store))
                .invoke(() -> hub.add(tenant, store, connection))
                .flatMap(ignored -> VertxContexts.onNewContext(vertx, () -> stock.alerting(tenant, store))
                        .onFailure().recoverWithItem(e -> {
                            LOG.debugf("No current alerts for %s/%s: %s", tenant, store, e.toString());
                            return List.of();
                        }))
                .flatMap(levels -> sendCurrent(connection, tenant, levels));
    }

    private Uni<Void> sendCurrent(WebSocketConnection connection, String tenant, List<StockLevel> levels) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> messages = new ArrayList<>();
        for (StockLevel level : levels) {
            if (level.needsReorder()) {
                messages.add(AlertMessages.alert(mapper, tenant, level, AlertType.REORDER_POINT, now));
            }
            if (level.belowMinimum()) {
                messages.add(AlertMessages.alert(mapper, tenant, level, AlertType.MINIMUM_STOCK, now));
            }
        }
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(messages)
                .onItem().transformToUniAndConcatenate(connection::sendText)
                .collect().last().replaceWithVoid();
    }

    @OnTextMessage
    public Uni<Void> message(WebSocketConnection connection, String text) {
        if ("ping".equals(text)) {
            return connection.sendText("pong");
        }
        return Uni.createFrom().voidItem();
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        hub.remove(connection.pathParam("tenant"), connection.pathParam("store"), connection);
    }

    /** Why the token does not open this tenant's stream, or null when it does. */
    String refusal(String tenant, String token) {
        if (!TenantIds.isValid(tenant)) {
            return "Invalid tenant id";
        }
        if (token == null || token.isBlank()) {
            return "No token provided";
        }
        JsonWebToken jwt;
        try {
            jwt = tokens.verify(token);
        } catch (Exception e) {
            return "Authentication failed";
        }
        Object serviceAccount = jwt.getClaim("is_service_account");
        if (serviceAccount != null && "true".equals(serviceAccount.toString())) {
            return "Only user and terminal tokens may subscribe";
        }
        Object tokenTenant = jwt.getClaim("tenant_id");
        if (tokenTenant == null || !tenant.equals(unquote(tokenTenant.toString()))) {
            return "Tenant ID mismatch";
        }
        // Every user role reads stock (docs/roles.md); a user token with none of them reads nothing.
        Caller caller;
        try {
            caller = KassaAuthenticationMechanism.callerOf(jwt);
        } catch (RuntimeException e) {
            return "Authentication failed";
        }
        if (caller.isUser() && caller.roles().stream().noneMatch(Roles::isUserRole)) {
            return "Not allowed";
        }
        return null;
    }

    /** The id of a user token (checked against the deny-list), null for a terminal's; the token is valid. */
    private String userTokenId(String token) {
        try {
            JsonWebToken jwt = tokens.verify(token);
            return KassaAuthenticationMechanism.callerOf(jwt).isUser() ? jwt.getTokenID() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static String token(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if ("token".equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
