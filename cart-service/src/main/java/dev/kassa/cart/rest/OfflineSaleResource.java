package dev.kassa.cart.rest;

import dev.kassa.cart.domain.PaymentRequest;
import dev.kassa.cart.service.OfflineSaleService;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Sales completed while the terminal was offline, uploaded as one batch (terminal auth, as the cart API).
 * The answer lists each sale's result in the batch's order: {@code accepted} with its transaction and
 * receipt numbers (also when it was uploaded before), or {@code rejected} with its error. See
 * {@link OfflineSaleService} for numbering, dates and review flags.
 */
@Path("/api/v1/carts/offline-sales")
public class OfflineSaleResource {

    record Line(@NotNull @Code String itemCode,
                @NotNull @Min(1) @Digits(integer = Limits.QUANTITY_INTEGER_DIGITS, fraction = 0) Integer quantity,
                @NotNull @PositiveOrZero @Amount BigDecimal unitPrice,
                @Name String itemName,
                @Code String taxCode) {
    }

    /**
     * @param clientSaleId the id the terminal gave the sale (a UUID)
     * @param localTime    when it was sold, ISO-8601 with offset (e.g. {@code 2026-01-01T10:15:00+09:00})
     * @param customerCode the customer the till sold to (optional): points and credit are posted from the tranlog
     */
    record Sale(@NotNull @Code String clientSaleId,
                @NotNull @Code String localTime,
                @NotNull @Size(min = 1, max = Limits.CART_LINES_MAX) List<@Valid @NotNull Line> lines,
                @NotNull @Size(max = Limits.CART_LINES_MAX) List<@Valid @NotNull PaymentRequest> payments,
                @Code String customerCode) {
    }

    record Upload(@NotNull @Size(min = 1, max = Limits.LIST_MAX) List<@Valid @NotNull Sale> sales) {
    }

    @Inject
    OfflineSaleService offline;
    @Inject
    CallerContext callers;
    @Inject
    RoutingContext routing;

    @RolesAllowed(Roles.TERMINAL)
    @POST
    public Uni<ApiResponse<OfflineSaleService.Batch>> upload(@Valid @NotNull Upload body) {
        List<OfflineSaleService.Sale> sales = body.sales().stream().map(OfflineSaleResource::sale).toList();
        return offline.upload(Requests.terminal(callers, routing.request()), sales)
                .map(batch -> ApiResponse.ok(batch, "Offline sales uploaded", "upload_offline_sales"));
    }

    private static OfflineSaleService.Sale sale(Sale s) {
        String id;
        try {
            id = UUID.fromString(s.clientSaleId()).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("clientSaleId must be a UUID: " + s.clientSaleId());
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(s.localTime());
        } catch (DateTimeParseException e) {
            throw ApiException.validation("localTime must be ISO-8601 with an offset: " + s.localTime());
        }
        return new OfflineSaleService.Sale(id, at, s.lines().stream()
                .map(l -> new OfflineSaleService.Line(l.itemCode(), l.quantity(), l.unitPrice(), l.itemName(),
                        l.taxCode()))
                .toList(), s.payments(), s.customerCode() == null || s.customerCode().isBlank() ? null : s.customerCode());
    }
}
