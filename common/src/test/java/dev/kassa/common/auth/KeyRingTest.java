package dev.kassa.common.auth;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;

import java.security.PublicKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only a signer reads the private key; everyone verifies with the public one. */
class KeyRingTest {

    private static KeyRing ring(boolean signer) {
        KeyRing ring = new KeyRing();
        ring.keysDir = "classpath:test-keys";
        ring.signer = signer;
        ring.load();
        return ring;
    }

    @Test
    void aVerifierHoldsThePublicKeyOnly() throws Exception {
        KeyRing verifier = ring(false);
        assertFalse(verifier.canSign());
        assertThrows(IllegalStateException.class, verifier::privateKey);

        KeyRing signer = ring(true);
        assertTrue(signer.canSign());
        PublicKey pub = verifier.publicKey();
        assertEquals(signer.publicKey(), pub);
        // What the signer signs, the verifier's key checks.
        String token = Jwt.claims().subject("someone").jws().sign(signer.privateKey());
        var jws = new org.jose4j.jws.JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(pub);
        assertTrue(jws.verifySignature());
        assertEquals(pub, KeyUtils.decodePublicKey(new String(KeyRingTest.class.getClassLoader()
                .getResourceAsStream("test-keys/public.pem").readAllBytes())));
    }
}
