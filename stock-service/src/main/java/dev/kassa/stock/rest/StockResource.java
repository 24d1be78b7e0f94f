package dev.kassa.stock.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageMetadata;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.stock.config.StockConfig;
import dev.kassa.stock.domain.StockLevel;
import dev.kassa.stock.rest.StockRequests.MinimumRequest;
import dev.kassa.stock.rest.StockRequests.ReorderRequest;
import dev.kassa.stock.rest.StockRequests.SnapshotRequest;
import dev.kassa.stock.rest.StockRequests.UpdateRequest;
import dev.kassa.stock.rest.StockViews.Paginated;
import dev.kassa.stock.rest.StockViews.SnapshotView;
import dev.kassa.stock.rest.StockViews.StockUpdateView;
import dev.kassa.stock.rest.StockViews.StockView;
import dev.kassa.stock.service.SnapshotService;
import dev.kassa.stock.service.StockService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stock of one store (§7): reads for users and terminals of the tenant, writes for users
 * only. Lists answer {@code data:{data:[…],metadata}}, as Kugel does.
 */
@Path("/api/v1/tenants/{tenantId}/stores/{storeCode}/stock")
public class StockResource {

    @Inject
    CallerContext callers;
    @Inject
    StockService stock;
    @Inject
    SnapshotService snapshots;
    @Inject
    StockConfig config;

    @PathParam("tenantId")
    String tenantId;
    @PathParam("storeCode")
    String storeCode;

    private Caller read() {
        Caller caller = callers.forTenant(tenantId);
        PathCodes.code("store_code", storeCode);
        return caller;
    }

    private Caller write() {
        Caller caller = callers.userOfTenant(tenantId);
        PathCodes.code("store_code", storeCode);
        return caller;
    }

    private Paginated<StockView> all(List<StockLevel> levels) {
        return new Paginated<>(levels.stream().map(l -> StockView.of(tenantId, l)).toList(),
                new PageMetadata(levels.size(), 1, levels.size(), null, null));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<Paginated<StockView>>> list(@QueryParam("page") String page,
                                                      @QueryParam("limit") String limit) {
        read();
        PageRequest paging = PageRequest.of(PathCodes.integer("page", page), PathCodes.integer("limit", limit), null, Set.of());
        return stock.list(tenantId, storeCode, paging.offset(), paging.limit())
                .map(p -> ApiResponse.ok(new Paginated<>(p.items().stream().map(l -> StockView.of(tenantId, l)).toList(),
                        paging.metadata(p.total(), null)), "Stock list retrieved successfully", "get_store_stocks"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("low")
    public Uni<ApiResponse<Paginated<StockView>>> low() {
        read();
        return stock.low(tenantId, storeCode)
                .map(levels -> ApiResponse.ok(all(levels), "Low stock items retrieved successfully", "get_low_stocks"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("reorder-alerts")
    public Uni<ApiResponse<Paginated<StockView>>> reorderAlerts() {
        read();
        return stock.reorderAlerts(tenantId, storeCode)
                .map(levels -> ApiResponse.ok(all(levels), "Reorder alert items retrieved successfully",
                        "get_reorder_alerts"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{itemCode}")
    public Uni<ApiResponse<StockView>> get(@PathParam("itemCode") String itemCode) {
        read();
        PathCodes.code("item_code", itemCode);
        return stock.get(tenantId, storeCode, itemCode)
                .map(l -> ApiResponse.ok(StockView.of(tenantId, l), "Stock retrieved successfully", "get_stock"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{itemCode}/update")
    public Uni<ApiResponse<StockUpdateView>> update(@PathParam("itemCode") String itemCode,
                                                    @Valid @NotNull UpdateRequest body) {
        Caller caller = write();
        PathCodes.code("item_code", itemCode);
        String operator = body.operatorId() != null ? body.operatorId() : caller.subject();
        return stock.update(tenantId, storeCode, itemCode, new StockService.Update(body.quantityChange(),
                        body.updateType(), body.referenceId(), operator, body.note()))
                .map(c -> ApiResponse.ok(StockUpdateView.of(tenantId, c), "Stock updated successfully", "update_stock"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{itemCode}/history")
    public Uni<ApiResponse<Paginated<StockUpdateView>>> history(@PathParam("itemCode") String itemCode,
                                                               @QueryParam("page") String page,
                                                               @QueryParam("limit") String limit) {
        read();
        PathCodes.code("item_code", itemCode);
        PageRequest paging = PageRequest.of(PathCodes.integer("page", page), PathCodes.integer("limit", limit), null, Set.of());
        return stock.history(tenantId, storeCode, itemCode, paging.offset(), paging.limit())
                .map(p -> ApiResponse.ok(new Paginated<>(p.items().stream().map(c -> StockUpdateView.of(tenantId, c))
                                .toList(), paging.metadata(p.total(), null)), "Stock history retrieved successfully",
                        "get_stock_history"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{itemCode}/minimum")
    public Uni<ApiResponse<StockView>> minimum(@PathParam("itemCode") String itemCode,
                                               @Valid @NotNull MinimumRequest body) {
        write();
        PathCodes.code("item_code", itemCode);
        return stock.setMinimum(tenantId, storeCode, itemCode, body.minimumQuantity())
                .map(l -> ApiResponse.ok(StockView.of(tenantId, l), "Minimum quantity set successfully",
                        "set_minimum_quantity"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{itemCode}/reorder")
    public Uni<ApiResponse<StockView>> reorder(@PathParam("itemCode") String itemCode,
                                               @Valid @NotNull ReorderRequest body) {
        write();
        PathCodes.code("item_code", itemCode);
        return stock.setReorder(tenantId, storeCode, itemCode, body.reorderPoint(), body.reorderQuantity())
                .map(l -> ApiResponse.ok(StockView.of(tenantId, l), "Reorder parameters set successfully",
                        "set_reorder_parameters"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @Path("snapshot")
    @ResponseStatus(201)
    public Uni<ApiResponse<SnapshotView>> createSnapshot(@RequestBody(required = false) @Valid SnapshotRequest body) {
        write();
        String createdBy = body == null || body.createdBy() == null ? "system" : body.createdBy();
        return snapshots.create(tenantId, storeCode, createdBy)
                .map(s -> ApiResponse.created(SnapshotView.of(tenantId, s), "Snapshot created successfully",
                        "create_snapshot"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("snapshots")
    public Uni<ApiResponse<Paginated<SnapshotView>>> snapshots(@QueryParam("start_date") String startDate,
                                                              @QueryParam("end_date") String endDate,
                                                              @QueryParam("page") String page,
                                                              @QueryParam("limit") String limit) {
        read();
        PageRequest paging = PageRequest.of(PathCodes.integer("page", page), PathCodes.integer("limit", limit), null, Set.of());
        OffsetDateTime from = PathCodes.bound("start_date", startDate, config.timeZone(), false);
        OffsetDateTime to = PathCodes.bound("end_date", endDate, config.timeZone(), true);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.validation("Invalid input data: start_date must not be after end_date");
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        if (startDate != null && !startDate.isBlank()) {
            filter.put("start_date", startDate);
        }
        if (endDate != null && !endDate.isBlank()) {
            filter.put("end_date", endDate);
        }
        return snapshots.list(tenantId, storeCode, from, to, paging.offset(), paging.limit())
                .map(p -> ApiResponse.ok(new Paginated<>(p.items().stream().map(s -> SnapshotView.of(tenantId, s))
                                .toList(), new PageMetadata(p.total(), paging.page(), paging.limit(),
                                "generate_date_time:-1", filter.isEmpty() ? null : filter)),
                        "Snapshots retrieved successfully", "get_snapshots_by_date_range"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("snapshot/{snapshotId}")
    public Uni<ApiResponse<SnapshotView>> snapshot(@PathParam("snapshotId") String snapshotId) {
        read();
        return snapshots.get(tenantId, storeCode, snapshotId)
                .map(s -> ApiResponse.ok(SnapshotView.of(tenantId, s), "Snapshot retrieved successfully",
                        "get_snapshot_by_id"));
    }
}
