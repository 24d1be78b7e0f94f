package dev.kassa.report.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.report.domain.Report;
import dev.kassa.report.domain.ReportErrors;
import dev.kassa.report.domain.ReportPeriod;
import dev.kassa.report.domain.ReportRequest;
import dev.kassa.report.domain.ReportScope;
import dev.kassa.report.domain.ReportType;
import dev.kassa.report.service.ReportService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Flash and daily reports of a store or one terminal (kugel-features.md §6). A user token, a
 * terminal JWT or a terminal's API key with {@code terminal_id}; the tenant must be the caller's,
 * and a terminal reads its own store only.
 */
@Path("/api/v1/tenants/{tenantId}/stores/{storeCode}")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    CallerContext callers;

    @Inject
    ReportService reports;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("/reports")
    @APIResponse(responseCode = "200", description = "The report of the asked type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportAnswer.class)))
    public Uni<ApiResponse<Object>> storeReport(
            @PathParam("tenantId") String tenantId, @PathParam("storeCode") String storeCode,
            @QueryParam("report_scope") String scope, @QueryParam("report_type") String type,
            @QueryParam("business_date") String businessDate, @QueryParam("business_date_from") String from,
            @QueryParam("business_date_to") String to, @QueryParam("open_counter") String openCounter,
            @QueryParam("business_counter") String businessCounter, @QueryParam("limit") String limit,
            @QueryParam("page") String page, @QueryParam("sort") String sort,
            @HeaderParam("X-API-KEY") String apiKey) {
        Caller caller = callers.forTenant(tenantId);
        Params.requireStore(caller, storeCode);
        ReportRequest request = request(tenantId, storeCode, null, scope, type, businessDate, from, to, openCounter,
                businessCounter, limit, page, sort);
        return reports.report(request, caller, apiKey).map(r -> answer(request, r, "get_report_for_store"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("/terminals/{terminalNo}/reports")
    @APIResponse(responseCode = "200", description = "The report of the asked type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportAnswer.class)))
    public Uni<ApiResponse<Object>> terminalReport(
            @PathParam("tenantId") String tenantId, @PathParam("storeCode") String storeCode,
            @PathParam("terminalNo") String terminalNo,
            @QueryParam("report_scope") String scope, @QueryParam("report_type") String type,
            @QueryParam("business_date") String businessDate, @QueryParam("business_date_from") String from,
            @QueryParam("business_date_to") String to, @QueryParam("open_counter") String openCounter,
            @QueryParam("business_counter") String businessCounter, @QueryParam("limit") String limit,
            @QueryParam("page") String page, @QueryParam("sort") String sort,
            @HeaderParam("X-API-KEY") String apiKey) {
        Caller caller = callers.forTenant(tenantId);
        Params.requireStore(caller, storeCode);
        int terminal = Params.requiredInt("terminal_no", terminalNo);
        ReportRequest request = request(tenantId, storeCode, terminal, scope, type, businessDate, from, to,
                openCounter, businessCounter, limit, page, sort);
        return reports.report(request, caller, apiKey).map(r -> answer(request, r, "get_report_for_terminal"));
    }

    static ReportRequest request(String tenantId, String storeCode, Integer terminalNo, String scope, String type,
                                 String businessDate, String from, String to, String openCounter,
                                 String businessCounter, String limit, String page, String sort) {
        ReportScope s = ReportScope.parse(scope);
        ReportType t = ReportType.parse(type);
        ReportPeriod period = ReportPeriod.of(businessDate, from, to);
        if (period.isRange() && s == ReportScope.FLASH) {
            throw ReportErrors.date("Date range is not supported for flash reports. Flash reports are for the"
                    + " current session only.");
        }
        // The sales report has no list: Kugel ignores its sort, and so does Kassa rather than refuse it.
        PageRequest paging = PageRequest.of(Params.optionalInt("page", page), Params.optionalInt("limit", limit),
                t == ReportType.SALES ? null : sort, t.sortable());
        return new ReportRequest(tenantId, storeCode, terminalNo, s, t, period,
                Params.optionalInt("open_counter", openCounter), Params.optionalInt("business_counter",
                businessCounter), paging);
    }

    private static ApiResponse<Object> answer(ReportRequest request, Report report, String operation) {
        String message = Character.toUpperCase(request.type().wire().charAt(0)) + request.type().wire().substring(1)
                + " report fetched successfully";
        return new ApiResponse<>(true, 200, message, null, report.data(), report.metadata(), operation);
    }
}
