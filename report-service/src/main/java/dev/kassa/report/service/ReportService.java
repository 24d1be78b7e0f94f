package dev.kassa.report.service;

import dev.kassa.common.auth.Caller;
import dev.kassa.common.mongo.MongoTenants;
import dev.kassa.report.domain.DailyVerification;
import dev.kassa.report.domain.DailyVerification.Session;
import dev.kassa.report.domain.DayLogs;
import dev.kassa.report.domain.Report;
import dev.kassa.report.domain.ReportErrors;
import dev.kassa.report.domain.ReportHeader;
import dev.kassa.report.domain.ReportMakers;
import dev.kassa.report.domain.ReportRequest;
import dev.kassa.report.domain.ReportType;
import dev.kassa.report.repository.DailyInfoRepository;
import dev.kassa.report.repository.LogQuery;
import dev.kassa.report.repository.LogRepository;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a report from the received logs: reads the period's logs, verifies a daily report of one
 * date against the close logs (403 / 412101 until complete, then remembered), hands the logs to
 * the report's maker, and pushes the text to the journal when a terminal asked with its API key.
 */
@ApplicationScoped
public class ReportService {

    /** The stores' time zone, the one their business dates are in (Kugel runs in Asia/Tokyo). */
    @ConfigProperty(name = "kassa.report.time-zone", defaultValue = "Asia/Tokyo")
    ZoneId storeZone;

    @Inject
    MongoTenants tenants;

    @Inject
    LogRepository logs;

    @Inject
    DailyInfoRepository dailyInfo;

    @Inject
    JournalPush journal;

    @Inject
    CategoryNames categoryNames;

    public Uni<Report> report(ReportRequest r, Caller caller, String apiKey) {
        return tenants.require(r.tenantId())
                .flatMap(db -> logs.logs(db, new LogQuery(r.storeCode(), r.period(), r.terminalNo(), r.openCounter()))
                        .call(dayLogs -> r.needsVerification() ? verify(db, r, dayLogs) : Uni.createFrom().voidItem())
                        .flatMap(dayLogs -> names(r).map(names ->
                                ReportMakers.make(r, ReportHeader.of(r, now()), dayLogs, names, filter(r)))))
                .call(report -> caller.viaApiKey() ? journal.push(r, report, caller, apiKey)
                        : Uni.createFrom().voidItem());
    }

    /**
     * The sessions in scope are those any received log of the date names (store scope: every
     * terminal that logged anything that day; terminal scope: that terminal, which must have
     * opened). Each must be complete; complete ones are remembered and not checked again.
     */
    Uni<Void> verify(ReactiveMongoDatabase db, ReportRequest r, DayLogs dayLogs) {
        Set<Session> sessions = DailyVerification.sessions(dayLogs);
        if (r.terminalNo() != null && r.openCounter() != null) {
            sessions.add(new Session(r.storeCode(), r.terminalNo(), r.period().businessDate(), r.openCounter()));
        }
        if (sessions.isEmpty()) {
            if (r.terminalNo() != null) {
                return Uni.createFrom().failure(ReportErrors.notVerified("No open log received for terminal "
                        + r.terminalNo() + " on " + r.period().businessDate() + ": the terminal is not closed"));
            }
            return Uni.createFrom().voidItem();
        }
        return dailyInfo.verifiedKeys(db, sessions).flatMap(verified -> {
            List<String> problems = new ArrayList<>();
            Uni<Void> remember = Uni.createFrom().voidItem();
            for (Session s : sessions) {
                if (verified.contains(s.key())) {
                    continue;
                }
                var problem = DailyVerification.problem(s, dayLogs);
                if (problem.isPresent()) {
                    problems.add(problem.get());
                } else {
                    remember = remember.call(() -> dailyInfo.markVerified(db, r.tenantId(), s));
                }
            }
            return remember.invoke(() -> {
                if (!problems.isEmpty()) {
                    throw ReportErrors.notVerified("The daily report needs every log the close announced. "
                            + String.join("; ", problems));
                }
            });
        });
    }

    private Uni<Map<String, String>> names(ReportRequest r) {
        return r.type() == ReportType.CATEGORY || r.type() == ReportType.ITEM ? categoryNames.of(r.tenantId())
                : Uni.createFrom().item(Map.of());
    }

    static Map<String, Object> filter(ReportRequest r) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("store_code", r.storeCode());
        if (r.terminalNo() != null) {
            filter.put("terminal_no", r.terminalNo());
        }
        if (r.period().isRange()) {
            filter.put("business_date_from", r.period().from());
            filter.put("business_date_to", r.period().to());
        } else {
            filter.put("business_date", r.period().businessDate());
        }
        if (r.openCounter() != null) {
            filter.put("open_counter", r.openCounter());
        }
        return filter;
    }

    /** Now in the stores' zone, so the printed report shows the store's local time. */
    String now() {
        return now(storeZone);
    }

    static String now(ZoneId zone) {
        return OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
