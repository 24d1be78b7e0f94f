package dev.kassa.masterdata;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PromotionResourceTest extends MasterDataTest {

    static Map<String, Object> promotion(String code, OffsetDateTime start, OffsetDateTime end, boolean active,
                                         List<String> stores, List<String> categories, Object rate) {
        Map<String, Object> m = new HashMap<>();
        m.put("promotionCode", code);
        m.put("promotionType", "category_discount");
        m.put("name", "Promo " + code);
        m.put("description", "d");
        m.put("startDatetime", start.toString());
        m.put("endDatetime", end.toString());
        m.put("isActive", active);
        m.put("detail", Map.of("targetStoreCodes", stores, "targetCategoryCodes", categories, "discountRate", rate));
        return m;
    }

    @Test
    void promotionCrud() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/promotions";
        Map<String, Object> body = new HashMap<>(Map.of("promotion_code", "P001", "promotion_type",
                "category_discount", "name", "Spring sale", "start_datetime", "2025-03-01T00:00:00",
                "end_datetime", "2025-03-31T23:59:59+09:00",
                "detail", Map.of("target_category_codes", List.of("001"), "discount_rate", 10)));
        ok(as(user).body(body).post(base).then(), 201, "create_promotion")
                .body("data.keySet()", containsInAnyOrder("promotionCode", "promotionType", "name", "description",
                        "startDatetime", "endDatetime", "isActive", "detail", "entryDatetime", "lastUpdateDatetime"))
                .body("data.promotionCode", equalTo("P001"))
                .body("data.promotionType", equalTo("category_discount"))
                .body("data.description", nullValue())
                .body("data.startDatetime", equalTo("2025-03-01T00:00:00+09:00"))
                .body("data.endDatetime", equalTo("2025-03-31T23:59:59+09:00"))
                .body("data.isActive", equalTo(true))
                .body("data.detail.targetStoreCodes", equalTo(List.of()))
                .body("data.detail.targetCategoryCodes", equalTo(List.of("001")))
                .body("data.detail.discountRate", equalTo(10));
        error(as(user).body(body).post(base).then(), 400, "500005");

        ok(as(user).body(Map.of("name", "Spring sale 2", "isActive", false)).put(base + "/P001").then(), 200,
                "update_promotion")
                .body("data.name", equalTo("Spring sale 2"))
                .body("data.isActive", equalTo(false))
                .body("data.startDatetime", equalTo("2025-03-01T00:00:00+09:00"))
                .body("data.detail.discountRate", equalTo(10))
                .body("data.lastUpdateDatetime", notNullValue());
        error(as(user).body(Map.of("endDatetime", "2025-02-01T00:00:00+09:00")).put(base + "/P001").then(), 422,
                "300001").body("message", containsString("endDatetime must be after startDatetime"));
        ok(as(user).get(base + "/P001").then(), 200, "get_promotion").body("data.name", equalTo("Spring sale 2"));

        ok(as(user).delete(base + "/P001").then(), 200, "delete_promotion").body("data.promotionCode", equalTo("P001"));
        error(as(user).get(base + "/P001").then(), 404, "405002");
        error(as(user).delete(base + "/P001").then(), 404, "405002");
        error(as(user).body(Map.of("name", "x")).put(base + "/P001").then(), 404, "405002");
        // A deleted promotion's code may be used again.
        ok(as(user).body(body).post(base).then(), 201, "create_promotion").body("data.name", equalTo("Spring sale"));
    }

    @Test
    void promotionValidation() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/promotions";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        error(as(user).body(promotion("P1", now, now.minusDays(1), true, List.of(), List.of("001"), 10)).post(base)
                .then(), 422, "300001").body("message", containsString("endDatetime must be after startDatetime"));
        error(as(user).body(promotion("P1", now, now.plusDays(1), true, List.of(), List.of("001"), 0)).post(base)
                .then(), 422, "300001").body("message", containsString("discountRate"));
        error(as(user).body(promotion("P1", now, now.plusDays(1), true, List.of(), List.of("001"), 100.5)).post(base)
                .then(), 422, "300001");
        error(as(user).body(promotion("P1", now, now.plusDays(1), true, List.of(), List.of(), 10)).post(base)
                .then(), 422, "300001").body("message", containsString("targetCategoryCodes"));
        Map<String, Object> noDetail = promotion("P1", now, now.plusDays(1), true, List.of(), List.of("001"), 10);
        noDetail.remove("detail");
        error(as(user).body(noDetail).post(base).then(), 422, "300001").body("message", containsString("detail"));
        Map<String, Object> badDate = promotion("P1", now, now.plusDays(1), true, List.of(), List.of("001"), 10);
        badDate.put("startDatetime", "yesterday");
        error(as(user).body(badDate).post(base).then(), 422, "300001").body("message", containsString("startDatetime"));
        Map<String, Object> noName = promotion("P1", now, now.plusDays(1), true, List.of(), List.of("001"), 10);
        noName.remove("name");
        error(as(user).body(noName).post(base).then(), 422, "300001").body("message", containsString("name"));
    }

    @Test
    void activePromotionsAndListFilters() {
        String t = provisioned();
        String user = userToken(t);
        String base = "/api/v1/tenants/" + t + "/promotions";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        as(user).body(promotion("P1", now.minusDays(1), now.plusDays(1), true, List.of(), List.of("001"), 10))
                .post(base).then().statusCode(201);
        as(user).body(promotion("P2", now.minusDays(1), now.plusDays(1), true, List.of("5678"), List.of("002"), 20))
                .post(base).then().statusCode(201);
        as(user).body(promotion("P3", now.minusDays(1), now.plusDays(1), false, List.of(), List.of("001"), 30))
                .post(base).then().statusCode(201);
        as(user).body(promotion("P4", now.plusDays(1), now.plusDays(2), true, List.of(), List.of("001"), 40))
                .post(base).then().statusCode(201);
        as(user).body(promotion("P5", now.minusDays(2), now.minusDays(1), true, List.of(), List.of("001"), 50))
                .post(base).then().statusCode(201);
        as(user).body(promotion("P6", now.minusDays(1), now.plusDays(1), true, List.of(), List.of("003"), 60))
                .post(base).then().statusCode(201);
        as(user).delete(base + "/P6").then().statusCode(200);

        String terminal = terminalToken(t, "5678", 9);
        String active = base + "/active";
        ok(as(terminal).get(active).then(), 200, "get_active_promotions")
                .body("data.promotionCode", equalTo(List.of("P1", "P2")))
                .body("metadata", nullValue());
        ok(as(terminal).queryParam("storeCode", "5678").get(active).then(), 200, "get_active_promotions")
                .body("data.promotionCode", equalTo(List.of("P1", "P2")));
        ok(as(terminal).queryParam("store_code", "1111").get(active).then(), 200, "get_active_promotions")
                .body("data.promotionCode", equalTo(List.of("P1")));
        ok(as(terminal).queryParam("categoryCode", "002").get(active).then(), 200, "get_active_promotions")
                .body("data.promotionCode", equalTo(List.of("P2")))
                .body("data[0].detail.discountRate", equalTo(20));
        ok(as(terminal).queryParam("storeCode", "1111").queryParam("categoryCode", "002").get(active).then(), 200,
                "get_active_promotions")
                .body("data", equalTo(List.of()));
        ok(as(terminal).queryParam("promotionType", "other").get(active).then(), 200, "get_active_promotions")
                .body("data", equalTo(List.of()));

        ok(as(user).get(base).then(), 200, "get_promotions")
                .body("data.promotionCode", equalTo(List.of("P1", "P2", "P3", "P4", "P5")))
                .body("metadata.total", equalTo(5))
                .body("metadata.limit", equalTo(20))
                .body("metadata.filter", nullValue());
        ok(as(user).queryParam("isActive", false).get(base).then(), 200, "get_promotions")
                .body("data.promotionCode", equalTo(List.of("P3")))
                .body("metadata.filter.is_active", equalTo(false));
        ok(as(user).queryParam("promotion_type", "category_discount").queryParam("sort", "start_datetime:-1")
                .queryParam("limit", 2).get(base).then(), 200, "get_promotions")
                .body("data.promotionCode", equalTo(List.of("P4", "P1")))
                .body("metadata.total", equalTo(5))
                .body("metadata.filter.promotion_type", equalTo("category_discount"));
        error(as(user).queryParam("sort", "detail:1").get(base).then(), 400, "300002");
    }
}
