package dev.kassa.common.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mechanism for the three ways in (in Kugel's order): a terminal JWT or a user/service JWT as
 * a Bearer token, else {@code X-API-KEY} with the terminal id (query {@code terminal_id}, or the
 * {@code /api/v1/terminals/{id}} path). No credentials: anonymous, and protected endpoints answer 401.
 */
@ApplicationScoped
public class KassaAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String ROLE_USER = "user";
    public static final String ROLE_SUPERUSER = "superuser";
    public static final String ROLE_TERMINAL = "terminal";
    public static final String ROLE_SERVICE = "service";

    private static final Set<String> RESERVED_ROLES = Set.of(ROLE_USER, ROLE_SUPERUSER, ROLE_TERMINAL, ROLE_SERVICE);
    private static final Pattern TERMINAL_IN_PATH = Pattern.compile("^/api/v1/terminals/([^/?]+)");

    @Inject
    Tokens tokens;

    @Inject
    ApiKeyVerifier apiKeys;

    @Inject
    RevokedTokens revoked;

    /** A terminal sends the same token with every request: its RSA signature is checked once. */
    private final VerifiedTokens verified = new VerifiedTokens(10_000);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            VerifiedTokens.Known known = verified.find(token);
            if (known != null) {
                return unlessRevoked(known.caller(), known.tokenId());
            }
            try {
                JsonWebToken jwt = tokens.verify(token);
                Caller caller = callerOf(jwt);
                verified.put(token, caller, jwt.getTokenID(), jwt.getExpirationTime());
                return unlessRevoked(caller, jwt.getTokenID());
            } catch (ParseException | RuntimeException e) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Invalid or expired token"));
            }
        }
        String apiKey = context.request().getHeader("X-API-KEY");
        if (apiKey != null) {
            String terminalId = terminalId(context);
            if (terminalId == null) {
                return Uni.createFrom().failure(
                        new AuthenticationFailedException("An API key needs the terminal_id it belongs to"));
            }
            return apiKeys.verify(terminalId, apiKey).map(found -> {
                TerminalClaims t = found.orElseThrow(() -> new AuthenticationFailedException("Invalid API key"));
                String tenant = tenantOfTerminal(terminalId);
                return identity(new Caller(CallerKind.TERMINAL, tenant, "terminal:" + terminalId, false,
                        Set.of(), t, true));
            });
        }
        return Uni.createFrom().nullItem();
    }

    /**
     * User tokens can be revoked (logout, deactivation), so each request asks the shared deny-list,
     * also for a token whose signature is cached. Terminal and service tokens are not looked up.
     */
    private Uni<SecurityIdentity> unlessRevoked(Caller caller, String tokenId) {
        if (!caller.isUser()) {
            return Uni.createFrom().item(identity(caller));
        }
        if (tokenId == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token has no id"));
        }
        return revoked.isRevoked(tokenId).map(isRevoked -> {
            if (isRevoked) {
                throw new AuthenticationFailedException("The token was revoked");
            }
            return identity(caller);
        });
    }

    static String terminalId(RoutingContext context) {
        String fromQuery = context.request().getParam("terminal_id");
        if (fromQuery != null && !fromQuery.isBlank()) {
            return fromQuery;
        }
        Matcher m = TERMINAL_IN_PATH.matcher(context.normalizedPath());
        return m.find() ? m.group(1) : null;
    }

    /** Terminal ids are {@code tenant-store-terminalNo}; the tenant is the first segment. */
    public static String tenantOfTerminal(String terminalId) {
        int dash = terminalId.indexOf('-');
        return dash < 0 ? terminalId : terminalId.substring(0, dash);
    }

    /** The caller a verified token stands for (the same rules for REST, gRPC and WebSocket). */
    public static Caller callerOf(JsonWebToken jwt) {
        String tenant = jwt.getClaim("tenant_id");
        if (tenant == null) {
            throw new AuthenticationFailedException("The token names no tenant");
        }
        if ("terminal".equals(jwt.getClaim("token_type"))) {
            TerminalClaims t = new TerminalClaims(jwt.getClaim("terminal_id"), jwt.getClaim("store_code"),
                    intClaim(jwt, "terminal_no"), jwt.getClaim("status"), jwt.getClaim("business_date"),
                    intClaim(jwt, "open_counter"), intClaim(jwt, "business_counter"),
                    jwt.getClaim("staff_id"), jwt.getClaim("staff_name"));
            return new Caller(CallerKind.TERMINAL, tenant, jwt.getSubject(), false, Set.of(), t, false);
        }
        if (Boolean.TRUE.equals(boolClaim(jwt, "is_service_account"))) {
            return new Caller(CallerKind.SERVICE, tenant, jwt.getSubject(), false, Set.of(), null, false);
        }
        Set<String> roles = new HashSet<>(jwt.getGroups() == null ? Set.of() : jwt.getGroups());
        Object rolesClaim = jwt.getClaim("roles");
        if (rolesClaim instanceof Iterable<?> list) {
            list.forEach(r -> roles.add(unquote(String.valueOf(r))));
        }
        // The kind roles come from the token's kind and is_superuser only, never from a roles claim.
        roles.removeAll(RESERVED_ROLES);
        boolean superuser = Boolean.TRUE.equals(boolClaim(jwt, "is_superuser"));
        return new Caller(CallerKind.USER, tenant, jwt.getSubject(), superuser, Roles.ofUser(roles, superuser),
                null, false);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static Integer intClaim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof jakarta.json.JsonNumber n) {
            return n.intValue();
        }
        if (v != null) {
            try {
                return Integer.valueOf(v.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean boolClaim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof jakarta.json.JsonValue j) {
            return j == jakarta.json.JsonValue.TRUE;
        }
        return v == null ? null : Boolean.valueOf(v.toString());
    }

    private static SecurityIdentity identity(Caller caller) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.subject() == null ? "anonymous" : caller.subject()))
                .addAttribute(Caller.ATTRIBUTE, caller);
        switch (caller.kind()) {
            case USER -> {
                b.addRole(ROLE_USER);
                if (caller.superuser()) {
                    b.addRole(ROLE_SUPERUSER);
                }
                b.addRoles(caller.roles());
            }
            case TERMINAL -> b.addRole(ROLE_TERMINAL);
            case SERVICE -> b.addRole(ROLE_SERVICE);
        }
        return b.build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

}
