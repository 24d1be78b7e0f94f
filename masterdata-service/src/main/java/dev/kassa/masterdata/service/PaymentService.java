package dev.kassa.masterdata.service;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.domain.Payment;
import dev.kassa.masterdata.domain.Times;
import dev.kassa.masterdata.event.ChangeEvents;
import dev.kassa.masterdata.repository.Pages;
import dev.kassa.masterdata.rest.PaymentCreate;
import dev.kassa.masterdata.rest.PaymentUpdate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
public class PaymentService {
    public static final String ENTITY = "payment";
    public static final Set<String> SORTABLE = Set.of("payment_code", "description", "limit_amount", "can_refund",
            "can_deposit_over", "can_change", "is_active", "entry_datetime", "last_update_datetime");

    @Inject
    TenantTx tx;

    @Inject
    ChangeEvents events;

    @Inject
    Pages pages;

    public Uni<Payment> create(String tenantId, PaymentCreate in) {
        return tx.run(tenantId, s -> s.find(Payment.class, in.paymentCode()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(MasterDataErrors.exists("Payment " + in.paymentCode()));
            }
            Payment p = new Payment();
            p.paymentCode = in.paymentCode();
            apply(p, in.description(), in.limitAmount(), in.canRefund(), in.canDepositOver(), in.canChange(),
                    in.isActive());
            p.entryDatetime = Times.now();
            return s.persist(p).call(s::flush)
                    .call(() -> events.changed(s, tenantId, ENTITY, p.paymentCode, ChangeEvents.CREATED))
                    .replaceWith(p);
        }));
    }

    public Uni<Payment> get(String tenantId, String code) {
        return tx.run(tenantId, s -> find(s, code));
    }

    public Uni<Pages.Page<Payment>> list(String tenantId, PageRequest page) {
        return tx.run(tenantId, s -> pages.page(s, Payment.class, "payment", "", Map.of(), page,
                "payment_code", "payment_code"));
    }

    public Uni<Payment> update(String tenantId, String code, PaymentUpdate in) {
        return tx.run(tenantId, s -> find(s, code).flatMap(p -> {
            apply(p, in.description(), in.limitAmount(), in.canRefund(), in.canDepositOver(), in.canChange(),
                    in.isActive());
            p.lastUpdateDatetime = Times.now();
            return s.flush().call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.UPDATED))
                    .replaceWith(p);
        }));
    }

    public Uni<Void> delete(String tenantId, String code) {
        return tx.run(tenantId, s -> find(s, code)
                .flatMap(p -> s.remove(p).call(s::flush))
                .call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.DELETED)));
    }

    private static void apply(Payment p, String description, BigDecimal limit, boolean refund, boolean depositOver,
                              boolean change, boolean active) {
        p.description = description;
        p.limitAmount = limit;
        p.canRefund = refund;
        p.canDepositOver = depositOver;
        p.canChange = change;
        p.active = active;
    }

    private static Uni<Payment> find(Mutiny.Session s, String code) {
        return s.find(Payment.class, code).onItem().ifNull()
                .failWith(() -> MasterDataErrors.notFound("Payment " + code));
    }
}
