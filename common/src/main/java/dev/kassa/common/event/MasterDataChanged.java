package dev.kassa.common.event;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A change to master data on {@code pos.masterdata}, small on purpose: it only tells caches
 * elsewhere what to evict. {@code entity}: item, store_item, category, tax, payment, setting,
 * promotion, staff; {@code action}: created, updated, deleted. {@code storeCode} is set for
 * store-scoped data.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MasterDataChanged(
        String eventId,
        String eventType,
        String tenantId,
        String entity,
        String code,
        String storeCode,
        String action,
        String occurredAt) {

    public static final String EVENT_TYPE = "masterdata_changed";
}
