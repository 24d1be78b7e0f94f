package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.masterdata.config.MasterDataConfig;
import dev.kassa.masterdata.domain.Ledger;
import dev.kassa.masterdata.service.CustomerReports;
import dev.kassa.masterdata.service.LedgerService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A customer's ledgers (balances, repayments) and the customer reports. The ledger lives here, beside
 * the customer and its limit, so a reservation is one statement on one database.
 */
@Path("/api/v1/tenants/{tenant_id}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerLedgerResource {
    static final int DEFAULT_TOP = 10;
    static final int MAX_TOP = 100;

    @Inject
    CallerContext callers;

    @Inject
    LedgerService ledger;

    @Inject
    CustomerReports reports;

    @Inject
    MasterDataConfig config;

    /** Points and credit of one customer: owed, held by open carts, still available. */
    @GET
    @Path("customers/{customer_code}/ledger")
    @RolesAllowed({"owner", "manager", "cashier", "viewer", "superuser", "terminal", "service"})
    public Uni<ApiResponse<Ledger.Balances>> balances(@RestPath("tenant_id") String tenantId,
                                                      @RestPath("customer_code") String code) {
        callers.forTenant(tenantId);
        return ledger.balances(tenantId, code).map(b -> ApiResponse.ok(b, "Ledger of customer " + code + " found",
                "get_customer_ledger"));
    }

    /**
     * A repayment taken in the back office by the store {@code storeCode}: posted to the ledger and, in the
     * same transaction, published as that store's cash log (terminal 0) for the journal and the reports.
     */
    @POST
    @Path("customers/{customer_code}/credit/repayments")
    @ResponseStatus(201)
    @RolesAllowed({"owner", "manager", "superuser"})
    public Uni<ApiResponse<Ledger.Balances>> repay(@RestPath("tenant_id") String tenantId,
                                                   @RestPath("customer_code") String code,
                                                   @Valid @NotNull RepaymentCreate body) {
        Caller caller = callers.userOfTenant(tenantId);
        return ledger.repay(tenantId, code, body.amount(), body.repaymentId(), body.reference(), body.storeCode(),
                        caller.subject())
                .map(b -> ApiResponse.created(b, "Repayment of " + body.amount().stripTrailingZeros().toPlainString()
                        + " by customer " + code + " posted", "create_credit_repayment"));
    }

    /** {@code as_of} (yyyyMMdd, default today in the shop's zone): the day the ages are counted to. */
    @GET
    @Path("reports/customers/credit-ageing")
    @RolesAllowed({"owner", "manager", "viewer", "superuser"})
    public Uni<ApiResponse<CustomerReports.CreditAgeing>> creditAgeing(@RestPath("tenant_id") String tenantId,
                                                                       @RestQuery("as_of") String asOf) {
        callers.userOfTenant(tenantId);
        LocalDate day = asOf == null || asOf.isBlank() ? LocalDate.now(config.zone()) : date("as_of", asOf);
        return reports.creditAgeing(tenantId, day).map(r -> ApiResponse.ok(r,
                "Credit ageing fetched successfully", "get_credit_ageing"));
    }

    @GET
    @Path("reports/customers/points-liability")
    @RolesAllowed({"owner", "manager", "viewer", "superuser"})
    public Uni<ApiResponse<CustomerReports.PointsLiability>> pointsLiability(@RestPath("tenant_id") String tenantId) {
        callers.userOfTenant(tenantId);
        return reports.pointsLiability(tenantId).map(r -> ApiResponse.ok(r,
                "Points liability fetched successfully", "get_points_liability"));
    }

    /** {@code business_date_from}/{@code _to} (yyyyMMdd, inclusive, required); {@code limit} 1..100, default 10. */
    @GET
    @Path("reports/customers/top")
    @RolesAllowed({"owner", "manager", "viewer", "superuser"})
    public Uni<ApiResponse<CustomerReports.TopCustomers>> top(@RestPath("tenant_id") String tenantId,
                                                              @RestQuery("business_date_from") String from,
                                                              @RestQuery("business_date_to") String to,
                                                              @RestQuery("limit") Integer limit) {
        callers.userOfTenant(tenantId);
        LocalDate first = date("business_date_from", from);
        LocalDate last = date("business_date_to", to);
        if (last.isBefore(first)) {
            throw ApiException.validation("Invalid input data: business_date_to is before business_date_from");
        }
        int n = limit == null ? DEFAULT_TOP : limit;
        if (n < 1 || n > MAX_TOP) {
            throw ApiException.validation("Invalid input data: limit: must be between 1 and " + MAX_TOP);
        }
        return reports.topCustomers(tenantId, from, to, n).map(r -> ApiResponse.ok(r,
                "Top customers fetched successfully", "get_top_customers"));
    }

    /** A yyyyMMdd query or body value named {@code name}; anything else is 422. */
    static LocalDate date(String name, String value) {
        if (value == null || value.length() != 8) {
            throw ApiException.validation("Invalid input data: " + name + ": must be a date yyyyMMdd");
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("Invalid input data: " + name + ": must be a date yyyyMMdd");
        }
    }
}
