package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.masterdata.service.PaymentService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** Payment methods. Reads: users and terminals of the tenant; writes: users only. */
@Path("/api/v1/tenants/{tenant_id}/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    @Inject
    CallerContext callers;

    @Inject
    PaymentService service;

    @Inject
    Views views;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<PaymentView>> create(@RestPath("tenant_id") String tenantId, @Valid @NotNull PaymentCreate body) {
        callers.userOfTenant(tenantId);
        return service.create(tenantId, body).map(x -> ApiResponse.created(views.payment(x),
                "Payment " + body.paymentCode() + " created", "create_payment"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<PaymentView>>> list(@RestPath("tenant_id") String tenantId, @RestQuery Integer page,
                                               @RestQuery Integer limit, @RestQuery String sort) {
        callers.forTenant(tenantId);
        PageRequest request = PageRequest.of(page, limit, sort, PaymentService.SORTABLE);
        return service.list(tenantId, request).map(p -> Paging.answer(p, request, null, views::payment,
                "Payments found for tenant " + tenantId, "get_all_payments"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{payment_code}")
    public Uni<ApiResponse<PaymentView>> get(@RestPath("tenant_id") String tenantId, @RestPath("payment_code") String code) {
        callers.forTenant(tenantId);
        return service.get(tenantId, code).map(x -> ApiResponse.ok(views.payment(x), "Payment " + code + " found",
                "get_payment"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{payment_code}")
    public Uni<ApiResponse<PaymentView>> update(@RestPath("tenant_id") String tenantId, @RestPath("payment_code") String code,
                                           @Valid @NotNull PaymentUpdate body) {
        callers.userOfTenant(tenantId);
        return service.update(tenantId, code, body).map(x -> ApiResponse.ok(views.payment(x),
                "Payment " + code + " updated", "update_payment"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{payment_code}")
    public Uni<ApiResponse<PaymentDeleted>> delete(@RestPath("tenant_id") String tenantId, @RestPath("payment_code") String code) {
        callers.userOfTenant(tenantId);
        return service.delete(tenantId, code).map(v -> ApiResponse.ok(new PaymentDeleted(code),
                "Payment " + code + " deleted", "delete_payment"));
    }
}
