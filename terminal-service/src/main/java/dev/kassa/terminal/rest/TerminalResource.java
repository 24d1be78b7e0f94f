package dev.kassa.terminal.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.KassaAuthenticationMechanism;
import dev.kassa.common.auth.Roles;
import dev.kassa.common.tenant.TenantIds;
import dev.kassa.terminal.domain.Terminal;
import dev.kassa.terminal.domain.TerminalErrors;
import dev.kassa.terminal.repository.TerminalRepository;
import dev.kassa.terminal.rest.Requests.CashInOut;
import dev.kassa.terminal.rest.Requests.Close;
import dev.kassa.terminal.rest.Requests.DeliveryStatusUpdate;
import dev.kassa.terminal.rest.Requests.FunctionModeUpdate;
import dev.kassa.terminal.rest.Requests.Open;
import dev.kassa.terminal.rest.Requests.SignIn;
import dev.kassa.terminal.rest.Requests.TerminalCreate;
import dev.kassa.terminal.rest.Requests.TerminalUpdate;
import dev.kassa.terminal.rest.Views.CashInOutView;
import dev.kassa.terminal.rest.Views.CloseView;
import dev.kassa.terminal.rest.Views.DeliveryStatusUpdated;
import dev.kassa.terminal.rest.Views.DeliveryView;
import dev.kassa.terminal.rest.Views.OpenView;
import dev.kassa.terminal.rest.Views.TerminalDeleted;
import dev.kassa.terminal.rest.Views.TerminalView;
import dev.kassa.terminal.service.BusinessDayService;
import dev.kassa.terminal.service.DeliveryStatusService;
import dev.kassa.terminal.service.TerminalService;
import dev.kassa.terminal.service.TerminalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terminals and their business day. A terminal acts on itself (API key or terminal JWT); a user
 * of the tenant may act on any of its terminals, and only a user creates, deletes or re-keys one.
 */
@Path("/api/v1/terminals")
@Produces(MediaType.APPLICATION_JSON)
public class TerminalResource {

    @Inject
    CallerContext callers;

    @Inject
    TerminalService terminals;

    @Inject
    BusinessDayService businessDay;

    @Inject
    DeliveryStatusService deliveryStatus;

    @Inject
    TerminalTokens tokens;

    /** The API key is in the answer this once; later reads show it masked. */
    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<TerminalView>> create(@Valid @NotNull TerminalCreate body) {
        String tenantId = userTenant();
        return terminals.create(tenantId, body.storeCode(), body.terminalNo(), body.description())
                .map(created -> ApiResponse.created(Views.terminal(created.terminal(), created.apiKey()),
                        "Terminal Created. terminal_id: " + created.terminal().terminalId, "create_terminal"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<TerminalView>>> list(@QueryParam("store_code") String storeCode,
                                                     @QueryParam("limit") Integer limit,
                                                     @QueryParam("page") Integer page,
                                                     @QueryParam("sort") String sort) {
        String tenantId = TenantIds.require(callers.caller().tenantId());
        PageRequest request = PageRequest.of(page, limit, sort, TerminalRepository.SORTABLE);
        Map<String, Object> filter = new LinkedHashMap<>();
        if (storeCode != null) {
            filter.put("store_code", storeCode);
        }
        return terminals.list(tenantId, storeCode, request).map(result -> ApiResponse.page(
                result.terminals().stream().map(Views::terminal).toList(), request.metadata(result.total(), filter),
                "Terminals Retrieved. count: " + result.terminals().size(), "get_terminals"));
    }

    /** Also the API-key check of the other services: with the terminal's own key it answers the terminal. */
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{terminalId}")
    public Uni<ApiResponse<TerminalView>> get(@PathParam("terminalId") String terminalId) {
        String tenantId = terminalTenant(terminalId);
        return terminals.get(tenantId, terminalId).map(t -> ApiResponse.ok(Views.terminal(t),
                "Terminal Retrieved. terminal_id: " + terminalId, "get_terminal"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{terminalId}")
    public Uni<ApiResponse<TerminalDeleted>> delete(@PathParam("terminalId") String terminalId) {
        String tenantId = userTenantOf(terminalId);
        return terminals.delete(tenantId, terminalId).map(v -> ApiResponse.ok(new TerminalDeleted(terminalId),
                "Terminal Deleted. terminal_id: " + terminalId, "delete_terminal"));
    }

    /** Replaces the API key: the new one is shown once, the old one stops working at once. */
    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @Path("{terminalId}/api-key")
    public Uni<ApiResponse<TerminalView>> rotateKey(@PathParam("terminalId") String terminalId) {
        String tenantId = userTenantOf(terminalId);
        return terminals.rotateKey(tenantId, terminalId).map(rotated -> ApiResponse.ok(
                Views.terminal(rotated.terminal(), rotated.apiKey()),
                "Terminal API Key Rotated. terminal_id: " + terminalId, "rotate_terminal_api_key"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.TERMINAL, Roles.SERVICE})
    @PATCH
    @Path("{terminalId}/description")
    public Uni<ApiResponse<TerminalView>> description(@PathParam("terminalId") String terminalId,
                                                      @Valid @NotNull TerminalUpdate body) {
        String tenantId = terminalTenant(terminalId);
        return terminals.updateDescription(tenantId, terminalId, body.description()).map(t -> ApiResponse.ok(
                Views.terminal(t), "Terminal Description Updated. terminal_id: " + terminalId,
                "update_terminal_description"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.TERMINAL, Roles.SERVICE})
    @PATCH
    @Path("{terminalId}/function_mode")
    public Uni<ApiResponse<TerminalView>> functionMode(@PathParam("terminalId") String terminalId,
                                                       @Valid @NotNull FunctionModeUpdate body) {
        String tenantId = terminalTenant(terminalId);
        return terminals.updateFunctionMode(tenantId, terminalId, body.functionMode()).map(t -> ApiResponse.ok(
                Views.terminal(t), "Terminal Function Mode Updated. terminal_id: " + terminalId,
                "update_terminal_function_mode"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @POST
    @Path("{terminalId}/sign-in")
    public Uni<RestResponse<ApiResponse<TerminalView>>> signIn(@PathParam("terminalId") String terminalId,
                                                               @Valid @NotNull SignIn body) {
        String tenantId = terminalTenant(terminalId);
        return terminals.signIn(tenantId, terminalId, body.staffId()).map(t -> withToken(t, ApiResponse.ok(
                Views.terminal(t), "Terminal Signed In. terminal_id: " + terminalId + " staff_id: " + body.staffId(),
                "terminal_signin")));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @POST
    @Path("{terminalId}/sign-out")
    public Uni<RestResponse<ApiResponse<TerminalView>>> signOut(@PathParam("terminalId") String terminalId) {
        String tenantId = terminalTenant(terminalId);
        return terminals.signOut(tenantId, terminalId).map(t -> withToken(t, ApiResponse.ok(Views.terminal(t),
                "Terminal Signed Out. terminal_id: " + terminalId, "terminal_signout")));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.TERMINAL, Roles.SERVICE})
    @POST
    @Path("{terminalId}/open")
    public Uni<RestResponse<ApiResponse<OpenView>>> open(@PathParam("terminalId") String terminalId,
                                                         @Valid Open body) {
        String tenantId = terminalTenant(terminalId);
        BigDecimal initialAmount = body == null ? null : body.initialAmount();
        return businessDay.open(tenantId, terminalId, initialAmount).map(r -> withToken(r.terminal(), ApiResponse.ok(
                Views.open(r.terminal(), r.log()), "Terminal Opened. terminal_id: " + terminalId, "terminal_open")));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.TERMINAL, Roles.SERVICE})
    @POST
    @Path("{terminalId}/close")
    public Uni<RestResponse<ApiResponse<CloseView>>> close(@PathParam("terminalId") String terminalId,
                                                           @Valid Close body) {
        String tenantId = terminalTenant(terminalId);
        BigDecimal physicalAmount = body == null ? null : body.physicalAmount();
        return businessDay.close(tenantId, terminalId, physicalAmount).map(r -> withToken(r.terminal(),
                ApiResponse.ok(Views.close(r.terminal(), r.log()), "Terminal Closed. terminal_id: " + terminalId,
                        "terminal_close")));
    }

    /**
     * Cash in. With {@code customer_code} it is a repayment of that customer's store credit, checked with
     * master data first (see {@link BusinessDayService#repayment}); its description defaults to
     * "Credit repayment &lt;code&gt;".
     */
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.TERMINAL, Roles.SERVICE})
    @POST
    @Path("{terminalId}/cash-in")
    public Uni<ApiResponse<CashInOutView>> cashIn(@PathParam("terminalId") String terminalId,
                                                  @Valid @NotNull CashInOut body) {
        String tenantId = terminalTenant(terminalId);
        if (body.customerCode() != null) {
            String description = body.description() == null ? "Credit repayment " + body.customerCode()
                    : body.description();
            return businessDay.repayment(tenantId, terminalId, body.amount(), description, body.customerCode(),
                    body.repaymentId()).map(e -> ApiResponse.ok(Views.cash(terminalId, e), "Terminal Cashed In."
                    + " terminal_id: " + terminalId + ", amount: " + e.amount.toPlainString() + ", description: "
                    + description + ", customer_code: " + e.customerCode + ", repayment_id: " + e.repaymentId,
                    "terminal_cash_in"));
        }
        if (body.repaymentId() != null) {
            throw ApiException.validation("Invalid input data: repayment_id needs a customer_code");
        }
        String description = body.description() == null ? "Cash In (Default)" : body.description();
        return businessDay.cashInOut(tenantId, terminalId, body.amount(), description).map(e -> ApiResponse.ok(
                Views.cash(terminalId, e), "Terminal Cashed In. terminal_id: " + terminalId + ", amount: "
                        + e.amount.toPlainString() + ", description: " + description, "terminal_cash_in"));
    }

    /** Cash out is recorded negative. */
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.TERMINAL, Roles.SERVICE})
    @POST
    @Path("{terminalId}/cash-out")
    public Uni<ApiResponse<CashInOutView>> cashOut(@PathParam("terminalId") String terminalId,
                                                   @Valid @NotNull CashInOut body) {
        String tenantId = terminalTenant(terminalId);
        if (body.customerCode() != null || body.repaymentId() != null) {
            throw ApiException.badRequest(TerminalErrors.CUSTOMER_NOT_ALLOWED,
                    "A cash out pays no customer's credit: customer_code and repayment_id belong to cash in only");
        }
        String description = body.description() == null ? "Cash Out (Default)" : body.description();
        return businessDay.cashInOut(tenantId, terminalId, body.amount().negate(), description).map(e -> ApiResponse.ok(
                Views.cash(terminalId, e), "Terminal Cashed Out. terminal_id: " + terminalId + ", amount: "
                        + e.amount.toPlainString() + ", description: " + description, "terminal_cash_out"));
    }

    /** A consumer's callback (a service token, or a user of the tenant); Kafka acknowledgements do the same. */
    @RolesAllowed({Roles.OWNER, Roles.SERVICE})
    @POST
    @Path("{terminalId}/delivery-status")
    public Uni<ApiResponse<DeliveryStatusUpdated>> deliveryStatus(@PathParam("terminalId") String terminalId,
                                                                  @Valid @NotNull DeliveryStatusUpdate body) {
        String tenantId = serviceOrUserTenantOf(terminalId);
        return deliveryStatus.update(tenantId, terminalId, body.eventId(), body.service(), body.status(),
                body.message()).map(v -> ApiResponse.ok(
                new DeliveryStatusUpdated(body.eventId(), body.service(), body.status(), true),
                "Delivery Status Updated. terminal_id: " + terminalId + ", event_id: " + body.eventId()
                        + ", service: " + body.service() + ", status: " + body.status(), "update_delivery_status"));
    }

    /** Kassa's addition: where the terminal's recent events stand with their consumers. */
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.SERVICE})
    @GET
    @Path("{terminalId}/delivery-status")
    public Uni<ApiResponse<List<DeliveryView>>> deliveries(@PathParam("terminalId") String terminalId,
                                                           @QueryParam("event_id") String eventId,
                                                           @QueryParam("limit") Integer limit) {
        String tenantId = serviceOrUserTenantOf(terminalId);
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            throw ApiException.validation("limit must be between 1 and 1000");
        }
        return deliveryStatus.list(tenantId, terminalId, eventId, max).map(list -> ApiResponse.ok(
                list.stream().map(Views::delivery).toList(),
                "Delivery Status Retrieved. terminal_id: " + terminalId, "get_delivery_status"));
    }

    private <T> RestResponse<ApiResponse<T>> withToken(Terminal t, ApiResponse<T> body) {
        return RestResponse.ResponseBuilder.ok(body).header(TerminalTokens.HEADER, tokens.issue(t)).build();
    }

    /** The terminal's tenant, after checking the caller may act on this terminal. */
    private String terminalTenant(String terminalId) {
        callers.forTerminal(terminalId);
        return KassaAuthenticationMechanism.tenantOfTerminal(terminalId);
    }

    private String userTenant() {
        Caller caller = callers.caller();
        if (!caller.isUser()) {
            throw ApiException.forbidden("Only a user token may change this; terminals may read it");
        }
        return TenantIds.require(caller.tenantId());
    }

    private String userTenantOf(String terminalId) {
        String tenantId = KassaAuthenticationMechanism.tenantOfTerminal(terminalId);
        callers.userOfTenant(tenantId);
        return tenantId;
    }

    private String serviceOrUserTenantOf(String terminalId) {
        String tenantId = KassaAuthenticationMechanism.tenantOfTerminal(terminalId);
        Caller caller = callers.forTenant(tenantId);
        if (caller.isTerminal()) {
            throw ApiException.forbidden("Delivery status is reported by the consuming services");
        }
        return tenantId;
    }
}
