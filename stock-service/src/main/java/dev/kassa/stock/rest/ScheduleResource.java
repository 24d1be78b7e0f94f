package dev.kassa.stock.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.stock.domain.SnapshotSchedule;
import dev.kassa.stock.rest.StockRequests.ScheduleRequest;
import dev.kassa.stock.rest.StockViews.ScheduleView;
import dev.kassa.stock.service.ScheduleService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/tenants/{t}/stock/snapshot-schedule} in snake_case, as in Kugel. Without a
 * stored schedule GET answers the defaults (daily 02:00, 30 days), which run nowhere: only a
 * schedule set with PUT fires.
 */
@Path("/api/v1/tenants/{tenantId}/stock/snapshot-schedule")
public class ScheduleResource {

    @Inject
    CallerContext callers;
    @Inject
    ScheduleService schedules;

    @PathParam("tenantId")
    String tenantId;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<ScheduleView>> get() {
        callers.forTenant(tenantId);
        return schedules.get(tenantId).map(c -> ApiResponse.ok(ScheduleView.of(tenantId, c),
                "Snapshot schedule retrieved successfully", "get_snapshot_schedule"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    public Uni<ApiResponse<ScheduleView>> put(@Valid @NotNull ScheduleRequest body) {
        Caller caller = callers.userOfTenant(tenantId);
        if (SnapshotSchedule.WEEKLY.equals(body.scheduleInterval()) && body.scheduleDayOfWeek() == null) {
            throw ApiException.validation("Invalid input data: schedule_day_of_week is required for weekly schedules");
        }
        if (SnapshotSchedule.MONTHLY.equals(body.scheduleInterval()) && body.scheduleDayOfMonth() == null) {
            throw ApiException.validation("Invalid input data: schedule_day_of_month is required for monthly schedules");
        }
        SnapshotSchedule wanted = new SnapshotSchedule(body.enabled() == null || body.enabled(),
                body.scheduleInterval(), body.scheduleHour(), body.scheduleMinute() == null ? 0 : body.scheduleMinute(),
                body.scheduleDayOfWeek(), body.scheduleDayOfMonth(),
                body.retentionDays() == null ? 30 : body.retentionDays(),
                body.targetStores() == null ? SnapshotSchedule.ALL_STORES : List.copyOf(body.targetStores()),
                null, null, null, null, null);
        return schedules.put(tenantId, wanted, caller.subject()).map(c -> ApiResponse.ok(ScheduleView.of(tenantId, c),
                "Snapshot schedule updated successfully", "update_snapshot_schedule"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    public Uni<ApiResponse<Map<String, Boolean>>> delete() {
        callers.userOfTenant(tenantId);
        return schedules.delete(tenantId).map(ignored -> ApiResponse.ok(Map.of("deleted", true),
                "Snapshot schedule deleted successfully", "delete_snapshot_schedule"));
    }
}
