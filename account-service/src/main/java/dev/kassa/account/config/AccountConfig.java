package dev.kassa.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the account service; every one has a default so the service starts bare. */
@ConfigMapping(prefix = "kassa.account")
public interface AccountConfig {

    /** How long a user token is valid (Kugel: 30 minutes). */
    @WithDefault("PT30M")
    Duration tokenLifetime();

    /** bcrypt cost (log2 of the rounds); 10 is bcrypt's customary default. */
    @WithDefault("10")
    int bcryptCost();

    LoginThrottle loginThrottle();

    interface LoginThrottle {
        /** Failed logins of one (tenant, username) that are tolerated within the window. */
        @WithDefault("5")
        int maxFailures();

        /** The window that counts failures; once exceeded, logins are refused until it ends. */
        @WithDefault("PT5M")
        Duration window();
    }
}
