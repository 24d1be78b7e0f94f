package dev.kassa.terminal.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.TerminalClaims;
import dev.kassa.terminal.rest.Views.TokenView;
import dev.kassa.terminal.service.TerminalApiKeyVerifier;
import dev.kassa.terminal.service.TerminalService;
import dev.kassa.terminal.service.TerminalTokens;
import dev.kassa.common.auth.KassaAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Optional;

/**
 * Terminal JWTs for an API key: the key is checked here (no other credential is accepted), then the
 * terminal's current state goes into the claims. Without {@code terminal_id} the key is looked up
 * in every tenant, as Kugel does.
 */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    TerminalApiKeyVerifier apiKeys;

    @Inject
    TerminalService terminals;

    @Inject
    TerminalTokens tokens;

    @PermitAll
    @POST
    @Path("token")
    public Uni<ApiResponse<TokenView>> token(@QueryParam("terminal_id") String terminalId,
                                             @HeaderParam("X-API-KEY") String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiException.unauthorized("An X-API-KEY header is required");
        }
        Uni<Optional<TerminalClaims>> found = terminalId == null || terminalId.isBlank()
                ? apiKeys.findByKey(apiKey) : apiKeys.verify(terminalId, apiKey);
        return found.flatMap(claims -> {
            TerminalClaims t = claims.orElseThrow(() -> ApiException.unauthorized("Invalid API key"));
            return terminals.get(KassaAuthenticationMechanism.tenantOfTerminal(t.terminalId()), t.terminalId());
        }).map(t -> ApiResponse.ok(new TokenView(tokens.issue(t), "bearer", tokens.lifetimeSeconds()),
                "Terminal token issued. terminal_id: " + t.terminalId, "create_terminal_token"));
    }
}
