package dev.kassa.report.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.report.domain.Dashboards;
import dev.kassa.report.domain.ReportErrors;
import dev.kassa.report.domain.ReportPeriod;
import dev.kassa.report.service.DashboardService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Locale;

/**
 * Back-office dashboards (not in Kugel) over {@code business_date_from}..{@code business_date_to}
 * (or one {@code business_date}), at most 366 days, optionally for one {@code terminal_no}.
 */
@Path("/api/v1/tenants/{tenantId}/stores/{storeCode}/dashboards")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
    static final int DEFAULT_TOP = 10;
    static final int MAX_TOP = 100;

    @Inject
    CallerContext callers;

    @Inject
    DashboardService dashboards;

    /** {@code by=quantity} (default) or {@code by=amount}; {@code limit} 1..100, default 10. */
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("/top-items")
    public Uni<ApiResponse<Dashboards.TopItems>> topItems(
            @PathParam("tenantId") String tenantId, @PathParam("storeCode") String storeCode,
            @QueryParam("business_date") String date, @QueryParam("business_date_from") String from,
            @QueryParam("business_date_to") String to, @QueryParam("terminal_no") String terminalNo,
            @QueryParam("by") String by, @QueryParam("limit") String limit) {
        Caller caller = callers.forTenant(tenantId);
        Params.requireStore(caller, storeCode);
        ReportPeriod period = period(date, from, to);
        Integer terminal = Params.optionalInt("terminal_no", terminalNo);
        Dashboards.Rank rank = rank(by);
        Integer top = Params.optionalInt("limit", limit);
        int n = top == null ? DEFAULT_TOP : top;
        if (n < 1 || n > MAX_TOP) {
            throw ApiException.validation("Invalid input data: limit: must be between 1 and " + MAX_TOP);
        }
        return dashboards.transactions(tenantId, storeCode, terminal, period)
                .map(trans -> ApiResponse.ok(Dashboards.topItems(storeCode, terminal, period, trans, rank, n),
                        "Top items fetched successfully", "get_top_items"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("/sales-by-hour")
    public Uni<ApiResponse<Dashboards.SalesByHour>> salesByHour(
            @PathParam("tenantId") String tenantId, @PathParam("storeCode") String storeCode,
            @QueryParam("business_date") String date, @QueryParam("business_date_from") String from,
            @QueryParam("business_date_to") String to, @QueryParam("terminal_no") String terminalNo) {
        Caller caller = callers.forTenant(tenantId);
        Params.requireStore(caller, storeCode);
        ReportPeriod period = period(date, from, to);
        Integer terminal = Params.optionalInt("terminal_no", terminalNo);
        return dashboards.transactions(tenantId, storeCode, terminal, period)
                .map(trans -> ApiResponse.ok(Dashboards.salesByHour(storeCode, terminal, period, trans),
                        "Sales by hour fetched successfully", "get_sales_by_hour"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("/payment-mix")
    public Uni<ApiResponse<Dashboards.PaymentMix>> paymentMix(
            @PathParam("tenantId") String tenantId, @PathParam("storeCode") String storeCode,
            @QueryParam("business_date") String date, @QueryParam("business_date_from") String from,
            @QueryParam("business_date_to") String to, @QueryParam("terminal_no") String terminalNo) {
        Caller caller = callers.forTenant(tenantId);
        Params.requireStore(caller, storeCode);
        ReportPeriod period = period(date, from, to);
        Integer terminal = Params.optionalInt("terminal_no", terminalNo);
        return dashboards.transactions(tenantId, storeCode, terminal, period)
                .map(trans -> ApiResponse.ok(Dashboards.paymentMix(storeCode, terminal, period, trans),
                        "Payment mix fetched successfully", "get_payment_mix"));
    }

    private static ReportPeriod period(String date, String from, String to) {
        ReportPeriod period = ReportPeriod.of(date, from, to);
        if (period.days() > ReportPeriod.MAX_RANGE_DAYS) {
            throw ReportErrors.date("A dashboard covers at most " + ReportPeriod.MAX_RANGE_DAYS + " days");
        }
        return period;
    }

    private static Dashboards.Rank rank(String by) {
        if (by == null || by.isBlank()) {
            return Dashboards.Rank.QUANTITY;
        }
        return switch (by.trim().toLowerCase(Locale.ROOT)) {
            case "quantity" -> Dashboards.Rank.QUANTITY;
            case "amount" -> Dashboards.Rank.AMOUNT;
            default -> throw ApiException.validation("Invalid input data: by: must be quantity or amount");
        };
    }
}
