package dev.kassa.journal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** {@code kassa.journal.*}: the shop's time zone and how the log consumer retries a store that is down. */
@ConfigMapping(prefix = "kassa.journal")
public interface JournalConfig {

    /** The zone of date-times written without an offset (Kugel writes naive local times). */
    @WithDefault("Asia/Tokyo")
    ZoneId timeZone();

    Consumer consumer();

    interface Consumer {
        /** First wait before applying a record again after a failure of MongoDB or Kafka. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();

        /** After this many retries the record goes to the dead-letter topic with the last failure. */
        @WithDefault("30")
        int maxRetries();
    }
}
