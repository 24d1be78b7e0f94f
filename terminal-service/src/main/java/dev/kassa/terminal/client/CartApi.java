package dev.kassa.terminal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The cart service as the terminal service uses it. Base URL: {@code quarkus.rest-client.cart.url}. */
@RegisterRestClient(configKey = "cart")
@Path("/api/v1")
public interface CartApi {

    @GET
    @Path("/tenants/{tenantId}/stores/{storeCode}/terminals/{terminalNo}/transactions")
    Uni<JsonNode> transactions(@PathParam("tenantId") String tenantId, @PathParam("storeCode") String storeCode,
                               @PathParam("terminalNo") int terminalNo,
                               @QueryParam("business_date") String businessDate,
                               @QueryParam("open_counter") int openCounter,
                               @QueryParam("include_cancelled") boolean includeCancelled,
                               @QueryParam("limit") int limit,
                               @QueryParam("sort") String sort,
                               @HeaderParam("Authorization") String authorization);
}
