package dev.kassa.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The journal service's ingest of report texts. Base URL: {@code quarkus.rest-client.journal.url}. */
@RegisterRestClient(configKey = "journal")
@Path("/api/v1/tenants/{tenantId}/stores/{storeCode}/terminals/{terminalNo}/journals")
public interface JournalApi {

    @POST
    Uni<JsonNode> add(@PathParam("tenantId") String tenantId, @PathParam("storeCode") String storeCode,
                      @PathParam("terminalNo") int terminalNo, @QueryParam("terminal_id") String terminalId,
                      @HeaderParam("Authorization") String authorization, @HeaderParam("X-API-KEY") String apiKey,
                      JournalEntry entry);
}
