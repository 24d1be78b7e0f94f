package dev.kassa.masterdata.grpc;

import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.KassaAuthenticationMechanism;
import dev.kassa.common.auth.Roles;
import dev.kassa.common.auth.Tokens;
import dev.kassa.masterdata.grpc.v1.CustomerLedgerGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Authenticates gRPC calls: {@code authorization: Bearer <JWT>} metadata with a Kassa token
 * (user, service or terminal), verified like the REST API's. The token's tenant is put in the
 * call's context; the service compares it with the request's tenant. A terminal may come with
 * {@code x-api-key} and {@code terminal-id} instead: that check needs a call to the terminal
 * service, so the interceptor only passes them on and the service verifies them without blocking.
 */
@GlobalInterceptor
@ApplicationScoped
public class GrpcAuthInterceptor implements ServerInterceptor {
    static final Context.Key<String> CALLER_TENANT = Context.key("kassa.caller-tenant");
    /** The id of a user token, which the service checks against the deny-list before it answers. */
    static final Context.Key<String> USER_TOKEN_ID = Context.key("kassa.user-token-id");
    static final Context.Key<String> API_KEY = Context.key("kassa.api-key");
    static final Context.Key<String> TERMINAL_ID = Context.key("kassa.terminal-id");
    /**
     * Users with these roles may call, as for the REST reads these calls mirror (docs/roles.md); the
     * customer ledger's holds belong to carts, so only terminals and services may call {@code CustomerLedger}.
     */
    static final Set<String> USER_ROLES = Set.of(Roles.OWNER, Roles.MANAGER, Roles.CASHIER);
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> API_KEY_HEADER =
            Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> TERMINAL_ID_HEADER =
            Metadata.Key.of("terminal-id", Metadata.ASCII_STRING_MARSHALLER);

    @Inject
    Tokens tokens;

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        String authorization = headers.get(AUTHORIZATION);
        String tenant = null;
        Caller caller = null;
        String userTokenId = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                JsonWebToken jwt = tokens.verify(authorization.substring(7).trim());
                Object claim = jwt.getClaim("tenant_id");
                tenant = claim == null ? null : claim.toString().replace("\"", "");
                caller = KassaAuthenticationMechanism.callerOf(jwt);
                userTokenId = caller.isUser() ? jwt.getTokenID() : null;
            } catch (Exception e) {
                tenant = null;
            }
        }
        if (caller != null && caller.isUser() && (caller.roles().stream().noneMatch(USER_ROLES::contains)
                || CustomerLedgerGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName()))) {
            call.close(Status.PERMISSION_DENIED.withDescription("Not allowed for the roles "
                    + caller.roles() + " (docs/roles.md)"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        String apiKey = headers.get(API_KEY_HEADER);
        String terminalId = headers.get(TERMINAL_ID_HEADER);
        if (tenant == null && authorization == null && apiKey != null && terminalId != null) {
            return Contexts.interceptCall(Context.current().withValue(API_KEY, apiKey)
                    .withValue(TERMINAL_ID, terminalId), call, headers, next);
        }
        if (tenant == null) {
            call.close(Status.UNAUTHENTICATED.withDescription("A valid Bearer token is required"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(CALLER_TENANT, tenant)
                .withValue(USER_TOKEN_ID, userTokenId), call, headers, next);
    }
}
