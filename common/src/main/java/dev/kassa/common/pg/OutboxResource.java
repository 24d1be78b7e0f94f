package dev.kassa.common.pg;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import io.quarkus.resteasy.reactive.server.EndpointDisabled;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operator's repair of a service's outbox: the tenant's parked events (paged, without payloads)
 * and their re-drive once the cause is fixed. Offered by every PostgreSQL service (those that set a
 * JDBC URL); a back-office user of the tenant only, never a terminal, never another tenant.
 */
@Path("/api/v1/tenants/{tenantId}/outbox/parked")
@EndpointDisabled(name = "quarkus.datasource.jdbc.url", stringValue = "", disableIfMissing = true)
public class OutboxResource {

    @Inject
    ParkedOutbox parked;

    @Inject
    CallerContext callers;

    @RolesAllowed(Roles.OWNER)
    @GET
    @Blocking
    public ApiResponse<List<ParkedOutbox.ParkedEvent>> list(@PathParam("tenantId") String tenantId,
                                                            @QueryParam("page") Integer page,
                                                            @QueryParam("limit") Integer limit,
                                                            @QueryParam("sort") String sort) {
        callers.userOfTenant(tenantId);
        PageRequest paging = PageRequest.of(page, limit, sort, ParkedOutbox.SORTABLE);
        ParkedOutbox.Page found = parked.list(tenantId, paging);
        return ApiResponse.page(found.events(), paging.metadata(found.total(), Map.of()), "Parked outbox events",
                "list_parked_outbox_events");
    }

    @RolesAllowed(Roles.OWNER)
    @POST
    @Path("/{eventId}/redrive")
    @Blocking
    public ApiResponse<ParkedOutbox.ParkedEvent> redrive(@PathParam("tenantId") String tenantId,
                                                         @PathParam("eventId") String eventId) {
        callers.userOfTenant(tenantId);
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("event_id must be a UUID");
        }
        return parked.redrive(tenantId, id)
                .map(event -> ApiResponse.ok(event, "Outbox event re-driven", "redrive_outbox_event"))
                .orElseThrow(() -> ApiException.notFound("No parked outbox event " + eventId));
    }
}
