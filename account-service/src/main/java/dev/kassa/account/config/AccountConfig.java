package dev.kassa.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the account service; every one has a default so the service starts bare. */
@ConfigMapping(prefix = "kassa.account")
public interface AccountConfig {

    /** How long an access token is valid; a refresh token gets the next one. */
    @WithDefault("PT15M")
    Duration tokenLifetime();

    /** How long a refresh token may be used (each use rotates it; the session ends at its logout). */
    @WithDefault("P7D")
    Duration refreshTokenLifetime();

    /** bcrypt cost (log2 of the rounds); 10 is bcrypt's customary default. */
    @WithDefault("10")
    int bcryptCost();

    PasswordPolicy password();

    LoginThrottle loginThrottle();

    RegistrationThrottle registrationThrottle();

    interface PasswordPolicy {
        /** Fewest characters of a password. */
        @WithDefault("8")
        int minLength();
    }

    interface LoginThrottle {
        /** Failed logins of one (tenant, username, client address) answered without delay. */
        @WithDefault("5")
        int freeFailures();

        /** The wait after the first failure beyond the free ones; it doubles with each further one. */
        @WithDefault("PT1S")
        Duration baseDelay();

        /** The longest wait. */
        @WithDefault("PT15M")
        Duration maxDelay();

        /** Failures are forgotten this long after the last one (plus its wait). */
        @WithDefault("PT15M")
        Duration forgetAfter();
    }

    interface RegistrationThrottle {
        /** Tenant registrations (tried, good or bad) from one client address per window. */
        @WithDefault("10")
        int maxPerAddress();

        @WithDefault("PT1H")
        Duration window();
    }
}
