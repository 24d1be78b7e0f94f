package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.masterdata.domain.Ledger;
import dev.kassa.masterdata.service.PointsService;
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

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Points and credit by hand (adjustments), points by the calendar (expiry), and a customer's ledger entries. */
@Path("/api/v1/tenants/{tenant_id}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerPointsResource {
    static final int DEFAULT_LIMIT = 50;

    @Inject
    CallerContext callers;

    @Inject
    PointsService points;

    @POST
    @Path("customers/{customer_code}/points/adjustments")
    @ResponseStatus(201)
    @RolesAllowed({"owner", "manager", "superuser"})
    public Uni<ApiResponse<Ledger.Balances>> adjust(@RestPath("tenant_id") String tenantId,
                                                    @RestPath("customer_code") String code,
                                                    @Valid @NotNull PointsAdjustmentCreate body) {
        callers.userOfTenant(tenantId);
        return points.adjust(tenantId, code, body.points(), body.reason(), body.adjustmentId())
                .map(b -> ApiResponse.created(b, "Adjustment of " + body.points().stripTrailingZeros().toPlainString()
                        + " points of customer " + code + " posted", "create_points_adjustment"));
    }

    /** A charge (positive) or a write-off of bad debt (negative) of what the customer owes. */
    @POST
    @Path("customers/{customer_code}/credit/adjustments")
    @ResponseStatus(201)
    @RolesAllowed({"owner", "manager", "superuser"})
    public Uni<ApiResponse<Ledger.Balances>> adjustCredit(@RestPath("tenant_id") String tenantId,
                                                          @RestPath("customer_code") String code,
                                                          @Valid @NotNull CreditAdjustmentCreate body) {
        callers.userOfTenant(tenantId);
        return points.adjustCredit(tenantId, code, body.amount(), body.reason(), body.adjustmentId())
                .map(b -> ApiResponse.created(b, "Adjustment of " + body.amount().stripTrailingZeros().toPlainString()
                        + " to the credit of customer " + code + " posted", "create_credit_adjustment"));
    }

    @POST
    @Path("customers/points/expiry")
    @ResponseStatus(201)
    @RolesAllowed({"owner", "manager", "superuser"})
    public Uni<ApiResponse<PointsService.PointsExpiry>> expire(@RestPath("tenant_id") String tenantId,
                                                               @Valid @NotNull PointsExpiryCreate body) {
        callers.userOfTenant(tenantId);
        return points.expire(tenantId, CustomerLedgerResource.date("earned_before", body.earnedBefore())).map(r -> ApiResponse.created(r, "Points earned before "
                + r.earnedBefore() + " expired for " + r.customerCount() + " customer(s)", "create_points_expiry"));
    }

    /** {@code ledger} points (default) or credit; newest first; {@code limit} 1..1000, default 50. */
    @GET
    @Path("customers/{customer_code}/ledger/entries")
    @RolesAllowed({"owner", "manager", "cashier", "viewer", "superuser", "terminal", "service"})
    public Uni<ApiResponse<List<PointsService.Entry>>> entries(@RestPath("tenant_id") String tenantId,
                                                               @RestPath("customer_code") String code,
                                                               @RestQuery("ledger") String ledger,
                                                               @RestQuery Integer page, @RestQuery Integer limit) {
        callers.forTenant(tenantId);
        String which = ledger == null || ledger.isBlank() ? Ledger.POINTS : ledger;
        if (!which.equals(Ledger.POINTS) && !which.equals(Ledger.CREDIT)) {
            throw ApiException.validation("Invalid input data: ledger: must be points or credit");
        }
        PageRequest request = PageRequest.of(page, limit, null, Set.of(), DEFAULT_LIMIT, PageRequest.MAX_LIMIT);
        return points.entries(tenantId, code, which, request).map(p -> ApiResponse.page(p.items(),
                request.metadata(p.total(), Map.of("ledger", which)), "Ledger entries of customer " + code + " found",
                "list_customer_ledger_entries"));
    }
}
