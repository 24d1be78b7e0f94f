package dev.kassa.account.rest;

import dev.kassa.account.service.AccountService;
import dev.kassa.account.service.LoginOutcome;
import dev.kassa.account.service.Sessions;
import dev.kassa.common.api.Limits;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;

/** Kugel's account API: superuser registration, login, and users added by a superuser. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    static final String LOGIN_REFUSED = "Incorrect username, password or tenant_id";
    static final String REFRESH_REFUSED = "Invalid, used or expired refresh token";
    static final String REFRESH_GRANT = "refresh_token";

    @Inject
    AccountService accounts;

    @Inject
    Sessions sessions;

    @Inject
    CallerContext callers;

    /** No authentication: this is how a tenant comes to exist. */
    @POST
    @Path("/register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201) // documents the answer; the RestResponse sets it
    public Uni<RestResponse<ApiResponse<UserAccountView>>> registerSuperuser(@Valid @NotNull UserAccountRequest body,
                                                                             @Context HttpServerRequest request) {
        return accounts.registerSuperuser(body.username(), body.password(), body.tenantId(), body.roles(),
                        ClientAddress.of(request))
                .map(created -> RestResponse.status(Response.Status.CREATED, ApiResponse.created(
                        UserAccountView.of(created), "User registration successful", "register_super_user")));
    }

    /**
     * OAuth2 password form ({@code client_id} is the tenant), or {@code grant_type=refresh_token}
     * with the {@code refresh_token} of the last answer. The answer carries no envelope.
     */
    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @APIResponse(responseCode = "200", description = "The access token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoginResponse.class)))
    public Uni<Response> token(@RestForm String username, @RestForm String password,
                               @RestForm("client_id") String clientId, @RestForm("grant_type") String grantType,
                               @RestForm("refresh_token") String refreshToken, @Context HttpServerRequest request) {
        if (REFRESH_GRANT.equals(grantType)) {
            if (refreshToken == null || refreshToken.isEmpty()) {
                throw ApiException.validation("Invalid input data: body -> refresh_token: Field required");
            }
            if (refreshToken.length() > Limits.TEXT_MAX) {
                throw ApiException.validation("Invalid input data: body -> refresh_token: too long");
            }
            return sessions.refresh(refreshToken).map(outcome -> answer(outcome, REFRESH_REFUSED));
        }
        List<String> missing = new ArrayList<>();
        if (username == null || username.isEmpty()) {
            missing.add("body -> username: Field required");
        }
        if (password == null || password.isEmpty()) {
            missing.add("body -> password: Field required");
        }
        if (grantType != null && !grantType.isEmpty() && !"password".equals(grantType)) {
            missing.add("body -> grant_type: must be 'password' or 'refresh_token'");
        }
        if (!missing.isEmpty()) {
            throw ApiException.validation("Invalid input data: " + String.join("; ", missing));
        }
        return accounts.login(clientId, username, password, ClientAddress.of(request))
                .map(outcome -> answer(outcome, LOGIN_REFUSED));
    }

    private static Response answer(LoginOutcome outcome, String refusal) {
        return switch (outcome) {
            case LoginOutcome.Granted granted -> Response.ok(LoginResponse.bearer(granted))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
            case LoginOutcome.Refused refused -> Response.fromResponse(ErrorMappers.envelope(401,
                            ErrorCodes.UNAUTHORIZED, refusal, "http_exception_handler"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
            case LoginOutcome.Throttled throttled -> {
                long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
                yield Response.fromResponse(ErrorMappers.envelope(429, ErrorCodes.TOO_MANY_ATTEMPTS,
                                "Too many failed login attempts; try again in " + seconds + " seconds",
                                "http_exception_handler"))
                        .header(HttpHeaders.RETRY_AFTER, seconds).build();
            }
        };
    }

    /** An owner (the superuser is one) adds a user to its own tenant. */
    @POST
    @Path("/register/user")
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201) // documents the answer; the RestResponse sets it
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
