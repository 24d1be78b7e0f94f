package dev.kassa.cart.rest;

import dev.kassa.cart.client.Credentials;
import dev.kassa.cart.service.TerminalCaller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.api.bounds.Text;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** Request bodies of the cart API (snake_case or camelCase) and the caller helper. */
final class Requests {

    private Requests() {
    }

    /** {@code customerCode}: the customer the sale is for (loyalty points, store credit), carried by its tranlog. */
    record CreateCart(@Digits(integer = 3, fraction = 0) Integer transactionType, @Code String userId,
                      @Name String userName, @Code String customerCode) {
    }

    /** {@code customerCode}: the customer to attach to an open cart (as scanned from a loyalty card). */
    record AttachCustomer(@NotBlank @Code String customerCode) {
    }

    record Item(@NotNull @Code String itemCode,
                @Digits(integer = Limits.QUANTITY_INTEGER_DIGITS, fraction = 0) Integer quantity,
                @Amount BigDecimal unitPrice) {
    }

    record Quantity(@NotNull @Digits(integer = Limits.QUANTITY_INTEGER_DIGITS, fraction = 0) Integer quantity) {
    }

    record UnitPrice(@NotNull @Amount BigDecimal unitPrice) {
    }

    record DeliveryStatus(@NotBlank @Code String eventId, @NotBlank @Code String service,
                          @NotBlank @Code String status, @Text String message) {
    }

    record Tenant(@NotBlank @Code String tenantId) {
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
