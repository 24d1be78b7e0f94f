package dev.kassa.report.service;

import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.TerminalClaims;
import dev.kassa.common.auth.Tokens;
import dev.kassa.report.client.JournalClient;
import dev.kassa.report.client.JournalEntry;
import dev.kassa.report.domain.Report;
import dev.kassa.report.domain.ReportRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * A report a terminal asked for with its API key goes to the journal as type 501 (flash) or 502
 * (daily), under the requesting terminal (Kugel's {@code _send_report_to_journal}). A failed push
 * is logged and counted ({@code kassa_report_journal_push_total{outcome="failed"}}), never the
 * report's failure.
 */
@ApplicationScoped
public class JournalPush {
    private static final Logger LOG = Logger.getLogger(JournalPush.class);
    public static final String METRIC = "kassa.report.journal.push";

    @Inject
    JournalClient client;

    @Inject
    Tokens tokens;

    @ConfigProperty(name = "kassa.report.time-zone", defaultValue = "Asia/Tokyo")
    ZoneId storeZone;

    @Inject
    MeterRegistry registry;

    public Uni<Void> push(ReportRequest r, Report report, Caller caller, String apiKey) {
        TerminalClaims t = caller.terminal();
        int terminalNo = t != null && t.terminalNo() != null ? t.terminalNo()
                : r.terminalNo() != null ? r.terminalNo() : 0;
        String staffId = t != null && t.staffId() != null ? t.staffId() : "SYSTEM";
        JournalEntry entry = new JournalEntry(r.tenantId(), r.storeCode(), terminalNo, r.scope().journalType(),
                r.period().first(), r.openCounter() == null ? 0 : r.openCounter(),
                r.businessCounter() == null ? 0 : r.businessCounter(), ReportService.now(storeZone), 0, BigDecimal.ZERO, 0,
                staffId, null, report.journalText(), report.receiptText());
        JournalClient.Credentials credentials = new JournalClient.Credentials(t == null ? null : t.terminalId(),
                serviceToken(r.tenantId()), apiKey);
        return Uni.createFrom().deferred(() -> client.push(entry, credentials))
                .invoke(() -> registry.counter(METRIC, "outcome", "ok").increment())
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("The %s report of %s/%s could not be pushed to the journal: %s", r.scope().wire(),
                            r.tenantId(), r.storeCode(), e.toString());
                    registry.counter(METRIC, "outcome", "failed").increment();
                    return Uni.createFrom().voidItem();
                });
    }

    /** Kugel calls the journal with a service token; a service without the signing key forwards the API key only. */
    private String serviceToken(String tenantId) {
        try {
            return tokens.serviceToken("report", tenantId);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
