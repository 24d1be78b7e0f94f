package dev.kassa.journal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** {@code kassa.journal.*}: the shop's time zone. */
@ConfigMapping(prefix = "kassa.journal")
public interface JournalConfig {

    /** The zone of date-times written without an offset (Kugel writes naive local times). */
    @WithDefault("Asia/Tokyo")
    ZoneId timeZone();
}
