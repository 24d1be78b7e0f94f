package dev.kassa.terminal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The master-data service as the terminal service uses it. Base URL: {@code quarkus.rest-client.masterdata.url}. */
@RegisterRestClient(configKey = "masterdata")
@Path("/api/v1")
public interface MasterDataApi {

    @GET
    @Path("/tenants/{tenantId}/staff/{staffId}")
    Uni<JsonNode> staff(@PathParam("tenantId") String tenantId, @PathParam("staffId") String staffId,
                        @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/tenants/{tenantId}/customers/{customerCode}/ledger")
    Uni<JsonNode> ledger(@PathParam("tenantId") String tenantId, @PathParam("customerCode") String customerCode,
                         @HeaderParam("Authorization") String authorization);
}
