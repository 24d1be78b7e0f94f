package dev.kassa.common.auth;

import io.smallrye.jwt.util.KeyUtils;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The RS256 key pair of the installation: every service verifies with the public key; only the
 * services that issue tokens (account, terminal, and report for its service tokens) sign, and
 * only they, configured with {@code kassa.keys.signer=true}, read the private key. Read from
 * {@code kassa.keys.dir} ({@code private.pem}, {@code public.pem}; a {@code classpath:} prefix
 * reads from the classpath); a verifying service needs only {@code public.pem}. Without keys a
 * service still starts, with a key pair of its own that nobody else trusts.
 */
@ApplicationScoped
public class KeyRing {
    private static final Logger LOG = Logger.getLogger(KeyRing.class);

    @ConfigProperty(name = "kassa.keys.dir", defaultValue = ".data/keys")
    String keysDir;

    @ConfigProperty(name = "kassa.keys.signer", defaultValue = "false")
    boolean signer;

    private PublicKey publicKey;
    private Optional<PrivateKey> privateKey = Optional.empty();

    @PostConstruct
    void load() {
        try {
            Optional<String> pub = read("public.pem");
            if (pub.isPresent()) {
                publicKey = KeyUtils.decodePublicKey(pub.get());
                Optional<String> priv = signer ? read("private.pem") : Optional.empty();
                if (priv.isPresent()) {
                    privateKey = Optional.of(KeyUtils.decodePrivateKey(priv.get()));
                }
                LOG.infof("Token keys from %s: %s", keysDir, privateKey.isPresent() ? "signs and verifies"
                        : "verifies only, private key not loaded");
                return;
            }
            LOG.warnf("No keys in %s: using a key pair of this process only; tokens of other services will not verify",
                    keysDir);
            KeyPair pair = KeyUtils.generateKeyPair(2048);
            publicKey = pair.getPublic();
            privateKey = signer ? Optional.of(pair.getPrivate()) : Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load the keys from " + keysDir, e);
        }
    }

    private Optional<String> read(String file) throws IOException {
        if (keysDir.startsWith("classpath:")) {
            String resource = keysDir.substring("classpath:".length()) + "/" + file;
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            try (InputStream in = cl.getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Path path = Path.of(keysDir, file);
        return Files.isReadable(path) ? Optional.of(Files.readString(path)) : Optional.empty();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public boolean canSign() {
        return privateKey.isPresent();
    }

    public PrivateKey privateKey() {
        return privateKey.orElseThrow(() -> new IllegalStateException("This service holds no private key"));
    }
}
