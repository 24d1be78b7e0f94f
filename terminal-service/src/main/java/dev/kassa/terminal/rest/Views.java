package dev.kassa.terminal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.common.auth.ApiKeys;
import dev.kassa.common.auth.KassaAuthenticationMechanism;
import dev.kassa.terminal.domain.CashInOutLogEntry;
import dev.kassa.terminal.domain.OpenCloseLogEntry;
import dev.kassa.terminal.domain.Store;
import dev.kassa.terminal.domain.TenantInfo;
import dev.kassa.terminal.domain.Terminal;
import dev.kassa.terminal.repository.DeliveryStatusRepository.EventDelivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Response bodies (the {@code data} of the envelope), camelCase as in the contract. */
public final class Views {

    private Views() {
    }

    public record TenantView(String tenantId, String tenantName, List<String> tags, List<StoreView> stores,
                             Instant entryDatetime, Instant lastUpdateDatetime,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> provisioning) {
    }

    public record StoreView(String storeCode, String storeName, String status, String businessDate, List<String> tags,
                            Instant entryDatetime, Instant lastUpdateDatetime) {
    }

    public record StaffView(String staffId, String staffName, String staffPin) {
    }

    public record TerminalView(String terminalId, String tenantId, String storeCode, int terminalNo,
                               String description, String functionMode, String status, String businessDate,
                               int openCounter, int businessCounter, BigDecimal initialAmount,
                               BigDecimal physicalAmount, StaffView staff, String apiKey, Instant entryDatetime,
                               Instant lastUpdateDatetime) {
    }

    public record OpenView(String terminalId, String businessDate, int openCounter, int businessCounter,
                           BigDecimal initialAmount, TerminalView terminalInfo, String receiptText,
                           String journalText) {
    }

    public record CloseView(String terminalId, String businessDate, int openCounter, int businessCounter,
                            BigDecimal initialAmount, TerminalView terminalInfo, String receiptText,
                            String journalText, BigDecimal physicalAmount) {
    }

    /** {@code customerCode} and {@code repaymentId} are set for a credit repayment only. */
    public record CashInOutView(String terminalId, BigDecimal amount, String description, String receiptText,
                                String journalText, String customerCode, String repaymentId) {
    }

    public record TenantDeleted(String tenantId) {
    }

    public record StoreDeleted(String storeCode) {
    }

    public record TerminalDeleted(String terminalId) {
    }

    /** Kugel answers the delivery callback in snake_case. */
    public record DeliveryStatusUpdated(@JsonProperty("event_id") String eventId, String service, String status,
                                        boolean success) {
    }

    public record ServiceDeliveryView(String service, String status, String message, OffsetDateTime updatedAt) {
    }

    public record DeliveryView(String eventId, String terminalId, String topic, String eventType, String status,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt,
                               List<ServiceDeliveryView> services) {
    }

    /** The terminal JWT answer, snake_case as Kugel's. */
    public record TokenView(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn) {
    }

    public static TenantView tenant(TenantInfo t, List<Store> stores, Map<String, String> provisioning) {
        return new TenantView(t.tenantId, t.tenantName, t.tags, stores.stream().map(Views::store).toList(),
                t.entryDatetime, t.lastUpdateDatetime, provisioning);
    }

    public static StoreView store(Store s) {
        return new StoreView(s.storeCode, s.storeName, s.status, s.businessDate, s.tags, s.entryDatetime,
                s.lastUpdateDatetime);
    }

    /** The terminal with its key masked. */
    public static TerminalView terminal(Terminal t) {
        return terminal(t, ApiKeys.mask(t.apiKeyPrefix));
    }

    public static TerminalView terminal(Terminal t, String apiKey) {
        StaffView staff = t.staffId == null ? null : new StaffView(t.staffId, t.staffName, null);
        return new TerminalView(t.terminalId, KassaAuthenticationMechanism.tenantOfTerminal(t.terminalId),
                t.storeCode, t.terminalNo, t.description, t.functionMode, t.status, t.businessDate, t.openCounter,
                t.businessCounter, t.initialAmount, t.physicalAmount, staff, apiKey, t.entryDatetime,
                t.lastUpdateDatetime);
    }

    public static OpenView open(Terminal t, OpenCloseLogEntry log) {
        return new OpenView(t.terminalId, log.businessDate, log.openCounter, log.businessCounter, t.initialAmount,
                terminal(t), log.receiptText, log.journalText);
    }

    public static CloseView close(Terminal t, OpenCloseLogEntry log) {
        return new CloseView(t.terminalId, log.businessDate, log.openCounter, log.businessCounter, t.initialAmount,
                terminal(t), log.receiptText, log.journalText, t.physicalAmount);
    }

    public static CashInOutView cash(String terminalId, CashInOutLogEntry e) {
        return new CashInOutView(terminalId, e.amount, e.description, e.receiptText, e.journalText, e.customerCode,
                e.repaymentId);
    }

    public static DeliveryView delivery(EventDelivery d) {
        return new DeliveryView(d.eventId().toString(), d.terminalId(), d.topic(), d.eventType(), d.status(),
                d.createdAt(), d.updatedAt(), d.services().stream()
                .map(s -> new ServiceDeliveryView(s.service(), s.status(), s.message(), s.updatedAt())).toList());
    }
}
