package dev.kassa.common.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Map;

/**
 * Issues and verifies Kassa's RS256 tokens with SmallRye JWT. User tokens come from the account
 * service, terminal tokens from the terminal service, service tokens from any service that
 * calls another on its own behalf.
 */
@ApplicationScoped
public class Tokens {
    public static final String USER_ISSUER = "account-service";
    public static final String TERMINAL_ISSUER = "terminal-service";

    @Inject
    KeyRing keys;

    private DefaultJWTParser parser;

    @PostConstruct
    void init() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.publicKey(), null);
        info.setSignatureAlgorithm(java.util.Set.of(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256));
        info.setRequireNamedPrincipal(false);
        info.setRelaxVerificationKeyValidation(true);
        parser = new DefaultJWTParser(info);
    }

    /** The verified token, or a {@link ParseException} for a bad signature, expiry or shape. */
    public JsonWebToken verify(String token) throws ParseException {
        return parser.parse(token);
    }

    public String sign(Map<String, Object> claims, String issuer, String subject, Duration lifetime) {
        JwtClaimsBuilder builder = Jwt.claims(claims).issuer(issuer).subject(subject).expiresIn(lifetime);
        return builder.jws().sign(keys.privateKey());
    }

    /** A short-lived token a service presents when it calls another service on its own behalf. */
    public String serviceToken(String service, String tenantId) {
        return sign(Map.of("tenant_id", tenantId, "service", service, "is_service_account", true,
                "is_superuser", false), "kassa-" + service, "service:" + service, Duration.ofMinutes(5));
    }
}
