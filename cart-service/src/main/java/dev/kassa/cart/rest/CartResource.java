package dev.kassa.cart.rest;

import dev.kassa.cart.domain.Cart;
import dev.kassa.cart.domain.CartView;
import dev.kassa.cart.domain.DiscountRequest;
import dev.kassa.cart.domain.PaymentRequest;
import dev.kassa.cart.client.Recommendations;
import dev.kassa.cart.service.CartCustomers;
import dev.kassa.cart.service.CartRecommendations;
import dev.kassa.cart.service.CartService;
import dev.kassa.cart.service.TerminalCaller;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.QueryValues;
import dev.kassa.common.auth.CallerContext;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dev.kassa.common.api.Limits;
import dev.kassa.common.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;
import java.util.Map;

/**
 * The cart API (kugel-features.md §4): a terminal (terminal JWT, or X-API-KEY with
 * {@code terminal_id}) works on its own carts.
 */
@Path("/api/v1/carts")
public class CartResource {

    @Inject
    CartService carts;
    @Inject
    CartRecommendations recommendations;
    @Inject
    CartCustomers customers;
    @Inject
    CallerContext callers;
    @Inject
    RoutingContext routing;

    private TerminalCaller caller() {
        return Requests.terminal(callers, routing.request());
    }

    private static Uni<ApiResponse<CartView>> ok(Uni<Cart> cart, String message, String operation) {
        return cart.map(c -> ApiResponse.ok(CartView.of(c), message, operation));
    }

    public record CartCreated(String cartId) {
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<CartCreated>> create(
            @RequestBody(required = false) @Valid Requests.CreateCart body) { // no body: a sales cart, no user
        Requests.CreateCart b = body == null ? new Requests.CreateCart(null, null, null, null) : body;
        return carts.create(caller(), b.transactionType(), b.userId(), b.userName(), b.customerCode())
                .map(id -> ApiResponse.created(new CartCreated(id), "Cart created", "create_cart"));
    }

    @RolesAllowed(Roles.TERMINAL)
    @GET
    @Path("/{cartId}")
    public Uni<ApiResponse<CartView>> get(@PathParam("cartId") String cartId) {
        return ok(carts.get(caller(), cartId), "Cart found", "get_cart");
    }

    /**
     * Items to suggest for the cart (best first, none already in it): the recommendation service's
     * answer, or its fallback; {@code limit} 1 to 50, 5 by default.
     */
    @RolesAllowed(Roles.TERMINAL)
    @GET
    @Path("/{cartId}/recommendations")
    public Uni<ApiResponse<List<Recommendations.Suggested>>> recommendations(@PathParam("cartId") String cartId,
                                                                             @QueryParam("limit") String limit) {
        return recommendations.forCart(caller(), cartId, QueryValues.optionalInt("limit", limit))
                .map(found -> ApiResponse.ok(found, "Recommendations retrieved successfully", "get_recommendations"));
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{cartId}/cancel")
    public Uni<ApiResponse<CartView>> cancel(@PathParam("cartId") String cartId) {
        return ok(carts.cancel(caller(), cartId), "Cart cancelled", "cancel_transaction");
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{cartId}/lineItems")
    public Uni<ApiResponse<CartView>> addItems(@PathParam("cartId") String cartId,
                                               @NotNull @Size(max = Limits.CART_LINES_MAX) List<Requests.@Valid @NotNull Item> items) {
        List<CartService.ItemRequest> requests = items.stream().map(i -> new CartService.ItemRequest(i.itemCode(),
                i.quantity() == null ? 1 : i.quantity(), i.unitPrice())).toList();
        return ok(carts.addItems(caller(), cartId, requests), "Items added", "add_items");
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{cartId}/lineItems/{lineNo}/cancel")
    public Uni<ApiResponse<CartView>> cancelLine(@PathParam("cartId") String cartId, @PathParam("lineNo") int lineNo) {
        return ok(carts.change(caller(), cartId, (c, ctx) -> c.cancelLineItem(lineNo, ctx)), "Line item cancelled",
                "cancel_line_item");
    }

    @RolesAllowed(Roles.TERMINAL)
    @PATCH
    @Path("/{cartId}/lineItems/{lineNo}/unitPrice")
    public Uni<ApiResponse<CartView>> unitPrice(@PathParam("cartId") String cartId, @PathParam("lineNo") int lineNo,
                                                @Valid @NotNull Requests.UnitPrice body) {
        return ok(carts.change(caller(), cartId, (c, ctx) -> c.updateUnitPrice(lineNo, body.unitPrice(), ctx)),
                "Unit price updated", "update_line_item_unit_price");
    }

    @RolesAllowed(Roles.TERMINAL)
    @PATCH
    @Path("/{cartId}/lineItems/{lineNo}/quantity")
    public Uni<ApiResponse<CartView>> quantity(@PathParam("cartId") String cartId, @PathParam("lineNo") int lineNo,
                                               @Valid @NotNull Requests.Quantity body) {
        return ok(carts.change(caller(), cartId, (c, ctx) -> c.updateQuantity(lineNo, body.quantity(), ctx)),
                "Quantity updated", "update_line_item_quantity");
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{cartId}/lineItems/{lineNo}/discounts")
    public Uni<ApiResponse<CartView>> lineDiscounts(@PathParam("cartId") String cartId, @PathParam("lineNo") int lineNo,
                                                    @NotNull @Size(max = Limits.CART_LINES_MAX) List<@Valid @NotNull DiscountRequest> body) {
        return ok(carts.change(caller(), cartId, (c, ctx) -> c.setLineDiscounts(lineNo, body, ctx)),
                "Discount added to line item", "add_discount_to_line_item");
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{cartId}/subtotal")
    public Uni<ApiResponse<CartView>> subtotal(@PathParam("cartId") String cartId) {
        return ok(carts.change(caller(), cartId, (c, ctx) -> c.subtotal(ctx)), "Subtotal", "subtotal");
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{cartId}/discounts")
    public Uni<ApiResponse<CartView>> discounts(@PathParam("cartId") String cartId,
                                                @NotNull @Size(max = Limits.CART_LINES_MAX) List<@Valid @NotNull DiscountRequest> body) {
        return ok(carts.change(caller(), cartId, (c, ctx) -> c.setSubtotalDiscounts(body, ctx)),
                "Discount added to cart", "add_discount_to_cart");
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{cartId}/payments")
    public Uni<ApiResponse<CartView>> payments(@PathParam("cartId") String cartId,
                                               @NotNull @Size(max = Limits.CART_LINES_MAX) List<@Valid @NotNull PaymentRequest> body) {
        if (body.isEmpty()) {
            throw ApiException.validation("At least one payment is required");
        }
        return ok(carts.addPayments(caller(), cartId, body), "Payments added",
                "add_payments");
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{cartId}/bill")
    public Uni<ApiResponse<CartView>> bill(@PathParam("cartId") String cartId) {
        return ok(carts.bill(caller(), cartId), "Cart billed", "bill");
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{cartId}/resume-item-entry")
    public Uni<ApiResponse<CartView>> resume(@PathParam("cartId") String cartId) {
        return ok(carts.resumeItemEntry(caller(), cartId), "Item entry resumed",
                "resume_item_entry");
    }

    /**
     * Attaches a customer to the open cart (Idle, EnteringItem or Paying), looked up in master data:
     * unknown or erased 404, ledger away 503 / 601002; refused (400 / 300004) while a credit or points
     * payment holds the current customer's ledger. The same customer again changes nothing.
     */
    @RolesAllowed(Roles.TERMINAL)
    @PUT
    @Path("/{cartId}/customer")
    public Uni<ApiResponse<CartView>> attachCustomer(@PathParam("cartId") String cartId,
                                                     @Valid @NotNull Requests.AttachCustomer body) {
        return ok(customers.attach(caller(), cartId, body.customerCode()), "Customer attached", "attach_customer");
    }

    /** Removes the open cart's customer; refused (400 / 300004) while a credit or points payment holds their ledger. */
    @RolesAllowed(Roles.TERMINAL)
    @DELETE
    @Path("/{cartId}/customer")
    public Uni<ApiResponse<CartView>> detachCustomer(@PathParam("cartId") String cartId) {
        return ok(customers.detach(caller(), cartId), "Customer removed", "detach_customer");
    }
}
