package dev.kassa.common.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature was verified, with the caller they stand for, kept until they expire.
 * Checking an RS256 signature is the costliest step of a request, and a terminal sends the same
 * token many thousand times. Bounded: when full, it starts over.
 */
final class VerifiedTokens {
    private record Entry(Caller caller, String tokenId, long expiresAtSeconds) {
    }

    /** A token verified before: its caller and its id ({@code jti}, for the deny-list). */
    record Known(Caller caller, String tokenId) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
    }

    /** The caller of a token verified before and not expired since, else null. */
    Caller get(String token) {
        Known known = find(token);
        return known == null ? null : known.caller();
    }

    /** The caller and id of a token verified before and not expired since, else null. */
    Known find(String token) {
        Entry e = entries.get(token);
        if (e == null) {
            return null;
        }
        if (e.expiresAtSeconds() <= System.currentTimeMillis() / 1000) {
            entries.remove(token, e);
            return null;
        }
        return new Known(e.caller(), e.tokenId());
    }

    void put(String token, Caller caller, long expiresAtSeconds) {
        put(token, caller, null, expiresAtSeconds);
    }

    void put(String token, Caller caller, String tokenId, long expiresAtSeconds) {
        if (expiresAtSeconds <= 0) {
            return;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(token, new Entry(caller, tokenId, expiresAtSeconds));
    }
}
