package dev.kassa.journal.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.journal.service.JournalService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code GET /api/v1/tenants/{t}/stores/{s}/journals}: the search of Kugel's §5, with its bugs fixed
 * (a range with one end filters on that end; date-times compare as instants; keywords are literal
 * text). Users of the tenant, and terminals of that store, may read.
 */
@Path("/api/v1/tenants/{tenantId}/stores/{storeCode}/journals")
@Produces(MediaType.APPLICATION_JSON)
public class JournalResource {

    @Inject
    CallerContext callers;

    @Inject
    JournalService journal;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL})
    @GET
    public Uni<ApiResponse<List<JournalView>>> search(
            @PathParam("tenantId") String tenantId,
            @PathParam("storeCode") String storeCode,
            @QueryParam("terminals") List<String> terminals,
            @QueryParam("transaction_types") List<String> transactionTypes,
            @QueryParam("business_date_from") String businessDateFrom,
            @QueryParam("business_date_to") String businessDateTo,
            @QueryParam("generate_date_time_from") String generateDateTimeFrom,
            @QueryParam("generate_date_time_to") String generateDateTimeTo,
            @QueryParam("receipt_no_from") String receiptNoFrom,
            @QueryParam("receipt_no_to") String receiptNoTo,
            @QueryParam("keywords") List<String> keywords,
            @QueryParam("limit") String limit,
            @QueryParam("page") String page,
            @QueryParam("sort") String sort) {
        Callers.mayRead(callers.forTenant(tenantId), storeCode);
        JournalSearchParams params = JournalSearchParams.parse(storeCode, new JournalSearchParams.Raw(terminals,
                transactionTypes, businessDateFrom, businessDateTo, generateDateTimeFrom, generateDateTimeTo,
                receiptNoFrom, receiptNoTo, keywords, limit, page, sort), journal.zone());
        return journal.search(tenantId, params.criteria(), params.page())
                .map(found -> ApiResponse.page(found.entries().stream().map(JournalView::of).toList(),
                        params.page().metadata(found.total(), params.filter()),
                        "Journals found: " + found.total(), "get_journals"));
    }
}
