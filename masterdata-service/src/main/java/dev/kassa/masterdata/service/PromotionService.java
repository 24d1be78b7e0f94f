package dev.kassa.masterdata.service;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.config.MasterDataConfig;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.domain.Promotion;
import dev.kassa.masterdata.domain.PromotionDetail;
import dev.kassa.masterdata.domain.PromotionRules;
import dev.kassa.masterdata.domain.Times;
import dev.kassa.masterdata.event.ChangeEvents;
import dev.kassa.masterdata.repository.JsonText;
import dev.kassa.masterdata.repository.Pages;
import dev.kassa.masterdata.rest.PromotionCreate;
import dev.kassa.masterdata.rest.PromotionUpdate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Promotions. Deleting one is logical (Kugel's behaviour): it disappears from every read, and
 * its code may be used again by a new promotion.
 */
@ApplicationScoped
public class PromotionService {
    public static final String ENTITY = "promotion";
    public static final int DEFAULT_LIMIT = 20;
    public static final Set<String> SORTABLE = Set.of("promotion_code", "promotion_type", "name", "start_datetime",
            "end_datetime", "is_active", "entry_datetime", "last_update_datetime");

    @Inject
    TenantTx tx;

    @Inject
    ChangeEvents events;

    @Inject
    Pages pages;

    @Inject
    JsonText json;

    @Inject
    MasterDataConfig config;

    public Uni<Promotion> create(String tenantId, PromotionCreate in) {
        Instant start = instant("startDatetime", in.startDatetime());
        Instant end = instant("endDatetime", in.endDatetime());
        PromotionRules.problem(in.promotionType(), start, end, in.detail()).ifPresent(p -> {
            throw ApiException.validation("Invalid input data: " + p);
        });
        return tx.run(tenantId, s -> s.find(Promotion.class, in.promotionCode()).flatMap(existing -> {
            if (existing != null && !existing.deleted) {
                return Uni.createFrom().failure(MasterDataErrors.exists("Promotion " + in.promotionCode()));
            }
            // A deleted promotion's row is taken over by the new one of the same code.
            Promotion p = existing == null ? new Promotion() : existing;
            p.promotionCode = in.promotionCode();
            p.promotionType = in.promotionType();
            p.name = in.name();
            p.description = in.description();
            p.startDatetime = start;
            p.endDatetime = end;
            p.active = in.isActive() == null || in.isActive();
            p.detail = json.write(in.detail());
            p.deleted = false;
            p.entryDatetime = Times.now();
            p.lastUpdateDatetime = null;
            Uni<Void> saved = existing == null ? s.persist(p).call(s::flush) : s.flush();
            return saved.call(() -> events.changed(s, tenantId, ENTITY, p.promotionCode, ChangeEvents.CREATED))
                    .replaceWith(p);
        }));
    }

    public Uni<Promotion> get(String tenantId, String code) {
        return tx.run(tenantId, s -> find(s, code));
    }

    public Uni<Pages.Page<Promotion>> list(String tenantId, PageRequest page, String type, Boolean active) {
        StringBuilder where = new StringBuilder(" WHERE is_deleted = false");
        Map<String, Object> params = new LinkedHashMap<>();
        if (type != null) {
            where.append(" AND promotion_type = :type");
            params.put("type", type);
        }
        if (active != null) {
            where.append(" AND is_active = :active");
            params.put("active", active);
        }
        return tx.run(tenantId, s -> pages.page(s, Promotion.class, "promotion", where.toString(), params, page,
                "promotion_code", "promotion_code"));
    }

    /** Promotions in force now, for a store and/or a category and/or of a type when given. */
    public Uni<List<Promotion>> active(String tenantId, String storeCode, String categoryCode, String type) {
        Instant now = Instant.now();
        return tx.run(tenantId, s -> s.createSelectionQuery("""
                        from Promotion p where p.active = true and p.deleted = false
                        and p.startDatetime <= :now and p.endDatetime >= :now order by p.promotionCode""",
                        Promotion.class)
                .setParameter("now", now)
                .getResultList()
                .map(list -> list.stream()
                        .filter(p -> type == null || type.equals(p.promotionType))
                        .filter(p -> PromotionRules.isActive(p, detail(p), now, storeCode, categoryCode))
                        .toList()));
    }

    public Uni<Promotion> update(String tenantId, String code, PromotionUpdate in) {
        Instant start = in.startDatetime() == null ? null : instant("startDatetime", in.startDatetime());
        Instant end = in.endDatetime() == null ? null : instant("endDatetime", in.endDatetime());
        return tx.run(tenantId, s -> find(s, code).flatMap(p -> {
            Instant newStart = start == null ? p.startDatetime : start;
            Instant newEnd = end == null ? p.endDatetime : end;
            PromotionDetail newDetail = in.detail() == null ? detail(p) : in.detail();
            var problem = PromotionRules.problem(p.promotionType, newStart, newEnd, newDetail);
            if (problem.isPresent()) {
                return Uni.createFrom().failure(ApiException.validation("Invalid input data: " + problem.get()));
            }
            if (in.name() != null) {
                p.name = in.name();
            }
            if (in.description() != null) {
                p.description = in.description();
            }
            if (in.isActive() != null) {
                p.active = in.isActive();
            }
            p.startDatetime = newStart;
            p.endDatetime = newEnd;
            p.detail = json.write(newDetail);
            p.lastUpdateDatetime = Times.now();
            return s.flush().call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.UPDATED))
                    .replaceWith(p);
        }));
    }

    public Uni<Void> delete(String tenantId, String code) {
        return tx.run(tenantId, s -> find(s, code).flatMap(p -> {
            p.deleted = true;
            p.lastUpdateDatetime = Times.now();
            return s.flush();
        }).call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.DELETED)));
    }

    public PromotionDetail detail(Promotion p) {
        return json.read(p.detail, PromotionDetail.class);
    }

    /** A promotion time as the client reads it: ISO-8601 in the shop's time zone. */
    public String text(Instant instant) {
        return instant.atZone(config.zone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** ISO-8601 with an offset, or a local date-time in the shop's time zone. */
    Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(config.zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.validation("Invalid input data: body -> " + field
                        + ": must be an ISO-8601 date-time, e.g. 2025-01-01T00:00:00");
            }
        }
    }

    private static Uni<Promotion> find(Mutiny.Session s, String code) {
        return s.find(Promotion.class, code)
                .map(p -> p != null && !p.deleted ? p : null)
                .onItem().ifNull().failWith(() -> MasterDataErrors.notFound("Promotion " + code));
    }
}
