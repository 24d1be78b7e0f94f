package dev.kassa.common.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Issues and verifies Kassa's RS256 tokens with SmallRye JWT. User tokens come from the account
 * service, terminal tokens from the terminal service, service tokens from any service that
 * calls another on its own behalf (those hold the private key; see {@link KeyRing}). Every token
 * names the installation as issuer ({@code mp.jwt.verify.issuer}) and audience
 * ({@code mp.jwt.verify.audiences}); what kind of token it is, its claims say. A token is refused
 * when it comes from another issuer or for another audience, has no {@code iat} or one in the
 * future (beyond {@code kassa.jwt.clock-skew}), or was made to live longer than
 * {@code kassa.jwt.max-lifetime}.
 */
@ApplicationScoped
public class Tokens {
    public static final String DEFAULT_ISSUER = "kassa";
    public static final String DEFAULT_AUDIENCE = "kassa";

    @Inject
    KeyRing keys;

    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = DEFAULT_ISSUER)
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = DEFAULT_AUDIENCE)
    String audience;

    @ConfigProperty(name = "kassa.jwt.max-lifetime", defaultValue = "PT24H")
    Duration maxLifetime;

    @ConfigProperty(name = "kassa.jwt.clock-skew", defaultValue = "PT30S")
    Duration clockSkew;

    private DefaultJWTParser parser;

    @PostConstruct
    void init() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.publicKey(), issuer);
        info.setExpectedAudience(Set.of(audience));
        info.setSignatureAlgorithm(Set.of(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256));
        info.setRequireNamedPrincipal(false);
        info.setRelaxVerificationKeyValidation(true);
        parser = new DefaultJWTParser(info);
    }

    /** The verified token, or a {@link ParseException} for a bad signature, issuer, audience, time or shape. */
    public JsonWebToken verify(String token) throws ParseException {
        JsonWebToken jwt = parser.parse(token);
        long issuedAt = jwt.getIssuedAtTime();
        long now = System.currentTimeMillis() / 1000;
        if (issuedAt <= 0) {
            throw new ParseException("The token has no issue time");
        }
        if (issuedAt > now + clockSkew.toSeconds()) {
            throw new ParseException("The token was issued in the future");
        }
        if (jwt.getExpirationTime() - issuedAt > maxLifetime.toSeconds()) {
            throw new ParseException("The token lives longer than " + maxLifetime + " allows");
        }
        return jwt;
    }

    public String sign(Map<String, Object> claims, String subject, Duration lifetime) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.claims(claims).issuer(issuer).audience(audience).subject(subject)
                .issuedAt(now).expiresAt(now + lifetime.toSeconds())
                .jws().sign(keys.privateKey());
    }

    /** A short-lived token a service presents when it calls another service on its own behalf. */
    public String serviceToken(String service, String tenantId) {
        return sign(Map.of("tenant_id", tenantId, "service", service, "is_service_account", true,
                "is_superuser", false), "service:" + service, Duration.ofMinutes(5));
    }
}
