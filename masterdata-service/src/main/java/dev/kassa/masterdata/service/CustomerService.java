package dev.kassa.masterdata.service;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.domain.Customer;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.domain.Times;
import dev.kassa.masterdata.event.ChangeEvents;
import dev.kassa.masterdata.repository.Pages;
import dev.kassa.masterdata.rest.CustomerCreate;
import dev.kassa.masterdata.rest.CustomerUpdate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Customers: the master record. Their balances belong to {@link LedgerService}. */
@ApplicationScoped
public class CustomerService {
    public static final String ENTITY = "customer";
    public static final String DEFAULT_TIER = "standard";
    public static final Set<String> SORTABLE = Set.of("customer_code", "name", "phone", "loyalty_tier",
            "credit_limit", "entry_datetime", "last_update_datetime");

    @Inject
    TenantTx tx;

    @Inject
    ChangeEvents events;

    @Inject
    Pages pages;

    /** What a list is filtered by: a code prefix, a phone prefix, a part of the name (any case). */
    public record Search(String code, String phone, String name) {
        public Map<String, Object> asFilter() {
            Map<String, Object> filter = new LinkedHashMap<>();
            if (code != null) {
                filter.put("customer_code", code);
            }
            if (phone != null) {
                filter.put("phone", phone);
            }
            if (name != null) {
                filter.put("name", name);
            }
            return filter;
        }
    }

    public Uni<Customer> create(String tenantId, CustomerCreate in) {
        return tx.run(tenantId, s -> s.find(Customer.class, in.customerCode()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(MasterDataErrors.exists("Customer " + in.customerCode()));
            }
            Customer c = new Customer();
            c.customerCode = in.customerCode();
            c.name = in.name();
            c.phone = in.phone();
            c.email = in.email();
            c.loyaltyTier = in.loyaltyTier() == null ? DEFAULT_TIER : in.loyaltyTier();
            c.creditLimit = in.creditLimit() == null ? BigDecimal.ZERO : in.creditLimit();
            c.entryDatetime = Times.now();
            return s.persist(c).call(s::flush)
                    .call(() -> events.changed(s, tenantId, ENTITY, c.customerCode, ChangeEvents.CREATED))
                    .replaceWith(c);
        }));
    }

    public Uni<Customer> get(String tenantId, String code) {
        return tx.run(tenantId, s -> find(s, code));
    }

    public Uni<Pages.Page<Customer>> list(String tenantId, PageRequest page, Search search) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.code() != null) {
            conditions.add("customer_code LIKE :code ESCAPE '\\'");
            params.put("code", like(search.code()) + "%");
        }
        if (search.phone() != null) {
            conditions.add("phone LIKE :phone ESCAPE '\\'");
            params.put("phone", like(search.phone()) + "%");
        }
        if (search.name() != null) {
            conditions.add("lower(name) LIKE :name ESCAPE '\\'");
            params.put("name", "%" + like(search.name().toLowerCase()) + "%");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return tx.run(tenantId, s -> pages.page(s, Customer.class, "customer", where, params, page,
                "customer_code", "customer_code"));
    }

    public Uni<Customer> update(String tenantId, String code, CustomerUpdate in) {
        return tx.run(tenantId, s -> find(s, code).flatMap(c -> {
            if (c.erased) {
                return Uni.createFrom().failure(MasterDataErrors.customerErased(code));
            }
            c.name = in.name();
            c.phone = in.phone();
            c.email = in.email();
            c.loyaltyTier = in.loyaltyTier();
            c.creditLimit = in.creditLimit();
            c.lastUpdateDatetime = Times.now();
            return s.flush().call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.UPDATED))
                    .replaceWith(c);
        }));
    }

    /** Refused while the customer owes anything (or has credit reserved by a cart): the debt must not vanish. */
    public Uni<Void> delete(String tenantId, String code) {
        return tx.run(tenantId, s -> find(s, code)
                .call(c -> s.createNativeQuery("""
                                SELECT coalesce((SELECT credit_balance + credit_reserved FROM ledger_account
                                                 WHERE customer_code = :code FOR UPDATE), 0)""", BigDecimal.class)
                        .setParameter("code", code).getSingleResult()
                        .invoke(owed -> {
                            if (owed.signum() != 0) {
                                throw MasterDataErrors.customerHasCredit(code, owed);
                            }
                        }))
                .flatMap(c -> s.remove(c).call(s::flush))
                .call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.DELETED)));
    }

    /** Anonymises the personal fields; the code and the ledger stay, so debts and points remain accountable. */
    public Uni<Customer> erase(String tenantId, String code) {
        return tx.run(tenantId, s -> find(s, code).flatMap(c -> {
            c.erase();
            c.lastUpdateDatetime = Times.now();
            return s.flush().call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.UPDATED))
                    .replaceWith(c);
        }));
    }

    private static Uni<Customer> find(Mutiny.Session s, String code) {
        return s.find(Customer.class, code).onItem().ifNull().failWith(() -> MasterDataErrors.notFound("Customer " + code));
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
