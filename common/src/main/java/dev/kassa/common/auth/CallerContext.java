package dev.kassa.common.auth;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ErrorCodes;
import dev.kassa.common.tenant.TenantIds;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The caller of the current request and the tenant rules every endpoint applies: the tenant in
 * the path must be a valid id and the caller's own (Kugel answers a mismatch with 400).
 * Endpoints using it carry {@code @Authenticated} (or {@code @RolesAllowed}), so the identity
 * is resolved before they run.
 */
@RequestScoped
public class CallerContext {

    @Inject
    SecurityIdentity identity;

    public Caller caller() {
        Caller caller = identity.isAnonymous() ? null : identity.getAttribute(Caller.ATTRIBUTE);
        if (caller == null) {
            throw ApiException.unauthorized("Not authenticated");
        }
        return caller;
    }

    /** The caller, after checking that {@code tenantId} is valid and is the caller's tenant. */
    public Caller forTenant(String tenantId) {
        TenantIds.require(tenantId);
        Caller caller = caller();
        if (!tenantId.equals(caller.tenantId())) {
            throw ApiException.badRequest(ErrorCodes.TENANT_MISMATCH,
                    "The tenant in the request does not match the caller's tenant");
        }
        return caller;
    }

    /** As {@link #forTenant}, for writes that only a person of the back office may make. */
    public Caller userOfTenant(String tenantId) {
        Caller caller = forTenant(tenantId);
        if (!caller.isUser()) {
            throw ApiException.forbidden("Only a user token may change this; terminals may read it");
        }
        return caller;
    }

    /** As {@link #userOfTenant}, for what only an owner of the tenant (its superuser is one) may do. */
    public Caller ownerOfTenant(String tenantId) {
        Caller caller = userOfTenant(tenantId);
        if (!caller.roles().contains(Roles.OWNER)) {
            throw ApiException.forbidden("Only an owner of the tenant may do this");
        }
        return caller;
    }

    /** A terminal caller of the given terminal (user tokens of the tenant pass too). */
    public Caller forTerminal(String terminalId) {
        Caller caller = forTenant(KassaAuthenticationMechanism.tenantOfTerminal(terminalId));
        if (caller.isTerminal() && !terminalId.equals(caller.terminal().terminalId())) {
            throw ApiException.forbidden("A terminal may act only on itself");
        }
        return caller;
    }
}
