package dev.kassa.cart.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.cart.domain.PaymentRequest;
import dev.kassa.cart.domain.receipt.EscPos;
import dev.kassa.cart.domain.receipt.ReceiptWriter;
import dev.kassa.cart.domain.transaction.TransactionView;
import dev.kassa.cart.service.TerminalCaller;
import dev.kassa.cart.service.TransactionService;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dev.kassa.common.api.Limits;
import dev.kassa.common.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completed transactions of a terminal: list (filters, paging, sort), get, void, return and the
 * consumers' delivery acknowledgements. Terminals read and reverse their own; users and
 * services of the tenant may read.
 */
@Path("/api/v1/tenants/{tenantId}/stores/{storeCode}/terminals/{terminalNo}/transactions")
public class TransactionResource {
    static final String DEFAULT_SORT = "transaction_no:-1";

    @Inject
    TransactionService transactions;
    @Inject
    CallerContext callers;
    @Inject
    RoutingContext routing;

    private Caller reader(String tenantId, String storeCode, int terminalNo) {
        Caller caller = callers.forTenant(tenantId);
        if (caller.isTerminal() && (!storeCode.equals(caller.terminal().storeCode())
                || caller.terminal().terminalNo() == null || caller.terminal().terminalNo() != terminalNo)) {
            throw ApiException.forbidden("A terminal may read only its own transactions");
        }
        return caller;
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<TransactionView>>> list(@PathParam("tenantId") String tenantId,
                                                       @PathParam("storeCode") String storeCode,
                                                       @PathParam("terminalNo") int terminalNo,
                                                       @QueryParam("business_date") String businessDate,
                                                       @QueryParam("open_counter") Integer openCounter,
                                                       @QueryParam("transaction_type") List<Integer> types,
                                                       @QueryParam("receipt_no") Long receiptNo,
                                                       @QueryParam("include_cancelled") @DefaultValue("false")
                                                       boolean includeCancelled,
                                                       @QueryParam("needs_review") Boolean needsReview,
                                                       @QueryParam("page") Integer page,
                                                       @QueryParam("limit") Integer limit,
                                                       @QueryParam("sort") String sort) {
        reader(tenantId, storeCode, terminalNo);
        // Kugel lists the newest first unless told otherwise.
        PageRequest paging = PageRequest.of(page, limit, sort == null || sort.isBlank() ? DEFAULT_SORT : sort,
                TransactionService.SORTABLE);
        return transactions.list(tenantId, storeCode, terminalNo,
                        new TransactionService.Filter(businessDate, openCounter, types, receiptNo, includeCancelled,
                                needsReview),
                        paging)
                .map(p -> ApiResponse.page(p.data(), p.metadata(), "Transactions found", "get_transactions"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("/{transactionNo}")
    public Uni<ApiResponse<TransactionView>> get(@PathParam("tenantId") String tenantId,
                                                 @PathParam("storeCode") String storeCode,
                                                 @PathParam("terminalNo") int terminalNo,
                                                 @PathParam("transactionNo") long transactionNo) {
        reader(tenantId, storeCode, terminalNo);
        return transactions.get(tenantId, storeCode, terminalNo, transactionNo)
                .map(t -> ApiResponse.ok(t, "Transaction found", "get_transaction"));
    }

    /**
     * The receipt of a transaction for the store's printer: {@code format=text} (the default) the
     * receipt text, {@code format=escpos} the ESC/POS bytes (see {@link EscPos}), with the drawer
     * kick when the transaction moved cash.
     */
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("/{transactionNo}/receipt")
    @APIResponse(responseCode = "200", description = "The receipt", content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Uni<Response> receipt(@PathParam("tenantId") String tenantId,
                                 @PathParam("storeCode") String storeCode,
                                 @PathParam("terminalNo") int terminalNo,
                                 @PathParam("transactionNo") long transactionNo,
                                 @QueryParam("format") @DefaultValue("text") String format) {
        reader(tenantId, storeCode, terminalNo);
        boolean escpos = switch (format) {
            case "text" -> false;
            case "escpos" -> true;
            default -> throw ApiException.validation("format must be text or escpos, not '" + format + "'");
        };
        return transactions.get(tenantId, storeCode, terminalNo, transactionNo).map(t -> escpos
                ? Response.ok(EscPos.print(t.receiptText(), movedCash(t)), MediaType.APPLICATION_OCTET_STREAM).build()
                : Response.ok(t.receiptText(), MediaType.TEXT_PLAIN + ";charset=UTF-8").build());
    }

    private static boolean movedCash(TransactionView t) {
        return t.payments().stream().anyMatch(p -> ReceiptWriter.CASH_CODE.equals(p.paymentCode())
                && p.paymentAmount() != null && p.paymentAmount().signum() != 0);
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{transactionNo}/void")
    public Uni<ApiResponse<TransactionView>> voidTransaction(@PathParam("tenantId") String tenantId,
                                                             @PathParam("storeCode") String storeCode,
                                                             @PathParam("terminalNo") int terminalNo,
                                                             @PathParam("transactionNo") long transactionNo,
                                                             @NotNull @Size(max = Limits.CART_LINES_MAX) List<@Valid @NotNull PaymentRequest> payments) {
        TerminalCaller caller = owner(tenantId, storeCode, terminalNo);
        return transactions.voidOrReturn(caller, transactionNo, payments, true)
                .map(t -> ApiResponse.ok(t, "Transaction voided", "void_transaction"));
    }

    @RolesAllowed(Roles.TERMINAL)
    @POST
    @Path("/{transactionNo}/return")
    public Uni<ApiResponse<TransactionView>> returnTransaction(@PathParam("tenantId") String tenantId,
                                                               @PathParam("storeCode") String storeCode,
                                                               @PathParam("terminalNo") int terminalNo,
                                                               @PathParam("transactionNo") long transactionNo,
                                                               @NotNull @Size(max = Limits.CART_LINES_MAX) List<@Valid @NotNull PaymentRequest> payments) {
        TerminalCaller caller = owner(tenantId, storeCode, terminalNo);
        return transactions.voidOrReturn(caller, transactionNo, payments, false)
                .map(t -> ApiResponse.ok(t, "Transaction returned", "return_transaction"));
    }

    /** Void and return: the terminal of the URL, itself (with its current business date and counters). */
    private TerminalCaller owner(String tenantId, String storeCode, int terminalNo) {
        callers.forTenant(tenantId);
        TerminalCaller caller = Requests.terminal(callers, routing.request());
        if (!storeCode.equals(caller.terminal().storeCode()) || caller.terminal().terminalNo() != terminalNo) {
            throw ApiException.validation("The store and terminal in the path must be the caller's own: "
                    + caller.terminalId());
        }
        return caller;
    }

    /** What a delivery acknowledgement answers (Kugel's field names, snake_case as Kugel writes them). */
    public record DeliveryStatusUpdated(@JsonProperty("event_id") String eventId, String service, String status,
                                        boolean success) {
    }

    @RolesAllowed({Roles.OWNER, Roles.SERVICE})
    @POST
    @Path("/{transactionNo}/delivery-status")
    public Uni<ApiResponse<DeliveryStatusUpdated>> deliveryStatus(@PathParam("tenantId") String tenantId,
                                                                @PathParam("storeCode") String storeCode,
                                                                @PathParam("terminalNo") int terminalNo,
                                                                @PathParam("transactionNo") long transactionNo,
                                                                @Valid @NotNull Requests.DeliveryStatus body) {
        callers.forTenant(tenantId);
        return transactions.acknowledge(tenantId, body.eventId(), body.service(), body.status(), body.message())
                .map(found -> {
                    if (found.isEmpty()) {
                        throw ApiException.notFound("Delivery status not found for event " + body.eventId());
                    }
                    return ApiResponse.ok(new DeliveryStatusUpdated(body.eventId(), body.service(), body.status(), true),
                            "Delivery status updated", "update_delivery_status");
                });
    }
}
