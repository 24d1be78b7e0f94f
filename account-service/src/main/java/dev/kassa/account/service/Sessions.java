package dev.kassa.account.service;

import dev.kassa.account.config.AccountConfig;
import dev.kassa.account.repository.RefreshTokenRepository;
import dev.kassa.account.repository.RefreshTokenRepository.IssuedAccess;
import dev.kassa.account.repository.UserAccountRepository;
import dev.kassa.common.auth.ApiKeys;
import dev.kassa.common.auth.RevokedTokens;
import dev.kassa.common.auth.Tokens;
import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.common.tenant.TenantIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Login sessions: a short access token and a refresh token, issued together. A refresh token is
 * good for one use; using it returns a new pair in the same session (its family). A refresh token
 * used a second time means it was copied, so the whole family is revoked (as OAuth 2.0 Security
 * BCP recommends). Revoking a session puts its access tokens that are still alive on the shared
 * deny-list ({@link RevokedTokens}), which every service checks for user tokens.
 * <p>
 * Refresh tokens are {@code <tenant>.<43 random characters>}: the tenant says which schema holds
 * it; only its SHA-256 is stored. Access tokens carry {@code jti} (their id on the deny-list) and
 * {@code sid} (their session), so a logout needs nothing but the access token.
 */
@ApplicationScoped
public class Sessions {
    private static final Logger AUDIT = Logger.getLogger("audit");
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String SESSION_CLAIM = "sid";

    @Inject
    TenantSchemas schemas;

    @Inject
    TenantTx tx;

    @Inject
    UserAccountRepository users;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    RevokedTokens revoked;

    @Inject
    Tokens tokens;

    @Inject
    AccountConfig config;

    /** Opens a session after a correct password; refused when the user is (now) inactive. */
    public Uni<LoginOutcome> open(String tenant, String username) {
        return tx.run(tenant, session -> users.lock(session, username).chain(user -> {
            if (user == null || !user.active) {
                return Uni.createFrom().<LoginOutcome>item(new LoginOutcome.Refused());
            }
            user.lastLogin = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return refreshTokens.deleteExpired(session, username)
                    .chain(() -> issue(session, tenant, user, UUID.randomUUID().toString()));
        }));
    }

    /** Trades a refresh token for a new pair; a reused, revoked or expired one gets nothing. */
    public Uni<LoginOutcome> refresh(String refreshToken) {
        String tenant = tenantOf(refreshToken);
        if (tenant == null) {
            return Uni.createFrom().item(new LoginOutcome.Refused());
        }
        String hash = ApiKeys.hash(refreshToken);
        return schemas.exists(tenant).chain(exists -> !exists ? Uni.createFrom().item(new LoginOutcome.Refused())
                : tx.run(tenant, session -> refreshTokens.ownerOf(session, hash).chain(owner -> owner == null
                        ? Uni.createFrom().item(new RefreshResult(new LoginOutcome.Refused(), List.of()))
                        // The user's row first, then the token's: the order a deactivation takes too.
                        : users.lock(session, owner).chain(user -> refreshTokens.lock(session, hash).chain(stored -> {
                            if (stored == null || stored.expired()) {
                                return Uni.createFrom().item(new RefreshResult(new LoginOutcome.Refused(), List.of()));
                            }
                            if (stored.used() || stored.revoked()) {
                                AUDIT.warnf("Refresh token reused, session revoked (tenant_id=%s, username=%s)",
                                        tenant, stored.username());
                                return refreshTokens.revokeFamily(session, stored.familyId())
                                        .map(live -> new RefreshResult(new LoginOutcome.Refused(), live));
                            }
                            return refreshTokens.markUsed(session, hash)
                                    .chain(() -> user == null || !user.active
                                            ? Uni.createFrom().<LoginOutcome>item(new LoginOutcome.Refused())
                                            : issue(session, tenant, user, stored.familyId()))
                                    .map(outcome -> new RefreshResult(outcome, List.of()));
                        }))))
                .chain(result -> deny(result.toRevoke()).replaceWith(result.outcome())));
    }

    private record RefreshResult(LoginOutcome outcome, List<IssuedAccess> toRevoke) {
    }

    /** Ends the session of this access token: the token itself and every token of its session. */
    public Uni<Void> logout(String tenant, String username, String tokenId, long expiresAt, String sessionId) {
        Uni<Void> own = revoked.revoke(tokenId, Instant.ofEpochSecond(expiresAt));
        Uni<Void> family = sessionId == null || !isUuid(sessionId) ? Uni.createFrom().voidItem()
                : tx.run(tenant, session -> refreshTokens.revokeFamily(session, sessionId)).chain(this::deny);
        return own.chain(() -> family)
                .invoke(() -> AUDIT.infof("Logout (tenant_id=%s, username=%s)", tenant, username));
    }

    /** Ends every session of a user but {@code keepSession} (null: all), inside the caller's transaction. */
    public Uni<List<IssuedAccess>> endAll(Mutiny.Session session, String username, String keepSession) {
        return refreshTokens.revokeUser(session, username, keepSession != null && isUuid(keepSession) ? keepSession : null);
    }

    /** Puts access tokens on the deny-list until they expire. */
    public Uni<Void> deny(List<IssuedAccess> accessTokens) {
        if (accessTokens.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(accessTokens.stream()
                        .map(a -> revoked.revoke(a.tokenId(), Instant.ofEpochSecond(a.expiresAt()))).toList())
                .andFailFast().replaceWithVoid();
    }

    private Uni<LoginOutcome> issue(Mutiny.Session session, String tenant, dev.kassa.account.domain.UserAccount user,
                                    String familyId) {
        String tokenId = UUID.randomUUID().toString();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("tenant_id", tenant);
        claims.put("is_superuser", user.superuser);
        claims.put("roles", dev.kassa.account.domain.UserRoles.ofAccount(user));
        claims.put("jti", tokenId);
        claims.put(SESSION_CLAIM, familyId);
        String access = tokens.sign(claims, user.username, config.tokenLifetime());
        String refresh = tenant + "." + randomPart();
        Instant now = Instant.now();
        return refreshTokens.insert(session, ApiKeys.hash(refresh), familyId, user.username, tokenId,
                        now.plus(config.tokenLifetime()), now.plus(config.refreshTokenLifetime()))
                .replaceWith(new LoginOutcome.Granted(access, refresh, config.tokenLifetime().toSeconds()));
    }

    static String tenantOf(String refreshToken) {
        if (refreshToken == null) {
            return null;
        }
        int dot = refreshToken.indexOf('.');
        if (dot <= 0 || refreshToken.length() - dot - 1 != 43) {
            return null;
        }
        String tenant = refreshToken.substring(0, dot);
        return TenantIds.isValid(tenant) ? tenant : null;
    }

    private static String randomPart() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
