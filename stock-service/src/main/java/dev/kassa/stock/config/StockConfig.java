package dev.kassa.stock.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** The stock service's knobs; every one has a default, so the service starts with no environment. */
@ConfigMapping(prefix = "kassa.stock")
public interface StockConfig {

    /** The zone of schedule hours and of {@code generateDateTime} (Kugel runs in Asia/Tokyo). */
    @WithDefault("Asia/Tokyo")
    ZoneId timeZone();

    Alert alert();

    Snapshot snapshot();

    interface Alert {
        /** One alert per item and alert type within this time, across every replica. */
        @WithDefault("PT60S")
        Duration cooldown();

        /** The Redis pub/sub channel through which every replica hears every alert. */
        @WithDefault("kassa:stock:alerts")
        String channel();
    }

    interface Snapshot {
        /** How late a replica may still take a slot it missed (down, busy) before it is skipped. */
        @WithDefault("PT1H")
        Duration misfireGrace();

        /** How often every replica checks the schedules (the scheduler reads it too). */
        @WithDefault("PT60S")
        Duration checkEvery();

        /** The wait after start-up before the first check. */
        @WithDefault("PT10S")
        Duration checkDelay();

        /** Recorded with each slot a replica claims; host name and process id when not set. */
        Optional<String> instanceId();
    }
}
