package dev.kassa.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The master-data service's categories. Base URL: {@code quarkus.rest-client.masterdata.url}. */
@RegisterRestClient(configKey = "masterdata")
@Path("/api/v1/tenants/{tenantId}/categories")
public interface MasterDataApi {

    @GET
    Uni<JsonNode> categories(@PathParam("tenantId") String tenantId, @QueryParam("limit") int limit,
                             @QueryParam("page") int page, @HeaderParam("Authorization") String authorization);
}
