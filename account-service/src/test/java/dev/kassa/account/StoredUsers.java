package dev.kassa.account;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads (and for a few cases changes) the users table of a tenant's schema over JDBC. */
final class StoredUsers {
    private final DataSource db;

    StoredUsers(DataSource db) {
        this.db = db;
    }

    /** The stored row, or null. */
    Map<String, Object> find(String tenant, String username) {
        String sql = "SELECT username, hashed_password, is_superuser, is_active, roles, created_at, updated_at, "
                + "last_login FROM \"t_" + tenant + "\".users WHERE username = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("username", rs.getString(1));
                row.put("hashed_password", rs.getString(2));
                row.put("is_superuser", rs.getBoolean(3));
                row.put("is_active", rs.getBoolean(4));
                row.put("roles", List.of((String[]) rs.getArray(5).getArray()));
                row.put("created_at", instant(rs, 6));
                row.put("updated_at", instant(rs, 7));
                row.put("last_login", instant(rs, 8));
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String tenant) {
        return longQuery("SELECT count(*) FROM \"t_" + tenant + "\".users");
    }

    boolean schemaExists(String tenant) {
        return longQuery("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 't_" + tenant + "'") == 1;
    }

    boolean tenantRecorded(String tenant) {
        return longQuery("SELECT count(*) FROM kassa.tenant WHERE tenant_id = '" + tenant + "'") == 1;
    }

    void update(String tenant, String username, String assignment) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE \"t_" + tenant + "\".users SET " + assignment + " WHERE username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> tenants() {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT tenant_id FROM kassa.tenant"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private long longQuery(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
