package dev.kassa.account.rest;

import dev.kassa.account.service.AccountService;
import dev.kassa.account.service.LoginOutcome;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.ErrorCodes;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.error.ErrorMappers;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201) // documents the answer; the RestResponse sets it
    public Uni<RestResponse<ApiResponse<UserAccountView>>> registerSuperuser(@Valid @NotNull UserAccountRequest body) {
        return accounts.registerSuperuser(body.username(), body.password(), body.tenantId(), body.roles())
                .map(created -> RestResponse.status(Response.Status.CREATED, ApiResponse.created(
                        UserAccountView.of(created), "User registration successful", "register_super_user")));
    }

    /** OAuth2 password form; {@code client_id} is the tenant. The answer carries no envelope. */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @APIResponse(responseCode = "200", description = "The access token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoginResponse.class)))
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

    /** A superuser adds a user to its own tenant. */
    @POST
    @Path("/register/user")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201) // documents the answer; the RestResponse sets it
    public Uni<RestResponse<ApiResponse<UserAccountView>>> registerUser(@Valid @NotNull UserAccountRequest body) {
        Caller caller = body.tenantId() == null || body.tenantId().isEmpty()
                ? callers.caller() : callers.forTenant(body.tenantId());
        callers.superuserOfTenant(caller.tenantId());
        return accounts.registerUser(caller, body.username(), body.password(), body.roles())
                .map(created -> RestResponse.status(Response.Status.CREATED, ApiResponse.created(
                        UserAccountView.of(created), "User registration successful", "register_user_by_superuser")));
    }
}
