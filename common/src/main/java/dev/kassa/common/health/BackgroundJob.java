package dev.kassa.common.health;

/**
 * Work a service runs on its own schedule (the outbox relay, stock snapshots). {@code GET /health}
 * lists every enabled job under {@code background_jobs}, as Kugel lists its schedulers.
 */
public interface BackgroundJob {

    String jobName();

    /** A job turned off by configuration is not listed. */
    default boolean enabled() {
        return true;
    }

    boolean running();
}
