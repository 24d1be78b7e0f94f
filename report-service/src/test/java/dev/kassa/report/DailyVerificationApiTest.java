package dev.kassa.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.TranLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A daily report answers 403 / 412101 until everything the close log announces has arrived, then
 * 200; the verified result is kept.
 */
@QuarkusTest
class DailyVerificationApiTest extends ReportTestBase {

    private static ValidatableResponse daily(RequestSpecification who, String path) {
        return who.queryParam("report_scope", "daily").queryParam("report_type", "sales")
                .queryParam("business_date", ScriptedDay.DATE).get(path).then();
    }

    @Test
    void theDailyReportWaitsForTheCloseLogAndForEveryAnnouncedTransaction() {
        String tenant = newTenant();
        ScriptedDay day = new ScriptedDay(tenant, STORE, 1);
        String terminal = "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/terminals/1/reports";
        String store = "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/reports";
        TranLog last = day.trans.get(7);
        List<ScriptedDay.Event> early = new ArrayList<>(day.events());
        early.removeIf(e -> e.eventId().equals(last.eventId()) || e.eventId().equals(day.close.eventId()));
        publish(early);
        awaitAcks(ids(early), 1);

        // No close log yet: the terminal is not closed.
        refused(daily(asUser(tenant), terminal), 403, "412101");
        daily(asUser(tenant), terminal).body("userError.message", containsString("No close log"));
        refused(daily(asUser(tenant), store), 403, "412101");
        // A flash report and a range are not verified.
        data(asUser(tenant).queryParam("report_scope", "flash").queryParam("report_type", "sales")
                .queryParam("business_date", ScriptedDay.DATE).get(terminal).then());
        data(asUser(tenant).queryParam("report_scope", "daily").queryParam("report_type", "sales")
                .queryParam("business_date_from", ScriptedDay.DATE).queryParam("business_date_to", ScriptedDay.DATE)
                .get(store).then());

        // The close log announces 8 transactions; #8 has not arrived.
        publish(List.of(day.event(day.close)));
        awaitAcks(List.of(day.close.eventId()), 1);
        refused(daily(asUser(tenant), terminal), 403, "412101");
        daily(asUser(tenant), terminal).body("userError.message", containsString("expected 8, received 7"));

        // Now everything is there.
        publish(List.of(day.event(last)));
        awaitAcks(List.of(last.eventId()), 1);
        JsonNode report = data(daily(asUser(tenant), terminal));
        ScriptedDayTest.assertSalesOfTheDay(report);
        ScriptedDayTest.assertSalesOfTheDay(data(daily(asUser(tenant), store)));

        // Verified once, verified for good: a late log of the session no longer blocks the daily report.
        TranLog late = day.apple(9, "2026-03-15T18:00:00.000+09:00");
        publish(List.of(day.event(late)));
        awaitAcks(List.of(late.eventId()), 1);
        JsonNode after = data(daily(asUser(tenant), terminal));
        figure(after, "/salesGross", "2302", 11, 5); // 2192 + 110, 10 + 1, 4 + 1
    }

    @Test
    void aTerminalThatNeverOpenedHasNoDailyReport() {
        String tenant = newTenant();
        refused(daily(asUser(tenant), "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/terminals/2/reports"),
                403, "412101");
        // A store where nothing happened that day has nothing to wait for.
        JsonNode empty = data(daily(asUser(tenant), "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/reports"));
        figure(empty, "/salesGross", "0", 0, 0);
        assertEquals(0, empty.path("payments").size());
    }
}
