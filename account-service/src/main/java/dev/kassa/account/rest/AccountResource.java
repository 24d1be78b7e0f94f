package dev.kassa.account.rest;

import dev.kassa.account.service.AccountService;
import dev.kassa.account.service.LoginOutcome;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.ErrorCodes;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.common.error.ErrorMappers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;

/** Kugel's account API: superuser registration, login, and users added by a superuser. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    static final String LOGIN_REFUSED = "Incorrect username, password or tenant_id";

    @Inject
    AccountService accounts;

    @Inject
    CallerContext callers;

    /** No authentication: this is how a tenant comes to exist. */
    @POST
    @Path("/register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ApiResponse<UserAccountView>>> registerSuperuser(@Valid @NotNull UserAccountRequest body) {
        return accounts.registerSuperuser(body.username(), body.password(), body.tenantId(), body.roles())
                .map(created -> RestResponse.status(Response.Status.CREATED, ApiResponse.created(
                        UserAccountView.of(created), "User registration successful", "register_super_user")));
    }

    /** OAuth2 password form; {@code client_id} is the tenant. The answer carries no envelope. */
    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> token(@RestForm String username, @RestForm String password,
                               @RestForm("client_id") String clientId, @RestForm("grant_type") String grantType) {
        List<String> missing = new ArrayList<>();
        if (username == null || username.isEmpty()) {
            missing.add("body -> username: Field required");
        }
        if (password == null || password.isEmpty()) {
            missing.add("body -> password: Field required");
        }
        if (grantType != null && !grantType.isEmpty() && !"password".equals(grantType)) {
            missing.add("body -> grant_type: must be 'password'");
        }
        if (!missing.isEmpty()) {
            throw ApiException.validation("Invalid input data: " + String.join("; ", missing));
        }
        return accounts.login(clientId, username, password).map(outcome -> switch (outcome) {
            case LoginOutcome.Granted granted -> Response.ok(LoginResponse.bearer(granted.accessToken()))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
            case LoginOutcome.Refused refused -> Response.fromResponse(ErrorMappers.envelope(401,
                            ErrorCodes.UNAUTHORIZED, LOGIN_REFUSED, "http_exception_handler"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
            case LoginOutcome.Throttled throttled -> {
                long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
                yield Response.fromResponse(ErrorMappers.envelope(429, ErrorCodes.TOO_MANY_ATTEMPTS,
                                "Too many failed login attempts; try again in " + seconds + " seconds",
                                "http_exception_handler"))
                        .header(HttpHeaders.RETRY_AFTER, seconds).build();
            }
        });
    }

    /** An owner (the superuser is one) adds a user to its own tenant. */
    @POST
    @Path("/register/user")
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ApiResponse<UserAccountView>>> registerUser(@Valid @NotNull UserAccountRequest body) {
        Caller caller = body.tenantId() == null || body.tenantId().isEmpty()
                ? callers.caller() : callers.forTenant(body.tenantId());
        callers.ownerOfTenant(caller.tenantId());
        return accounts.registerUser(caller, body.username(), body.password(), body.roles())
                .map(created -> RestResponse.status(Response.Status.CREATED, ApiResponse.created(
                        UserAccountView.of(created), "User registration successful", "register_user_by_superuser")));
    }

    /** An owner replaces the roles of a user of its tenant; they apply from the user's next login. */
    @PUT
    @Path("/tenants/{tenant_id}/users/{username}/roles")
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ApiResponse<UserAccountView>> assignRoles(@RestPath("tenant_id") String tenantId,
                                                         @RestPath("username") String username,
                                                         @Valid @NotNull RolesRequest body) {
        Caller caller = callers.ownerOfTenant(tenantId);
        return accounts.assignRoles(caller, username, body.roles())
                .map(changed -> ApiResponse.ok(UserAccountView.of(changed), "Roles assigned", "assign_user_roles"));
    }
}
