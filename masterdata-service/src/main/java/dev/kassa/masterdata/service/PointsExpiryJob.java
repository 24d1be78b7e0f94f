package dev.kassa.masterdata.service;

import dev.kassa.common.health.BackgroundJob;
import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.masterdata.config.MasterDataConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Once a day, each tenant whose settings say how long points stay valid
 * ({@value PointsService#VALID_DAYS_SETTING}) has the points earned before today minus that many days
 * expired. Every replica may run it: an expiry's source key is the customer and the cutoff, and the
 * accounts are locked while it is computed, so the second run of a day posts nothing. Listed under
 * {@code background_jobs} of {@code GET /health} unless its cron is {@code off}.
 */
@ApplicationScoped
public class PointsExpiryJob implements BackgroundJob {
    static final String JOB = "points-expiry";
    private static final Logger LOG = Logger.getLogger(PointsExpiryJob.class);

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "kassa.ledger.points-expiry-cron")
    String cron;

    @Inject
    TenantSchemas schemas;

    @Inject
    PointsService points;

    @Inject
    MasterDataConfig config;

    @Override
    public String jobName() {
        return JOB;
    }

    @Override
    public boolean enabled() {
        return !"off".equalsIgnoreCase(cron.trim());
    }

    /** Quarkus' scheduler runs and has this job (it is not paused). */
    @Override
    public boolean running() {
        return scheduler.isRunning() && scheduler.getScheduledJob(JOB) != null && !scheduler.isPaused(JOB);
    }

    @Scheduled(identity = JOB, cron = "${kassa.ledger.points-expiry-cron}",
            timeZone = "${kassa.masterdata.zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        LocalDate today = LocalDate.now(config.zone());
        List<String> tenants;
        try {
            tenants = schemas.tenants();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot list the tenants for the points expiry: %s", e.toString());
            return;
        }
        for (String tenant : tenants) {
            try {
                points.expireByRule(tenant, today).await().atMost(Duration.ofMinutes(5)).ifPresent(run ->
                        LOG.infof("Points of tenant %s earned before %s expired: %s point(s) of %d customer(s)",
                                tenant, run.earnedBefore(), run.pointsExpired().toPlainString(), run.customerCount()));
            } catch (RuntimeException e) {
                LOG.warnf("Points expiry of tenant %s failed (tomorrow's run expires what is left): %s", tenant,
                        e.toString());
            }
        }
    }
}
