package dev.kassa.terminal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Settings of the terminal service ({@code kassa.terminal.*}); every one has a default. */
@ConfigMapping(prefix = "kassa.terminal")
public interface TerminalConfig {

    /** The stores' time zone: it decides the business date of an open. */
    @WithDefault("Asia/Tokyo")
    ZoneId timeZone();

    /** How long a terminal JWT is valid. */
    @WithDefault("PT24H")
    Duration tokenLifetime();

    Provisioning provisioning();

    Delivery delivery();

    interface Provisioning {
        /** Services a new tenant is set up in; each at {@code quarkus.rest-client.<name>.url}. */
        @WithDefault("masterdata,cart,report,journal,stock")
        List<String> services();

        @WithDefault("PT3S")
        Duration timeout();
    }

    interface Delivery {
        /** Services that acknowledge cash and open/close events. */
        @WithDefault("report,journal")
        List<String> services();
    }
}
