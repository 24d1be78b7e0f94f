package dev.kassa.journal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.PostedTranLog;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.event.Topics;
import dev.kassa.journal.domain.InvalidLogException;
import dev.kassa.journal.domain.JournalEntries;
import dev.kassa.journal.domain.JournalEntry;
import dev.kassa.journal.event.DeliveryAcks;
import dev.kassa.journal.service.JournalService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.Objects;
import java.util.UUID;

/**
 * What reaches the journal over HTTP: report text pushed by the report service (501 flash, 502
 * daily) and a tranlog posted directly (the same effect as the event). Users and services of the
 * tenant may post for any terminal; a terminal only for itself.
 */
@Path("/api/v1/tenants/{tenantId}/stores/{storeCode}/terminals/{terminalNo}")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {
    private static final Logger LOG = Logger.getLogger(IngestResource.class);
    /** A client key that makes a repeated push store one entry. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    CallerContext callers;

    @Inject
    Validator validator;

    @Inject
    JournalService journal;

    @Inject
    DeliveryAcks acks;

    @Inject
    ObjectMapper mapper;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.TERMINAL, Roles.SERVICE})
    @POST
    @Path("/journals")
    @ResponseStatus(201)
    public Uni<ApiResponse<JournalView>> push(@PathParam("tenantId") String tenantId,
                                              @PathParam("storeCode") String storeCode,
                                              @PathParam("terminalNo") String terminalNoText,
                                              @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                              @Valid @NotNull JournalPush body) {
        var caller = callers.forTenant(tenantId);
        int terminalNo = Callers.terminalNo(terminalNoText);
        Callers.mayWriteFor(caller, storeCode, terminalNo);
        agree("tenantId", body.tenantId(), tenantId);
        agree("storeCode", body.storeCode(), storeCode);
        agree("terminalNo", body.terminalNo(), terminalNo);
        String clientKey = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey.trim() : body.eventId();
        if (clientKey != null && (clientKey.isBlank() || clientKey.length() > 200)) {
            throw ApiException.validation("The idempotency key must have 1 to 200 characters");
        }
        // A client key names one push of one terminal; without one every push is a new entry.
        String key = storeCode + "-" + terminalNo + ":" + (clientKey == null ? UUID.randomUUID() : clientKey);
        JournalEntry entry;
        try {
            entry = JournalEntries.fromReport(key, tenantId, storeCode, terminalNo, body.transactionType(),
                    body.businessDate(), body.openCounter(), body.businessCounter(), body.generateDateTime(),
                    body.transactionNo(), body.receiptNo(), body.amount(), body.quantity(), body.staffId(),
                    body.userId(), body.journalText(), body.receiptText(), journal.zone());
        } catch (InvalidLogException e) {
            throw ApiException.validation("Invalid input data: " + e.getMessage());
        }
        return journal.recordReport(entry).map(stored -> ApiResponse.created(JournalView.of(stored),
                "Journal entry stored", "receive_journals"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.TERMINAL, Roles.SERVICE})
    @POST
    @Path("/transactions")
    @ResponseStatus(201)
    public Uni<ApiResponse<TranResponse>> transaction(@PathParam("tenantId") String tenantId,
                                                      @PathParam("storeCode") String storeCode,
                                                      @PathParam("terminalNo") String terminalNoText,
                                                      @NotNull JsonNode body) {
        var caller = callers.forTenant(tenantId);
        int terminalNo = Callers.terminalNo(terminalNoText);
        Callers.mayWriteFor(caller, storeCode, terminalNo);
        PostedTranLog posted = PostedTranLog.of(mapper, body, tenantId, storeCode, terminalNo);
        ObjectNode tran = posted.tran();
        String eventId = posted.eventId();
        boolean clientEvent = posted.clientEvent();
        TranLog log;
        try {
            log = mapper.treeToValue(tran, TranLog.class);
        } catch (JsonProcessingException e) {
            throw ApiException.validation("Invalid input data: " + e.getOriginalMessage());
        }
        var violations = validator.validate(log);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Uni<?> recorded;
        try {
            recorded = journal.recordTranlog(tenantId, eventId, log);
        } catch (InvalidLogException e) {
            throw ApiException.validation("Invalid input data: " + e.getMessage());
        }
        return recorded.call(() -> clientEvent ? acknowledge(eventId, tenantId, storeCode, terminalNo)
                        : Uni.createFrom().voidItem())
                .map(x -> ApiResponse.created(new TranResponse(tenantId, storeCode, terminalNo, log.transactionNo()),
                        "Transaction received", "receive_transactions"));
    }

    /** The publisher's delivery record learns of it too; the entry is stored whether or not this arrives. */
    private Uni<Void> acknowledge(String eventId, String tenantId, String storeCode, int terminalNo) {
        EventEnvelope event = new EventEnvelope(eventId, TranLog.EVENT_TYPE, tenantId, null);
        return acks.received(event, Topics.TRANLOG, Topics.terminalKey(tenantId, storeCode, terminalNo))
                .onFailure().invoke(e -> LOG.warnf("No acknowledgement for posted tranlog %s: %s", eventId, e))
                .onFailure().recoverWithNull();
    }
    private static void agree(String name, Object given, Object fromPath) {
        if (given != null && !Objects.equals(String.valueOf(given), String.valueOf(fromPath))) {
            throw ApiException.validation("Invalid input data: " + name + " '" + given
                    + "' does not match the path ('" + fromPath + "')");
        }
    }
}
