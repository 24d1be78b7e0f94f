package dev.kassa.report.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.PostedTranLog;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.event.Topics;
import dev.kassa.report.event.DeliveryAcks;
import dev.kassa.report.event.LogConsumer;
import dev.kassa.report.repository.LogRepository;
import dev.kassa.common.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseStatus;


/**
 * Kugel's "Receive Transactions": a tranlog posted directly instead of through the event stream, stored
 * exactly as the consumer stores one from {@code pos.tranlog}, so the next report counts it. Posting
 * the same transaction again stores nothing new: the event id (given, or made from the transaction's
 * own key) names it once. Users and services of the tenant post for any terminal; a terminal only for
 * itself.
 */
@Path("/api/v1/tenants/{tenantId}/stores/{storeCode}/terminals/{terminalNo}/transactions")
@Produces(MediaType.APPLICATION_JSON)
public class TransactionResource {
    private static final Logger LOG = Logger.getLogger(TransactionResource.class);

    @Inject
    CallerContext callers;

    @Inject
    Validator validator;

    @Inject
    LogConsumer consumer;

    @Inject
    LogRepository logs;

    @Inject
    DeliveryAcks acks;

    @Inject
    ObjectMapper mapper;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.TERMINAL, Roles.SERVICE})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<TranResponse>> receive(@PathParam("tenantId") String tenantId,
                                                  @PathParam("storeCode") String storeCode,
                                                  @PathParam("terminalNo") String terminalNoText,
                                                  @NotNull JsonNode body) {
        Caller caller = callers.forTenant(tenantId);
        int terminalNo = Params.requiredInt("terminal_no", terminalNoText);
        if (caller.isTerminal() && caller.terminal() != null && (!storeCode.equals(caller.terminal().storeCode())
                || caller.terminal().terminalNo() == null || caller.terminal().terminalNo() != terminalNo)) {
            throw ApiException.forbidden("A terminal may post its own transactions only");
        }
        PostedTranLog posted = PostedTranLog.of(mapper, body, tenantId, storeCode, terminalNo);
        ObjectNode tran = posted.tran();
        boolean clientEvent = posted.clientEvent();
        EventEnvelope event;
        TranLog log;
        String payload;
        try {
            payload = mapper.writeValueAsString(tran);
            event = EventEnvelope.parse(mapper, payload);
            log = event.as(mapper, TranLog.class);
        } catch (JsonProcessingException | PoisonEventException | IllegalArgumentException e) {
            throw ApiException.validation("Invalid input data: " + e.getMessage());
        }
        var violations = validator.validate(log);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        var received = received(event, payload);
        return logs.save(received)
                .call(() -> clientEvent ? acknowledge(event) : Uni.createFrom().voidItem())
                .map(x -> ApiResponse.created(new TranResponse(tenantId, storeCode, terminalNo, log.transactionNo()),
                        "Transaction received successfully. tenant_id: " + tenantId + ", store_code: " + storeCode
                                + ", terminal_no: " + terminalNo + ", transaction_no: " + log.transactionNo(),
                        "receive_transactions"));
    }

    /** The consumer's own checks (store, business date, transaction type): a log it would refuse is a 422. */
    private LogRepository.Received received(EventEnvelope event, String payload) {
        try {
            return consumer.received(Topics.TRANLOG, event, payload);
        } catch (PoisonEventException e) {
            throw ApiException.validation("Invalid input data: " + e.getMessage());
        }
    }

    /** The publisher's delivery record learns of it too; the log is stored whether or not this arrives. */
    private Uni<Void> acknowledge(EventEnvelope event) {
        return acks.received(Topics.TRANLOG, event)
                .onFailure().invoke(e -> LOG.warnf("No acknowledgement for posted tranlog %s: %s", event.eventId(), e))
                .onFailure().recoverWithNull();
    }
}
