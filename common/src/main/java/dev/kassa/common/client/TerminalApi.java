package dev.kassa.common.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The terminal service, as other services see it. Base URL: {@code quarkus.rest-client.terminal.url}. */
@RegisterRestClient(configKey = "terminal")
@Path("/api/v1")
public interface TerminalApi {

    /** The terminal as its own API key sees it; 401 when the key is not the terminal's. */
    @GET
    @Path("/terminals/{terminalId}")
    Uni<JsonNode> terminalByApiKey(@PathParam("terminalId") String terminalId, @HeaderParam("X-API-KEY") String apiKey);
}
