package dev.kassa.account.service;

import dev.kassa.account.config.AccountConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * bcrypt through Quarkus' security library (Elytron): hashes are Modular Crypt Format strings
 * ({@code $2a$<cost>$<salt+hash>}), so cost and salt travel with the hash. Both operations cost
 * tens of milliseconds of CPU on purpose: callers run them on a worker thread, never the event loop.
 */
@ApplicationScoped
public class PasswordHasher {
    private static final Logger LOG = Logger.getLogger(PasswordHasher.class);
    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();

    /** bcrypt reads only the first 72 bytes of a password; longer ones are refused, not cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    private volatile String decoy;

    @Inject
    public PasswordHasher(AccountConfig config) {
        this(config.bcryptCost());
    }

    public PasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31: " + cost);
        }
        this.cost = cost;
    }

    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    public String hash(String password) {
        if (!fits(password)) {
            throw new IllegalArgumentException("password longer than " + MAX_PASSWORD_BYTES + " bytes");
        }
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Whether the password matches the stored hash; a malformed hash never matches. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || !fits(password)) {
            return false;
        }
        try {
            Password raw = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(raw.getAlgorithm(), PROVIDER);
            Password restored = factory.translate(raw);
            return factory.verify(restored, password.toCharArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.warnf("A stored password hash cannot be read (%s)", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * Spends the same time as a real check when there is no user to check against, so response
     * times do not tell which usernames exist.
     */
    public void matchDecoy(String password) {
        String d = decoy;
        if (d == null) {
            d = hash("decoy-password-never-matches");
            decoy = d;
        }
        matches(password == null ? "" : password, d);
    }
}
