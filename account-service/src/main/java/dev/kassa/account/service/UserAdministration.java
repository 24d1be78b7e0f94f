package dev.kassa.account.service;

import dev.kassa.account.domain.UserAccount;
import dev.kassa.account.repository.RefreshTokenRepository.IssuedAccess;
import dev.kassa.account.repository.UserAccountRepository;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.pg.TenantTx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the back office does with the users of its own tenant: list them, change one's own
 * password, reset another's, deactivate and reactivate. A changed password, a reset and a
 * deactivation end the user's sessions (a change keeps the session it was made in), and their
 * access tokens stop working at once in every service.
 */
@ApplicationScoped
public class UserAdministration {
    private static final Logger AUDIT = Logger.getLogger("audit");

    @Inject
    TenantTx tx;

    @Inject
    UserAccountRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    @Inject
    AccountService accounts;

    @Inject
    Vertx vertx;

    public record UserPage(List<TenantUser> users, long total) {
    }

    public Uni<UserPage> list(Caller caller, PageRequest paging) {
        String tenant = caller.tenantId();
        return tx.run(tenant, session -> users.count(session)
                .chain(total -> users.page(session, paging.offset(), paging.limit())
                        .map(found -> new UserPage(found.stream().map(u -> new TenantUser(tenant, u)).toList(), total))));
    }

    /** The caller's own user; 401 when it no longer exists. */
    public Uni<TenantUser> find(Caller caller) {
        return tx.run(caller.tenantId(), session -> users.find(session, caller.subject())).map(user -> {
            if (user == null) {
                throw ApiException.unauthorized("Could not validate credentials");
            }
            return new TenantUser(caller.tenantId(), user);
        });
    }

    /**
     * The caller changes its own password, proving it knows the current one. Wrong guesses count
     * against the login throttle of the caller's address, so a stolen token cannot be used to
     * guess the password quickly.
     */
    public Uni<TenantUser> changeOwnPassword(Caller caller, String sessionId, String current, String next,
                                             String address) {
        String tenant = caller.tenantId();
        String username = caller.subject();
        accounts.requireAcceptablePassword(username, next);
        return throttle.waitFor(tenant, username, address).chain(wait -> {
            if (wait.isPresent()) {
                return Uni.createFrom().failure(new TooManyAttempts(wait.get(), "Too many wrong passwords"));
            }
            return tx.run(tenant, session -> users.find(session, username)).chain(user -> {
                if (user == null || !user.active) {
                    return Uni.createFrom().failure(ApiException.unauthorized("Could not validate credentials"));
                }
                return offEventLoop(() -> hasher.matches(current, user.hashedPassword)).chain(ok -> {
                    if (!ok) {
                        return throttle.recordFailure(tenant, username, address).chain(ignored ->
                                Uni.createFrom().failure(ApiException.badRequest(
                                        AccountErrorCodes.WRONG_CURRENT_PASSWORD, "The current password is not correct")));
                    }
                    return throttle.reset(tenant, username, address)
                            .chain(() -> setPassword(tenant, username, next, sessionId));
                });
            });
        }).invoke(() -> AUDIT.infof("Password changed (tenant_id=%s, username=%s)", tenant, username));
    }

    /** An owner sets another user's password; every session of that user ends. */
    public Uni<TenantUser> resetPassword(Caller caller, String username, String next) {
        accounts.requireAcceptablePassword(username, next);
        return setPassword(caller.tenantId(), username, next, null)
                .invoke(() -> AUDIT.infof("Password reset (tenant_id=%s, caller=%s, username=%s)",
                        caller.tenantId(), caller.subject(), username));
    }

    public Uni<TenantUser> deactivate(Caller caller, String username) {
        if (username.equals(caller.subject())) {
            return Uni.createFrom().failure(ApiException.badRequest(AccountErrorCodes.SELF_DEACTIVATION,
                    "A user cannot deactivate itself"));
        }
        return change(caller.tenantId(), username, (session, user) -> {
            user.active = false;
            return sessions.endAll(session, username, null);
        }).invoke(() -> AUDIT.infof("User deactivated (tenant_id=%s, caller=%s, username=%s)",
                caller.tenantId(), caller.subject(), username));
    }

    public Uni<TenantUser> reactivate(Caller caller, String username) {
        return change(caller.tenantId(), username, (session, user) -> {
            user.active = true;
            return Uni.createFrom().item(List.<IssuedAccess>of());
        }).invoke(() -> AUDIT.infof("User reactivated (tenant_id=%s, caller=%s, username=%s)",
                caller.tenantId(), caller.subject(), username));
    }

    private Uni<TenantUser> setPassword(String tenant, String username, String next, String keepSession) {
        return offEventLoop(() -> hasher.hash(next)).chain(hash -> change(tenant, username, (session, user) -> {
            user.hashedPassword = hash;
            return sessions.endAll(session, username, keepSession);
        }));
    }

    private interface Change {
        Uni<List<IssuedAccess>> apply(Mutiny.Session session, UserAccount user);
    }

    /** Changes a user under its row lock; the access tokens of ended sessions are denied after commit. */
    private Uni<TenantUser> change(String tenant, String username, Change change) {
        return tx.run(tenant, session -> users.lock(session, username).chain(user -> {
                    if (user == null) {
                        return Uni.createFrom().failure(ApiException.notFound(AccountErrorCodes.USER_NOT_FOUND,
                                "No user " + username + " in tenant " + tenant));
                    }
                    user.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return change.apply(session, user).map(ended -> new Changed(user, ended));
                }))
                .call(changed -> sessions.deny(changed.ended()))
                .map(changed -> new TenantUser(tenant, changed.user()));
    }

    private record Changed(UserAccount user, List<IssuedAccess> ended) {
    }

    private <T> Uni<T> offEventLoop(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

}
