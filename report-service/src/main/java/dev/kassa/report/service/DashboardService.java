package dev.kassa.report.service;

import dev.kassa.common.event.TranLog;
import dev.kassa.common.mongo.MongoTenants;
import dev.kassa.report.domain.ReportPeriod;
import dev.kassa.report.repository.LogQuery;
import dev.kassa.report.repository.LogRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Reads a store's transactions of a range for the dashboards. */
@ApplicationScoped
public class DashboardService {

    @Inject
    MongoTenants tenants;

    @Inject
    LogRepository logs;

    public Uni<List<TranLog>> transactions(String tenantId, String storeCode, Integer terminalNo,
                                           ReportPeriod period) {
        return tenants.require(tenantId)
                .flatMap(db -> logs.tranLogs(db, new LogQuery(storeCode, period, terminalNo, null)));
    }
}
