package dev.kassa.account.service;

import dev.kassa.account.config.AccountConfig;
import dev.kassa.account.domain.PasswordPolicy;
import dev.kassa.account.domain.UserAccount;
import dev.kassa.account.domain.UserRoles;
import dev.kassa.account.repository.UserAccountRepository;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.common.tenant.TenantIds;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Registration of tenants' superusers and of their users, and the login that issues user tokens.
 * bcrypt runs on worker threads through {@link Vertx#executeBlocking}, which hands the result back
 * on the request's Vert.x context (as common's TenantSchemas does for its JDBC work), so the
 * Hibernate Reactive transactions that follow stay on the event loop.
 */
@ApplicationScoped
public class AccountService {
    private static final Logger AUDIT = Logger.getLogger("audit");
    static final int MAX_TENANT_ID_ATTEMPTS = 20;
    public static final int MAX_USERNAME_LENGTH = 128;

    @Inject
    TenantSchemas schemas;

    @Inject
    TenantTx tx;

    @Inject
    UserAccountRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    RegistrationThrottle registrations;

    @Inject
    Sessions sessions;

    @Inject
    AccountConfig config;

    @Inject
    Vertx vertx;

    private final TenantIdGenerator tenantIds = new TenantIdGenerator();

    /**
     * Registers the first superuser of a tenant, creating the tenant (its id is made up when none
     * is given). A tenant that already has users is refused with 400 (408001), never replaced.
     */
    public Uni<TenantUser> registerSuperuser(String username, String password, String requestedTenant,
                                             List<String> requestedRoles, String address) {
        return registrations.tryOne(address).chain(wait -> {
            if (wait.isPresent()) {
                AUDIT.warnf("Registration refused, too many from one address (address=%s)", address);
                return Uni.createFrom().failure(new TooManyAttempts(wait.get(),
                        "Too many tenant registrations from this address"));
            }
            return registerSuperuser(username, password, requestedTenant, requestedRoles);
        });
    }

    private Uni<TenantUser> registerSuperuser(String username, String password, String requestedTenant,
                                              List<String> requestedRoles) {
        String tenant = requestedTenant == null || requestedTenant.isEmpty() ? null : TenantIds.require(requestedTenant);
        List<String> roles = UserRoles.forSuperuser(requestedRoles);
        requireAcceptablePassword(username, password);
        return offEventLoop(() -> hasher.hash(password)).chain(hash -> {
            if (tenant != null) {
                return claim(tenant).chain(ignored -> createFirstSuperuser(tenant, username, hash, roles));
            }
            return registerInNewTenant(username, hash, roles, 1);
        }).invoke(created -> AUDIT.infof("Superuser registered (tenant_id=%s, username=%s)",
                created.tenantId(), created.user().username));
    }

    private Uni<Boolean> claim(String tenant) {
        return schemas.exists(tenant)
                .chain(exists -> exists ? Uni.createFrom().item(false) : schemas.provision(tenant));
    }

    private Uni<TenantUser> registerInNewTenant(String username, String hash, List<String> roles, int attempt) {
        if (attempt > MAX_TENANT_ID_ATTEMPTS) {
            return Uni.createFrom().failure(ApiException.unavailable(AccountErrorCodes.TENANT_ID_EXHAUSTED,
                    "No free tenant id was found; please retry"));
        }
        String candidate = tenantIds.next();
        return schemas.exists(candidate)
                .chain(exists -> exists ? Uni.createFrom().item(false) : schemas.provision(candidate))
                .chain(created -> created
                        ? createFirstSuperuser(candidate, username, hash, roles)
                        : registerInNewTenant(username, hash, roles, attempt + 1));
    }

    private Uni<TenantUser> createFirstSuperuser(String tenant, String username, String hash, List<String> roles) {
        return tx.run(tenant, session -> users.lockTenant(session, tenant)
                        .chain(() -> users.count(session))
                        .chain(count -> {
                            if (count > 0) {
                                return Uni.createFrom().failure(ApiException.badRequest(AccountErrorCodes.TENANT_EXISTS,
                                        "Tenant " + tenant + " already exists; its superuser adds users with "
                                                + "POST /api/v1/accounts/register/user"));
                            }
                            return users.insert(session, UserAccount.create(username, hash, true, roles, now()));
                        }))
                .map(user -> new TenantUser(tenant, user));
    }

    /** A superuser of the caller's tenant adds a (non-super) user to it. */
    public Uni<TenantUser> registerUser(Caller caller, String username, String password, List<String> requestedRoles) {
        String tenant = caller.tenantId();
        List<String> roles = UserRoles.forUser(requestedRoles);
        requireAcceptablePassword(username, password);
        return schemas.exists(tenant)
                .chain(exists -> {
                    if (!exists) {
                        return Uni.createFrom().failure(ApiException.unauthorized("Could not validate credentials"));
                    }
                    return offEventLoop(() -> hasher.hash(password));
                })
                .chain(hash -> tx.run(tenant, session -> users.find(session, caller.subject())
                        .chain(superuser -> {
                            if (superuser == null || !superuser.active) {
                                return Uni.createFrom().failure(
                                        ApiException.unauthorized("Could not validate credentials"));
                            }
                            if (!UserRoles.isOwner(superuser)) {
                                return Uni.createFrom().failure(ApiException.forbidden(
                                        "Only an owner of the tenant may do this"));
                            }
                            return users.find(session, username);
                        })
                        .chain(existing -> existing != null
                                ? Uni.createFrom().failure(ApiException.duplicate(
                                        "User " + username + " already exists in tenant " + tenant))
                                : users.insert(session, UserAccount.create(username, hash, false, roles, now())))))
                .map(user -> new TenantUser(tenant, user))
                .invoke(created -> AUDIT.infof("User registered by superuser (tenant_id=%s, caller=%s, new_username=%s)",
                        tenant, caller.subject(), username));
    }

    /**
     * Checks the password of a user of the tenant and issues a user token. Unknown tenants and
     * users cost the same bcrypt time as a wrong password and count against the same throttle.
     */
    public Uni<LoginOutcome> login(String tenant, String username, String password, String address) {
        if (!TenantIds.isValid(tenant) || username.length() > MAX_USERNAME_LENGTH) {
            // Nobody can ever log in with these, so there is nothing to guess or to throttle.
            return Uni.createFrom().item(new LoginOutcome.Refused());
        }
        return throttle.waitFor(tenant, username, address).chain(wait -> {
            if (wait.isPresent()) {
                AUDIT.warnf("Login refused, too many failures (tenant_id=%s, username=%s, address=%s)",
                        tenant, username, address);
                return Uni.createFrom().item(new LoginOutcome.Throttled(wait.get()));
            }
            return findForLogin(tenant, username)
                    .chain(user -> offEventLoop(() -> passwordMatches(user, password)).map(ok -> ok ? user : null))
                    .chain(user -> user == null ? refuse(tenant, username, address) : grant(tenant, user, address));
        });
    }

    private Uni<UserAccount> findForLogin(String tenant, String username) {
        return schemas.exists(tenant)
                .chain(exists -> exists
                        ? tx.run(tenant, session -> users.find(session, username))
                        : Uni.createFrom().nullItem());
    }

    private boolean passwordMatches(UserAccount user, String password) {
        if (user == null) {
            hasher.matchDecoy(password);
            return false;
        }
        boolean matches = hasher.matches(password, user.hashedPassword);
        return matches && user.active;
    }

    private Uni<LoginOutcome> refuse(String tenant, String username, String address) {
        return throttle.recordFailure(tenant, username, address).map(wait -> {
            AUDIT.warnf("Login failed (tenant_id=%s, username=%s, address=%s, next_try_in_ms=%d)", tenant, username,
                    address, wait.toMillis());
            return new LoginOutcome.Refused();
        });
    }

    private Uni<LoginOutcome> grant(String tenant, UserAccount user, String address) {
        return throttle.reset(tenant, user.username, address)
                .chain(() -> sessions.open(tenant, user.username))
                .invoke(outcome -> {
                    if (outcome instanceof LoginOutcome.Granted) {
                        AUDIT.infof("Login succeeded (tenant_id=%s, username=%s, is_superuser=%s)",
                                tenant, user.username, user.superuser);
                    }
                });
    }

    /** The password policy, and bcrypt's limit; a refusal is a 400 (422 past bcrypt's limit). */
    public void requireAcceptablePassword(String username, String password) {
        requireStorablePassword(password);
        policy().violation(username, password).ifPresent(why -> {
            throw ApiException.badRequest(AccountErrorCodes.PASSWORD_POLICY, "The password " + why);
        });
    }

    public PasswordPolicy policy() {
        return new PasswordPolicy(config.password().minLength());
    }

    /**
     * An owner of the caller's tenant replaces the roles of one of its users. A superuser stays an owner
     * whatever it is given. The user's tokens carry the new roles from its next login on.
     */
    public Uni<TenantUser> assignRoles(Caller caller, String username, List<String> requestedRoles) {
        String tenant = caller.tenantId();
        List<String> roles = UserRoles.assigned(requestedRoles);
        return schemas.exists(tenant)
                .chain(exists -> !exists
                        ? Uni.createFrom().failure(ApiException.unauthorized("Could not validate credentials"))
                        : tx.run(tenant, session -> users.find(session, caller.subject())
                        .chain(owner -> {
                            if (owner == null || !owner.active) {
                                return Uni.createFrom().failure(
                                        ApiException.unauthorized("Could not validate credentials"));
                            }
                            if (!UserRoles.isOwner(owner)) {
                                return Uni.createFrom().failure(ApiException.forbidden(
                                        "Only an owner of the tenant may do this"));
                            }
                            return users.find(session, username);
                        })
                        .chain(user -> {
                            if (user == null) {
                                return Uni.createFrom().failure(ApiException.notFound(
                                        "User " + username + " not found in tenant " + tenant));
                            }
                            user.roles = (user.superuser ? UserRoles.forSuperuser(roles) : roles)
                                    .toArray(String[]::new);
                            user.updatedAt = now();
                            return session.flush().replaceWith(user);
                        })))
                .map(user -> new TenantUser(tenant, user))
                .invoke(changed -> AUDIT.infof("Roles assigned (tenant_id=%s, caller=%s, username=%s, roles=%s)",
                        tenant, caller.subject(), username, List.of(changed.user().roles)));
    }

    private static void requireStorablePassword(String password) {
        if (!PasswordHasher.fits(password)) {
            throw ApiException.validation("Invalid input data: body -> password: at most "
                    + PasswordHasher.MAX_PASSWORD_BYTES + " bytes (bcrypt ignores anything longer)");
        }
    }

    /** Timestamps as PostgreSQL keeps them (microseconds), so the answer equals what is stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private <T> Uni<T> offEventLoop(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
