package dev.kassa.terminal.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The tenant as the terminal service knows it; {@code provisioning} says which services have it set up. */
@Entity
@Table(name = "tenant_info")
public class TenantInfo extends PanacheEntityBase {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "tenant_name")
    public String tenantName;

    @Convert(converter = StringListConverter.class)
    public List<String> tags;

    /** Service name -> {@code ok} or {@code failed}. */
    @Convert(converter = StringMapConverter.class)
    public Map<String, String> provisioning;

    @Column(name = "entry_datetime")
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;

    public boolean fullyProvisioned(List<String> services) {
        return services.stream().allMatch(s -> "ok".equals(provisioning.get(s)));
    }
}
