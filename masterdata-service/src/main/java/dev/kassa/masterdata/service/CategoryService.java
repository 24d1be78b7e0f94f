package dev.kassa.masterdata.service;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.domain.Category;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.domain.Times;
import dev.kassa.masterdata.event.ChangeEvents;
import dev.kassa.masterdata.repository.Pages;
import dev.kassa.masterdata.rest.CategoryCreate;
import dev.kassa.masterdata.rest.CategoryUpdate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Map;
import java.util.Set;

@ApplicationScoped
public class CategoryService {
    public static final String ENTITY = "category";
    public static final Set<String> SORTABLE = Set.of("category_code", "description", "description_short", "tax_code",
            "entry_datetime", "last_update_datetime");

    @Inject
    TenantTx tx;

    @Inject
    ChangeEvents events;

    @Inject
    Pages pages;

    public Uni<Category> create(String tenantId, CategoryCreate in) {
        return tx.run(tenantId, s -> s.find(Category.class, in.categoryCode()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(MasterDataErrors.exists("Category " + in.categoryCode()));
            }
            Category c = new Category();
            c.categoryCode = in.categoryCode();
            c.description = in.description();
            c.descriptionShort = in.descriptionShort();
            c.taxCode = in.taxCode();
            c.entryDatetime = Times.now();
            return s.persist(c).call(s::flush)
                    .call(() -> events.changed(s, tenantId, ENTITY, c.categoryCode, ChangeEvents.CREATED))
                    .replaceWith(c);
        }));
    }

    public Uni<Category> get(String tenantId, String code) {
        return tx.run(tenantId, s -> find(s, code));
    }

    public Uni<Pages.Page<Category>> list(String tenantId, PageRequest page) {
        return tx.run(tenantId, s -> pages.page(s, Category.class, "category", "", Map.of(), page,
                "category_code", "category_code"));
    }

    public Uni<Category> update(String tenantId, String code, CategoryUpdate in) {
        return tx.run(tenantId, s -> find(s, code).flatMap(c -> {
            c.description = in.description();
            c.descriptionShort = in.descriptionShort();
            c.taxCode = in.taxCode();
            c.lastUpdateDatetime = Times.now();
            return s.flush().call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.UPDATED))
                    .replaceWith(c);
        }));
    }

    public Uni<Void> delete(String tenantId, String code) {
        return tx.run(tenantId, s -> find(s, code)
                .flatMap(c -> s.remove(c).call(s::flush))
                .call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.DELETED)));
    }

    private static Uni<Category> find(Mutiny.Session s, String code) {
        return s.find(Category.class, code).onItem().ifNull()
                .failWith(() -> MasterDataErrors.notFound("Category " + code));
    }
}
