package dev.kassa.cart.rest;

import dev.kassa.cart.client.Credentials;
import dev.kassa.cart.service.TerminalCaller;
import dev.kassa.common.auth.CallerContext;
import io.vertx.core.http.HttpServerRequest;

import java.math.BigDecimal;

/** Request bodies of the cart API (snake_case or camelCase) and the caller helper. */
final class Requests {

    private Requests() {
    }

    record CreateCart(Integer transactionType, String userId, String userName) {
    }

    record Item(String itemCode, Integer quantity, BigDecimal unitPrice) {
    }

    record Quantity(@jakarta.validation.constraints.NotNull Integer quantity) {
    }

    record UnitPrice(@jakarta.validation.constraints.NotNull BigDecimal unitPrice) {
    }

    record DeliveryStatus(@jakarta.validation.constraints.NotBlank String eventId,
                          @jakarta.validation.constraints.NotBlank String service,
                          @jakarta.validation.constraints.NotBlank String status, String message) {
    }

    record Tenant(@jakarta.validation.constraints.NotBlank String tenantId) {
    }

    /** The caller's credentials as they came, to be passed on to master data. */
    static Credentials credentials(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Credentials(authorization.substring(7).trim(), null, null);
        }
        return new Credentials(null, request.getHeader("X-API-KEY"), request.getParam("terminal_id"));
    }

    static TerminalCaller terminal(CallerContext callers, HttpServerRequest request) {
        return TerminalCaller.of(callers.caller(), credentials(request));
    }
}
