package dev.kassa.account;

import dev.kassa.account.service.PasswordHasher;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashesAreSaltedModularCryptBcrypt() {
        String first = hasher.hash("secret");
        String second = hasher.hash("secret");
        assertTrue(first.matches("\\$2[aby]?\\$04\\$[./A-Za-z0-9]{53}"), first);
        assertNotEquals(first, second, "salted");
        assertTrue(hasher.matches("secret", first));
        assertTrue(hasher.matches("secret", second));
    }

    @Test
    void wrongPasswordsAndBrokenHashesDoNotMatch() {
        String hash = hasher.hash("secret");
        assertFalse(hasher.matches("Secret", hash));
        assertFalse(hasher.matches("", hash));
        assertFalse(hasher.matches(null, hash));
        assertFalse(hasher.matches("secret", null));
        assertFalse(hasher.matches("secret", "plain-text"));
        assertFalse(hasher.matches("secret", "$2a$04$tooshort"));
    }

    @Test
    void passwordsOverSeventyTwoBytesAreRefused() {
        assertTrue(PasswordHasher.fits("p".repeat(72)));
        assertFalse(PasswordHasher.fits("p".repeat(73)));
        assertFalse(PasswordHasher.fits("€".repeat(25)));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("p".repeat(73)));
        String hash = hasher.hash("p".repeat(72));
        assertTrue(hasher.matches("p".repeat(72), hash));
        assertFalse(hasher.matches("p".repeat(72) + "x", hash));
    }

    @Test
    void unicodePasswords() {
        String hash = hasher.hash("パスワード");
        assertTrue(hasher.matches("パスワード", hash));
        assertFalse(hasher.matches("パスワー", hash));
    }

    @Test
    void theCostIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(3));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(32));
        assertEquals(60, new PasswordHasher(5).hash("x").length());
    }
}
