package dev.kassa.masterdata.service;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.domain.Staff;
import dev.kassa.masterdata.domain.Times;
import dev.kassa.masterdata.event.ChangeEvents;
import dev.kassa.masterdata.repository.JsonText;
import dev.kassa.masterdata.repository.Pages;
import dev.kassa.masterdata.rest.StaffCreate;
import dev.kassa.masterdata.rest.StaffUpdate;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;

/** Staff members. PINs are hashed with bcrypt off the event loop and never leave the service. */
@ApplicationScoped
public class StaffService {
    public static final String ENTITY = "staff";
    public static final Set<String> SORTABLE = Set.of("id", "name", "entry_datetime", "last_update_datetime");

    @Inject
    TenantTx tx;

    @Inject
    ChangeEvents events;

    @Inject
    Pages pages;

    @Inject
    JsonText json;

    @Inject
    Vertx vertx;

    public Uni<Staff> create(String tenantId, StaffCreate in) {
        return hash(in.pin()).flatMap(pinHash -> tx.run(tenantId, s -> s.find(Staff.class, in.id())
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(MasterDataErrors.exists("Staff " + in.id()));
                    }
                    Staff staff = new Staff();
                    staff.id = in.id();
                    staff.name = in.name();
                    staff.pinHash = pinHash;
                    staff.roles = json.write(in.roles());
                    staff.entryDatetime = Times.now();
                    return s.persist(staff).call(s::flush)
                            .call(() -> events.changed(s, tenantId, ENTITY, staff.id, ChangeEvents.CREATED))
                            .replaceWith(staff);
                })));
    }

    public Uni<Staff> get(String tenantId, String id) {
        return tx.run(tenantId, s -> find(s, id));
    }

    public Uni<Pages.Page<Staff>> list(String tenantId, PageRequest page) {
        return tx.run(tenantId, s -> pages.page(s, Staff.class, "staff", "", Map.of(), page, "id", "id"));
    }

    public Uni<Staff> update(String tenantId, String id, StaffUpdate in) {
        return hash(in.pin()).flatMap(pinHash -> tx.run(tenantId, s -> find(s, id).flatMap(staff -> {
            staff.name = in.name();
            staff.pinHash = pinHash;
            staff.roles = json.write(in.roles());
            staff.lastUpdateDatetime = Times.now();
            return s.flush().call(() -> events.changed(s, tenantId, ENTITY, id, ChangeEvents.UPDATED))
                    .replaceWith(staff);
        })));
    }

    public Uni<Void> delete(String tenantId, String id) {
        return tx.run(tenantId, s -> find(s, id)
                .flatMap(staff -> s.remove(staff).call(s::flush))
                .call(() -> events.changed(s, tenantId, ENTITY, id, ChangeEvents.DELETED)));
    }

    private static Uni<Staff> find(org.hibernate.reactive.mutiny.Mutiny.Session s, String id) {
        return s.find(Staff.class, id).onItem().ifNull().failWith(() -> MasterDataErrors.notFound("Staff " + id));
    }

    /** bcrypt is slow on purpose; it runs on a worker thread and comes back to the request's context. */
    private Uni<String> hash(String pin) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(pin)), false);
    }
}
