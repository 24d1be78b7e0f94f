package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.masterdata.service.CustomerService;
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

/**
 * Customers. Reads: users and terminals of the tenant (a till looks a customer up by phone);
 * writes: users only. Searching: {@code customer_code} and {@code phone} are prefixes, {@code name}
 * a part of the name in any case; they combine with AND.
 */
@Path("/api/v1/tenants/{tenant_id}/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @Inject
    CallerContext callers;

    @Inject
    CustomerService customers;

    @Inject
    Views views;

    @POST
    @ResponseStatus(201)
    @RolesAllowed({"owner", "manager", "superuser"})
    public Uni<ApiResponse<CustomerView>> create(@RestPath("tenant_id") String tenantId,
                                                 @Valid @NotNull CustomerCreate body) {
        callers.userOfTenant(tenantId);
        return customers.create(tenantId, body).map(c -> ApiResponse.created(views.customer(c),
                "Customer " + c.customerCode + " created", "create_customer"));
    }

    @GET
    @RolesAllowed({"owner", "manager", "cashier", "viewer", "superuser", "terminal", "service"})
    public Uni<ApiResponse<List<CustomerView>>> list(@RestPath("tenant_id") String tenantId, @RestQuery Integer page,
                                                     @RestQuery Integer limit, @RestQuery String sort,
                                                     @RestQuery("customer_code") @Code String code,
                                                     @RestQuery @Code String phone, @RestQuery @Name String name) {
        callers.forTenant(tenantId);
        PageRequest request = PageRequest.of(page, limit, sort, CustomerService.SORTABLE);
        CustomerService.Search search = new CustomerService.Search(blankToNull(code), blankToNull(phone),
                blankToNull(name));
        return customers.list(tenantId, request, search).map(p -> Paging.answer(p, request,
                search.asFilter().isEmpty() ? null : search.asFilter(), views::customer,
                "Customers found for tenant " + tenantId, "list_customers"));
    }

    @GET
    @Path("{customer_code}")
    @RolesAllowed({"owner", "manager", "cashier", "viewer", "superuser", "terminal", "service"})
    public Uni<ApiResponse<CustomerView>> get(@RestPath("tenant_id") String tenantId,
                                              @RestPath("customer_code") String code) {
        callers.forTenant(tenantId);
        return customers.get(tenantId, code).map(c -> ApiResponse.ok(views.customer(c),
                "Customer " + code + " found", "get_customer"));
    }

    @PUT
    @Path("{customer_code}")
    @RolesAllowed({"owner", "manager", "superuser"})
    public Uni<ApiResponse<CustomerView>> update(@RestPath("tenant_id") String tenantId,
                                                 @RestPath("customer_code") String code,
                                                 @Valid @NotNull CustomerUpdate body) {
        callers.userOfTenant(tenantId);
        return customers.update(tenantId, code, body).map(c -> ApiResponse.ok(views.customer(c),
                "Customer " + code + " updated", "update_customer"));
    }

    @DELETE
    @Path("{customer_code}")
    @RolesAllowed({"owner", "manager", "superuser"})
    public Uni<ApiResponse<CustomerDeleted>> delete(@RestPath("tenant_id") String tenantId,
                                                    @RestPath("customer_code") String code) {
        callers.userOfTenant(tenantId);
        return customers.delete(tenantId, code).map(v -> ApiResponse.ok(new CustomerDeleted(code),
                "Customer " + code + " deleted", "delete_customer"));
    }

    /** The right to be forgotten: personal fields are anonymised, the ledger is kept. */
    @POST
    @Path("{customer_code}/erase")
    @RolesAllowed({"owner", "superuser"})
    public Uni<ApiResponse<CustomerView>> erase(@RestPath("tenant_id") String tenantId,
                                                @RestPath("customer_code") String code) {
        callers.userOfTenant(tenantId);
        return customers.erase(tenantId, code).map(c -> ApiResponse.ok(views.customer(c),
                "Customer " + code + " erased", "erase_customer"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
