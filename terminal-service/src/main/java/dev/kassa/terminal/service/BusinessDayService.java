package dev.kassa.terminal.service;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.auth.ApiKeys;
import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.pg.SqlFailures;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.terminal.client.CartClient;
import dev.kassa.terminal.client.Downstream;
import dev.kassa.terminal.client.MasterDataClient;
import dev.kassa.terminal.config.TerminalConfig;
import dev.kassa.terminal.domain.CashInOutLogEntry;
import dev.kassa.terminal.domain.OpenCloseLogEntry;
import dev.kassa.terminal.domain.Receipts;
import dev.kassa.terminal.domain.SessionCounters;
import dev.kassa.terminal.domain.Terminal;
import dev.kassa.terminal.domain.TerminalErrors;
import dev.kassa.terminal.domain.TerminalStatus;
import dev.kassa.terminal.event.TerminalEvents;
import dev.kassa.terminal.repository.CashLogRepository;
import dev.kassa.terminal.repository.StoreRepository;
import dev.kassa.terminal.repository.TerminalRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The terminal's business day: open (business date and counters), cash in and out, close (with
 * the counts the daily report verifies). Each writes its log and its events in one transaction.
 */
@ApplicationScoped
public class BusinessDayService {
    private static final Logger LOG = Logger.getLogger(BusinessDayService.class);
    /** Log times in the store's zone, always with milliseconds, so they compare as written. */
    public static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    public static final String INITIAL_AMOUNT = "Initial amount";

    /** An open or a close: the terminal after it and the log written. */
    public record SessionResult(Terminal terminal, OpenCloseLogEntry log) {
    }

    @Inject
    TenantTx tx;

    @Inject
    TerminalRepository terminals;

    @Inject
    StoreRepository stores;

    @Inject
    CashLogRepository cashLogs;

    @Inject
    TerminalEvents events;

    @Inject
    CartClient cart;

    @Inject
    MasterDataClient masterData;

    /** Other services cache the terminal's state with its key; an open or close evicts it. */
    @Inject
    ApiKeyCache keyCache;

    @Inject
    TerminalConfig config;

    @Inject
    Clock clock;

    ZonedDateTime now() {
        return ZonedDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), config.timeZone());
    }

    public Uni<SessionResult> open(String tenantId, String terminalId, BigDecimal initialAmount) {
        return tx.run(tenantId, s -> terminals.lock(s, terminalId).flatMap(found -> {
            Terminal t = TerminalService.require(found, terminalId);
            if (t.isOpened()) {
                return Uni.createFrom().failure(TerminalErrors.status("Terminal is already opened: " + terminalId));
            }
            ZonedDateTime now = now();
            SessionCounters next = t.counters().open(now.toLocalDate());
            t.businessDate = next.businessDate();
            t.openCounter = next.openCounter();
            t.businessCounter = next.businessCounter();
            t.status = TerminalStatus.OPENED;
            t.initialAmount = initialAmount;
            t.physicalAmount = null;
            t.lastUpdateDatetime = now.toInstant();
            return storeName(s, t).flatMap(storeName -> {
                Receipts.Header header = header(t, storeName, now);
                Uni<?> opening = initialAmount == null ? Uni.createFrom().voidItem()
                        : cash(s, tenantId, t, storeName, header, initialAmount, INITIAL_AMOUNT);
                OpenCloseLogEntry log = openCloseLog(t, OpenCloseLog.OPEN, now, Receipts.open(header, initialAmount));
                return opening.flatMap(v -> writeOpenClose(s, tenantId, t, storeName, log))
                        .map(v -> new SessionResult(t, log));
            });
        })).call(r -> keyCache.evict(terminalId));
    }

    /**
     * Counts the session's transactions in the cart first (no lock held while waiting for it), then
     * closes, provided the session is still the one counted.
     */
    public Uni<SessionResult> close(String tenantId, String terminalId, BigDecimal physicalAmount) {
        return tx.run(tenantId, s -> terminals.find(s, terminalId).map(found -> {
                    Terminal t = TerminalService.require(found, terminalId);
                    refuseClose(t);
                    return t;
                }))
                .flatMap(counting -> {
                    SessionCounters session = counting.counters();
                    return Downstream.resumeOnCaller(cart.sessionTransactions(tenantId, counting.storeCode,
                                    counting.terminalNo, session.businessDate(), session.openCounter()))
                            .onFailure(e -> !(e instanceof ApiException)).transform(e -> {
                                LOG.warnf("Cart unavailable for the close of %s: %s", terminalId, e.toString());
                                return ApiException.unavailable(TerminalErrors.CART_SERVICE, "The cart service is"
                                        + " unavailable; the session's transactions cannot be counted, so the"
                                        + " terminal stays open. Try the close again.");
                            })
                            .flatMap(counted -> tx.run(tenantId, s -> terminals.lock(s, terminalId).flatMap(found -> {
                                Terminal t = TerminalService.require(found, terminalId);
                                refuseClose(t);
                                if (!t.counters().equals(session)) {
                                    return Uni.createFrom().failure(TerminalErrors.status(
                                            "Terminal session changed while closing: " + terminalId));
                                }
                                return closeCounted(s, tenantId, t, physicalAmount, counted);
                            })));
                })
                .call(r -> keyCache.evict(terminalId));
    }

    private Uni<SessionResult> closeCounted(Mutiny.Session s, String tenantId, Terminal t, BigDecimal physicalAmount,
                                            CartClient.SessionTransactions counted) {
        ZonedDateTime now = now();
        t.status = TerminalStatus.CLOSED;
        t.physicalAmount = physicalAmount;
        t.lastUpdateDatetime = now.toInstant();
        return cashLogs.session(s, t.storeCode, t.terminalNo, t.businessDate, t.openCounter)
                .flatMap(cash -> storeName(s, t).flatMap(storeName -> {
                    Receipts.Header header = header(t, storeName, now);
                    OpenCloseLogEntry log = openCloseLog(t, OpenCloseLog.CLOSE, now,
                            Receipts.close(header, t.businessCounter, physicalAmount));
                    log.cartTransactionCount = counted.count();
                    log.cartTransactionLastNo = counted.lastTransactionNo();
                    log.cashInOutCount = cash.count();
                    log.cashInOutLastDatetime = cash.lastDatetime();
                    return writeOpenClose(s, tenantId, t, storeName, log).map(v -> new SessionResult(t, log));
                }));
    }

    private static void refuseClose(Terminal t) {
        if (TerminalStatus.CLOSED.equals(t.status)) {
            throw TerminalErrors.status("Terminal is already closed: " + t.terminalId);
        }
        if (!t.isOpened()) {
            throw TerminalErrors.status("Terminal is not opened: " + t.terminalId);
        }
    }

    /**
     * Cash in (positive) or out (negative). Needs a signed-in staff member (401, 406013) and an
     * opened terminal (400, 406003).
     */
    public Uni<CashInOutLogEntry> cashInOut(String tenantId, String terminalId, BigDecimal amount, String description) {
        return cashInOut(tenantId, terminalId, amount, description, null, null);
    }

    /**
     * A cash in that repays a customer's store credit. Master data is asked first, before anything is
     * written: an unknown customer is 404 (406020), more than the customer owes 400 (406021), master data
     * unreachable 503 (407202) - the till can then still take plain cash. The repayment's id is the
     * client's {@code repaymentId}, else the cash log's event id; master data posts it under that id, once.
     *
     * <p>A repayment id is taken once per tenant: the same repayment again (a till that lost the answer and
     * retries without its Idempotency-Key) answers the cash in that took it, so the drawer's log counts the
     * money once as the ledger does; the id with another customer, amount or terminal is 422.
     */
    public Uni<CashInOutLogEntry> repayment(String tenantId, String terminalId, BigDecimal amount,
                                            String description, String customerCode, String repaymentId) {
        if (repaymentId == null) {
            return checkedRepayment(tenantId, terminalId, amount, description, customerCode, null);
        }
        Uni<Optional<CashInOutLogEntry>> earlier = tx.run(tenantId, s -> cashLogs.repayment(s, repaymentId));
        return earlier.flatMap(found -> found.isPresent()
                ? Uni.createFrom().item(sameRepayment(found.get(), terminalId, amount, customerCode))
                : checkedRepayment(tenantId, terminalId, amount, description, customerCode, repaymentId)
                        .onFailure(SqlFailures::isUniqueViolation) // a concurrent retry took it first
                        .recoverWithUni(() -> earlier.map(again -> sameRepayment(again.orElseThrow(), terminalId,
                                amount, customerCode))));
    }

    private static CashInOutLogEntry sameRepayment(CashInOutLogEntry e, String terminalId, BigDecimal amount,
                                                   String customerCode) {
        if (!e.customerCode.equals(customerCode) || e.amount.compareTo(amount) != 0
                || !terminalId.endsWith("-" + e.storeCode + "-" + e.terminalNo)) {
            throw ApiException.validation("Invalid input data: repayment_id " + e.repaymentId + " was taken by another"
                    + " repayment (customer " + e.customerCode + ", amount " + e.amount.stripTrailingZeros().toPlainString()
                    + ", store " + e.storeCode + " terminal " + e.terminalNo + ")");
        }
        return e;
    }

    private Uni<CashInOutLogEntry> checkedRepayment(String tenantId, String terminalId, BigDecimal amount,
                                                    String description, String customerCode, String repaymentId) {
        return Downstream.resumeOnCaller(masterData.credit(tenantId, customerCode))
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> {
                    LOG.warnf("Master data unavailable for the repayment of %s at %s: %s", customerCode, terminalId,
                            e.toString());
                    return ApiException.unavailable(TerminalErrors.MASTER_DATA_SERVICE, "Master data is"
                            + " unavailable; the credit of customer " + customerCode + " cannot be checked, so no"
                            + " repayment was taken. Try again, or take the cash without a customer.");
                })
                .flatMap(found -> {
                    MasterDataClient.Credit credit = found.orElseThrow(() -> ApiException.notFound(
                            TerminalErrors.CUSTOMER_NOT_FOUND, "Customer not found: " + customerCode));
                    if (amount.compareTo(credit.owed()) > 0) {
                        return Uni.createFrom().failure(ApiException.badRequest(TerminalErrors.REPAYMENT_TOO_LARGE,
                                "Repayment of " + amount.stripTrailingZeros().toPlainString() + " is more than the "
                                        + credit.owed().stripTrailingZeros().toPlainString() + " customer "
                                        + customerCode + " owes"));
                    }
                    return cashInOut(tenantId, terminalId, amount, description, customerCode, repaymentId);
                });
    }

    private Uni<CashInOutLogEntry> cashInOut(String tenantId, String terminalId, BigDecimal amount, String description,
                                             String customerCode, String repaymentId) {
        return tx.run(tenantId, s -> terminals.lock(s, terminalId).flatMap(found -> {
            Terminal t = TerminalService.require(found, terminalId);
            if (!t.isSignedIn()) {
                return Uni.createFrom().failure(ApiException.unauthorized(TerminalErrors.NOT_SIGNED_IN,
                        "Terminal is not signed in: " + terminalId));
            }
            if (!t.isOpened()) {
                return Uni.createFrom().failure(TerminalErrors.status("Terminal is not opened: " + terminalId));
            }
            ZonedDateTime now = now();
            return storeName(s, t).flatMap(storeName -> cash(s, tenantId, t, storeName, header(t, storeName, now),
                    amount, description, customerCode, repaymentId));
        }));
    }

    private Uni<CashInOutLogEntry> cash(Mutiny.Session s, String tenantId, Terminal t, String storeName,
                                        Receipts.Header header, BigDecimal amount, String description) {
        return cash(s, tenantId, t, storeName, header, amount, description, null, null);
    }

    private Uni<CashInOutLogEntry> cash(Mutiny.Session s, String tenantId, Terminal t, String storeName,
                                        Receipts.Header header, BigDecimal amount, String description,
                                        String customerCode, String repaymentId) {
        String text = Receipts.cashInOut(header, amount, description, customerCode);
        CashInOutLogEntry e = new CashInOutLogEntry();
        e.eventId = UUID.randomUUID();
        e.customerCode = customerCode;
        e.repaymentId = customerCode == null ? null : repaymentId != null ? repaymentId : e.eventId.toString();
        e.storeCode = t.storeCode;
        e.terminalNo = t.terminalNo;
        e.staffId = t.staffId;
        e.staffName = t.staffName;
        e.businessDate = t.businessDate;
        e.openCounter = t.openCounter;
        e.businessCounter = t.businessCounter;
        e.generateDateTime = header.at().format(LOG_TIME);
        e.amount = amount;
        e.description = description;
        e.receiptText = text;
        e.journalText = text;
        CashLog event = new CashLog(e.eventId.toString(), CashLog.EVENT_TYPE, tenantId, t.storeCode, storeName,
                t.terminalNo, t.staffId, t.staffName, t.businessDate, t.openCounter, t.businessCounter,
                e.generateDateTime, amount, description, text, text, e.customerCode, e.repaymentId);
        return s.persist(e).flatMap(v -> events.cashLog(s, t.terminalId, event)).replaceWith(e);
    }

    private static OpenCloseLogEntry openCloseLog(Terminal t, String operation, ZonedDateTime now, String text) {
        OpenCloseLogEntry log = new OpenCloseLogEntry();
        log.eventId = UUID.randomUUID();
        log.storeCode = t.storeCode;
        log.terminalNo = t.terminalNo;
        log.operation = operation;
        log.staffId = t.staffId;
        log.staffName = t.staffName;
        log.businessDate = t.businessDate;
        log.openCounter = t.openCounter;
        log.businessCounter = t.businessCounter;
        log.generateDateTime = now.format(LOG_TIME);
        log.receiptText = text;
        log.journalText = text;
        return log;
    }

    private Uni<Void> writeOpenClose(Mutiny.Session s, String tenantId, Terminal t, String storeName,
                                     OpenCloseLogEntry log) {
        OpenCloseLog event = new OpenCloseLog(log.eventId.toString(), log.operation, tenantId, t.storeCode, storeName,
                t.terminalNo, t.staffId, t.staffName, t.businessDate, t.openCounter, t.businessCounter,
                log.generateDateTime, log.operation, terminalInfo(tenantId, t), log.cartTransactionCount,
                log.cartTransactionLastNo, log.cashInOutCount, log.cashInOutLastDatetime, log.receiptText,
                log.journalText);
        return s.persist(log).flatMap(v -> events.openCloseLog(s, t.terminalId, event));
    }

    /** The terminal as the open/close event carries it; the API key only masked. */
    static OpenCloseLog.TerminalInfo terminalInfo(String tenantId, Terminal t) {
        return new OpenCloseLog.TerminalInfo(t.terminalId, tenantId, t.storeCode, t.terminalNo, t.description,
                t.functionMode, t.status, t.businessDate, t.openCounter, t.businessCounter, t.initialAmount,
                t.physicalAmount, ApiKeys.mask(t.apiKeyPrefix));
    }

    private Uni<String> storeName(Mutiny.Session s, Terminal t) {
        return stores.find(s, t.storeCode).map(store -> store == null ? null : store.storeName);
    }

    private static Receipts.Header header(Terminal t, String storeName, ZonedDateTime now) {
        return new Receipts.Header(t.storeCode, storeName, t.terminalNo, t.staffId, now, t.businessDate, t.openCounter);
    }
}
