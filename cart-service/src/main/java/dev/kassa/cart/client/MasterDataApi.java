package dev.kassa.cart.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Master data's REST API as the cart reads it (payments, taxes, promotions, settings). Base URL:
 * {@code quarkus.rest-client.masterdata.url}. The caller's own credentials are passed on.
 */
@RegisterRestClient(configKey = "masterdata")
@Path("/api/v1/tenants/{tenantId}")
public interface MasterDataApi {

    @GET
    @Path("/payments")
    Uni<JsonNode> payments(@PathParam("tenantId") String tenantId, @QueryParam("limit") int limit,
                           @QueryParam("terminal_id") String terminalId,
                           @HeaderParam("Authorization") String authorization, @HeaderParam("X-API-KEY") String apiKey);

    @GET
    @Path("/taxes")
    Uni<JsonNode> taxes(@PathParam("tenantId") String tenantId, @QueryParam("terminal_id") String terminalId,
                        @HeaderParam("Authorization") String authorization, @HeaderParam("X-API-KEY") String apiKey);

    @GET
    @Path("/promotions")
    Uni<JsonNode> promotions(@PathParam("tenantId") String tenantId, @QueryParam("limit") int limit,
                             @QueryParam("terminal_id") String terminalId,
                             @HeaderParam("Authorization") String authorization,
                             @HeaderParam("X-API-KEY") String apiKey);

    @GET
    @Path("/settings")
    Uni<JsonNode> settings(@PathParam("tenantId") String tenantId, @QueryParam("limit") int limit,
                           @QueryParam("terminal_id") String terminalId,
                           @HeaderParam("Authorization") String authorization, @HeaderParam("X-API-KEY") String apiKey);
}
