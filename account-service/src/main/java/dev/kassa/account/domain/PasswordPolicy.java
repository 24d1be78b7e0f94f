package dev.kassa.account.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be: at least {@code minLength} characters, and neither the username
 * nor containing it (ignoring case). Checked on every way a password is set: registration, a user
 * added by an owner, a change by the user, a reset by an owner.
 */
public record PasswordPolicy(int minLength) {

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<String> violation(String username, String password) {
        if (password.codePointCount(0, password.length()) < minLength) {
            return Optional.of("must be at least " + minLength + " characters long");
        }
        String u = username.toLowerCase(Locale.ROOT);
        String p = password.toLowerCase(Locale.ROOT);
        if (p.equals(u)) {
            return Optional.of("must not be the username");
        }
        if (!u.isEmpty() && p.contains(u)) {
            return Optional.of("must not contain the username");
        }
        return Optional.empty();
    }
}
