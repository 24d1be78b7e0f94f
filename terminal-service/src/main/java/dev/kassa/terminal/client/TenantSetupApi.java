package dev.kassa.terminal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** {@code POST /api/v1/tenants}, which every other service offers; built per service by {@link TenantProvisioningClient}. */
@Path("/api/v1")
public interface TenantSetupApi {

    @POST
    @Path("/tenants")
    Uni<Response> provision(@HeaderParam("Authorization") String authorization, Map<String, String> body);
}
