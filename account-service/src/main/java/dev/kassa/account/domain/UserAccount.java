package dev.kassa.account.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A person of the back office in one tenant. The table lives in the tenant's schema, so the
 * username is unique within the tenant only.
 */
@Entity
@Table(name = "users")
public class UserAccount {

    @Id
    @Column(name = "username")
    public String username;

    @Column(name = "hashed_password", nullable = false)
    public String hashedPassword;

    @Column(name = "is_superuser", nullable = false)
    public boolean superuser;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    @Column(name = "roles", nullable = false)
    public String[] roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_login")
    public Instant lastLogin;

    public static UserAccount create(String username, String hashedPassword, boolean superuser,
                                     List<String> roles, Instant now) {
        UserAccount user = new UserAccount();
        user.username = username;
        user.hashedPassword = hashedPassword;
        user.superuser = superuser;
        user.active = true;
        user.roles = roles.toArray(String[]::new);
        user.createdAt = now;
        return user;
    }

    public List<String> roleList() {
        return roles == null ? List.of() : List.of(roles);
    }
}
