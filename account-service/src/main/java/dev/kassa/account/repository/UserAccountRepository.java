package dev.kassa.account.repository;

import dev.kassa.account.domain.UserAccount;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;

/**
 * Users of one tenant. Every method runs inside {@code TenantTx.run}, whose session already
 * points at the tenant's schema.
 */
@ApplicationScoped
public class UserAccountRepository {

    public Uni<UserAccount> find(Mutiny.Session session, String username) {
        return session.find(UserAccount.class, username);
    }

    /** The user with its row locked until the transaction ends (logins and deactivations take turns). */
    public Uni<UserAccount> lock(Mutiny.Session session, String username) {
        return session.find(UserAccount.class, username, org.hibernate.LockMode.PESSIMISTIC_WRITE);
    }

    /** One page of the tenant's users, by username. */
    public Uni<java.util.List<UserAccount>> page(Mutiny.Session session, int offset, int limit) {
        return session.createSelectionQuery("from UserAccount u order by u.username", UserAccount.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public Uni<UserAccount> insert(Mutiny.Session session, UserAccount user) {
        return session.persist(user).chain(session::flush).replaceWith(user);
    }

    public Uni<Long> count(Mutiny.Session session) {
        return session.createSelectionQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
    }

    /** Sets the last login time; written when the transaction commits. */
    public Uni<Boolean> touchLastLogin(Mutiny.Session session, String username, Instant at) {
        return find(session, username).map(user -> {
            if (user == null) {
                return false;
            }
            user.lastLogin = at;
            return true;
        });
    }

    /**
     * Holds the tenant's row in the shared tenant table until the transaction ends, so that two
     * registrations of the same tenant's first superuser run one after the other.
     */
    public Uni<Void> lockTenant(Mutiny.Session session, String tenantId) {
        return session.createNativeQuery("SELECT tenant_id FROM kassa.tenant WHERE tenant_id = :tenant FOR UPDATE",
                        String.class)
                .setParameter("tenant", tenantId)
                .getResultList()
                .replaceWithVoid();
    }
}
