package dev.kassa.stock.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.stock.domain.AlertType;
import dev.kassa.stock.domain.StockLevel;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON texts of the alert stream, in Kugel's snake_case shape. */
public final class AlertMessages {

    private AlertMessages() {
    }

    public static String connected(ObjectMapper mapper, String tenant, String store) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "connection");
        m.put("status", "connected");
        m.put("tenant_id", tenant);
        m.put("store_code", store);
        m.put("message", "Connected to stock alert service");
        return write(mapper, m);
    }

    public static String alert(ObjectMapper mapper, String tenant, StockLevel level, AlertType type,
                               OffsetDateTime at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "stock_alert");
        m.put("alert_type", type.wire());
        m.put("tenant_id", tenant);
        m.put("store_code", level.storeCode());
        m.put("item_code", level.itemCode());
        m.put("current_quantity", level.currentQuantity());
        if (type == AlertType.REORDER_POINT) {
            m.put("reorder_point", level.reorderPoint());
        } else {
            m.put("minimum_quantity", level.minimumQuantity());
        }
        m.put("reorder_quantity", level.reorderQuantity());
        m.put("timestamp", at.toString());
        return write(mapper, m);
    }

    private static String write(ObjectMapper mapper, Map<String, Object> m) {
        try {
            return mapper.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
