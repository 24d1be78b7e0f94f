package dev.kassa.account.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;

/**
 * The login sessions of one tenant ({@code refresh_tokens}, V3). Every method runs inside
 * {@code TenantTx.run}, whose session already points at the tenant's schema.
 */
@ApplicationScoped
public class RefreshTokenRepository {

    /** A refresh token as stored, read under a row lock. */
    public record StoredRefresh(String familyId, String username, boolean used, boolean revoked, boolean expired) {
    }

    /** An access token issued in a session, with its expiry (epoch seconds). */
    public record IssuedAccess(String tokenId, long expiresAt) {
    }

    public Uni<Integer> insert(Mutiny.Session session, String tokenHash, String familyId, String username,
                               String accessTokenId, Instant accessExpiresAt, Instant expiresAt) {
        return session.createNativeQuery("""
                        INSERT INTO refresh_tokens (token_hash, family_id, username, access_token_id, access_expires_at,
                                                    expires_at)
                        VALUES (:hash, cast(:family as uuid), :username, :access, :accessExpires, :expires)""")
                .setParameter("hash", tokenHash)
                .setParameter("family", familyId)
                .setParameter("username", username)
                .setParameter("access", accessTokenId)
                .setParameter("accessExpires", accessExpiresAt)
                .setParameter("expires", expiresAt)
                .executeUpdate();
    }

    /** The user a refresh token belongs to, read without a lock (the user's row is locked first). */
    public Uni<String> ownerOf(Mutiny.Session session, String tokenHash) {
        return session.createNativeQuery("SELECT username FROM refresh_tokens WHERE token_hash = :hash", String.class)
                .setParameter("hash", tokenHash)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<StoredRefresh> lock(Mutiny.Session session, String tokenHash) {
        return session.createNativeQuery("""
                        SELECT cast(family_id as text), username, used_at IS NOT NULL, revoked_at IS NOT NULL,
                               expires_at <= now()
                        FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE""", Object[].class)
                .setParameter("hash", tokenHash)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : new StoredRefresh((String) rows.get(0)[0],
                        (String) rows.get(0)[1], (Boolean) rows.get(0)[2], (Boolean) rows.get(0)[3],
                        (Boolean) rows.get(0)[4]));
    }

    public Uni<Integer> markUsed(Mutiny.Session session, String tokenHash) {
        return session.createNativeQuery("UPDATE refresh_tokens SET used_at = now() WHERE token_hash = :hash")
                .setParameter("hash", tokenHash)
                .executeUpdate();
    }

    /** Ends one session; returns its access tokens that have not expired yet. */
    public Uni<List<IssuedAccess>> revokeFamily(Mutiny.Session session, String familyId) {
        return liveAccess(session, "family_id = cast(:key as uuid)", familyId)
                .call(() -> session.createNativeQuery("""
                                UPDATE refresh_tokens SET revoked_at = now()
                                WHERE family_id = cast(:family as uuid) AND revoked_at IS NULL""")
                        .setParameter("family", familyId)
                        .executeUpdate());
    }

    /** Ends every session of a user but {@code exceptFamily} (may be null); returns their live access tokens. */
    public Uni<List<IssuedAccess>> revokeUser(Mutiny.Session session, String username, String exceptFamily) {
        String keep = exceptFamily == null ? "" : " AND family_id <> cast(:except as uuid)";
        var select = session.createNativeQuery("""
                        SELECT access_token_id, cast(extract(epoch from access_expires_at) as bigint)
                        FROM refresh_tokens WHERE username = :username AND access_expires_at > now()""" + keep,
                        Object[].class)
                .setParameter("username", username);
        var update = session.createNativeQuery("""
                        UPDATE refresh_tokens SET revoked_at = now()
                        WHERE username = :username AND revoked_at IS NULL""" + keep)
                .setParameter("username", username);
        if (exceptFamily != null) {
            select.setParameter("except", exceptFamily);
            update.setParameter("except", exceptFamily);
        }
        return select.getResultList().map(RefreshTokenRepository::issued).call(update::executeUpdate);
    }

    /** Forgets a user's sessions whose refresh token can no longer be used. */
    public Uni<Integer> deleteExpired(Mutiny.Session session, String username) {
        return session.createNativeQuery("""
                        DELETE FROM refresh_tokens
                        WHERE username = :username AND expires_at <= now() AND access_expires_at <= now()""")
                .setParameter("username", username)
                .executeUpdate();
    }

    private Uni<List<IssuedAccess>> liveAccess(Mutiny.Session session, String where, String key) {
        return session.createNativeQuery("""
                        SELECT access_token_id, cast(extract(epoch from access_expires_at) as bigint)
                        FROM refresh_tokens WHERE access_expires_at > now() AND\s""" + where, Object[].class)
                .setParameter("key", key)
                .getResultList()
                .map(RefreshTokenRepository::issued);
    }

    private static List<IssuedAccess> issued(List<Object[]> rows) {
        return rows.stream().map(r -> new IssuedAccess((String) r[0], ((Number) r[1]).longValue())).toList();
    }
}
