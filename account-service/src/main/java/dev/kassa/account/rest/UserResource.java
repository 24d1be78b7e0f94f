package dev.kassa.account.rest;

import dev.kassa.account.service.Sessions;
import dev.kassa.account.service.TenantUser;
import dev.kassa.account.service.UserAdministration;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.Limits;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Tokens;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import dev.kassa.common.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kassa's additions to Kugel's account API, for a back office: the users of the caller's tenant,
 * passwords, deactivation, and logout. The tenant is always the caller's own (from its token).
 * {@code superuser} stands beside {@code owner}: a tenant's first user is its owner.
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserAdministration admin;

    @Inject
    Sessions sessions;

    @Inject
    CallerContext callers;

    @Inject
    Tokens tokens;

    public record PasswordChange(@NotBlank @Size(max = Limits.SECRET_MAX) String currentPassword,
                                 @NotBlank @Size(max = Limits.SECRET_MAX) String newPassword) {
    }

    /** What a logout answers: whose session ended. */
    public record LoggedOut(String username, boolean loggedOut) {
    }

    public record PasswordReset(@NotBlank @Size(max = Limits.SECRET_MAX) String newPassword) {
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.OWNER)
    public Uni<ApiResponse<List<UserView>>> list(@QueryParam("page") Integer page, @QueryParam("limit") Integer limit) {
        Caller caller = userCaller();
        PageRequest paging = PageRequest.of(page, limit, null, Set.of());
        return admin.list(caller, paging).map(found -> ApiResponse.page(
                found.users().stream().map(UserView::of).toList(), paging.metadata(found.total(), Map.of()),
                "Users", "list_users"));
    }

    /** The caller itself, as the back office shows who is signed in. */
    @GET
    @Path("/me")
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER})
    public Uni<ApiResponse<UserView>> me() {
        return admin.find(userCaller()).map(user -> ApiResponse.ok(UserView.of(user), "Current user", "get_me"));
    }

    /** The caller changes its own password; its other sessions end. */
    @POST
    @Path("/password")
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER})
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ApiResponse<UserView>> changeOwnPassword(@Valid @NotNull PasswordChange body,
                                                        @Context HttpHeaders headers,
                                                        @Context HttpServerRequest request) {
        Caller caller = userCaller();
        String sessionId = bearer(headers).getClaim(Sessions.SESSION_CLAIM);
        return admin.changeOwnPassword(caller, sessionId, body.currentPassword(), body.newPassword(),
                        ClientAddress.of(request))
                .map(user -> ApiResponse.ok(UserView.of(user), "Password changed", "change_password"));
    }

    @POST
    @Path("/users/{username}/password")
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ApiResponse<UserView>> resetPassword(@PathParam("username") String username,
                                                    @Valid @NotNull PasswordReset body) {
        return admin.resetPassword(userCaller(), username, body.newPassword())
                .map(user -> ApiResponse.ok(UserView.of(user), "Password reset", "reset_password"));
    }

    @POST
    @Path("/users/{username}/deactivate")
    @RolesAllowed(Roles.OWNER)
    public Uni<ApiResponse<UserView>> deactivate(@PathParam("username") String username) {
        return admin.deactivate(userCaller(), username)
                .map(user -> ApiResponse.ok(UserView.of(user), "User deactivated", "deactivate_user"));
    }

    @POST
    @Path("/users/{username}/reactivate")
    @RolesAllowed(Roles.OWNER)
    public Uni<ApiResponse<UserView>> reactivate(@PathParam("username") String username) {
        return admin.reactivate(userCaller(), username)
                .map(user -> ApiResponse.ok(UserView.of(user), "User reactivated", "reactivate_user"));
    }

    /** Ends the caller's session: this access token and every token of its session stop working. */
    @POST
    @Path("/logout")
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER})
    public Uni<ApiResponse<LoggedOut>> logout(@Context HttpHeaders headers) {
        Caller caller = userCaller();
        JsonWebToken jwt = bearer(headers);
        return sessions.logout(caller.tenantId(), caller.subject(), jwt.getTokenID(), jwt.getExpirationTime(),
                        jwt.getClaim(Sessions.SESSION_CLAIM))
                .map(ignored -> ApiResponse.ok(new LoggedOut(caller.subject(), true), "Logged out", "logout"));
    }

    private Caller userCaller() {
        Caller caller = callers.caller();
        if (!caller.isUser()) {
            throw ApiException.forbidden("Only a user token may do this");
        }
        return caller;
    }

    /** The caller's token (already verified by the authentication), for its session claims. */
    private JsonWebToken bearer(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        try {
            return tokens.verify(authorization.substring(7).trim());
        } catch (ParseException | RuntimeException e) {
            throw ApiException.unauthorized("Could not validate credentials");
        }
    }

    /** A user as the back office lists it: never a password or its hash. */
    public record UserView(String username, String tenantId,
                           @com.fasterxml.jackson.annotation.JsonProperty("isSuperuser") boolean isSuperuser,
                           @com.fasterxml.jackson.annotation.JsonProperty("isActive") boolean isActive,
                           List<String> roles, java.time.Instant createdAt, java.time.Instant updatedAt,
                           java.time.Instant lastLogin) {
        static UserView of(TenantUser t) {
            var u = t.user();
            return new UserView(u.username, t.tenantId(), u.superuser, u.active, u.roleList(), u.createdAt,
                    u.updatedAt, u.lastLogin);
        }
    }
}
