package dev.kassa.cart.api;

import dev.kassa.cart.domain.receipt.EscPos;
import dev.kassa.cart.domain.receipt.ReceiptWriter;
import dev.kassa.common.text.JapaneseDates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where Kugel's black-box suite found the cart answering differently, and the receipt for the store's printer. */
@QuarkusTest
class WireApiTest extends CartApiTestBase {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void transactionListsAreNewestFirstUnlessSorted() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        for (int i = 0; i < 3; i++) {
            as(token).post("/api/v1/carts/" + paidCart(token) + "/bill").then().statusCode(200);
        }
        as(token).get(transactionsPath(tenant, 9)).then().statusCode(200)
                .body("data.transactionNo", contains(3, 2, 1))
                .body("metadata.sort", equalTo("transaction_no:-1"));
        as(token).get(transactionsPath(tenant, 9) + "?sort=transaction_no:1").then().statusCode(200)
                .body("data.transactionNo", contains(1, 2, 3));
    }

    @Test
    void receiptsPrintTheStoresLocalTimeAndKugelsCurrencySymbol() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        as(token).post("/api/v1/carts/" + paidCart(token) + "/bill").then().statusCode(200);
        Response tran = as(token).get(transactionsPath(tenant, 9) + "/1").then().statusCode(200).extract().response();
        String stamp = tran.path("data.generateDateTime");
        String text = tran.path("data.receiptText");
        OffsetDateTime at = OffsetDateTime.parse(stamp);
        String tokyo = JapaneseDates.dateTime(at.atZoneSameInstant(TOKYO).toOffsetDateTime().toString(), null);
        String utc = JapaneseDates.dateTime(at.withOffsetSameInstant(ZoneOffset.UTC).toString(), null);
        assertTrue(text.contains("\n" + tokyo + "\n"), text);
        assertFalse(text.contains(utc), text);
        assertTrue(text.contains("合計                      \\220  "), text);

        // the symbol is a setting: terminal 6 of the store prints euros
        String six = terminalToken(tenant, 6);
        as(six).post("/api/v1/carts/" + paidCart(six) + "/bill").then().statusCode(200)
                .body("data.receiptText", org.hamcrest.Matchers.containsString("合計                      €220  "));
    }

    @Test
    void theReceiptAsTextAndAsEscPosBytes() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 9);
        as(token).post("/api/v1/carts/" + paidCart(token) + "/bill").then().statusCode(200);
        String cashless = createCart(token);
        addItem(token, cashless, "49-01", 1);
        post(token, cashless, "subtotal", null);
        post(token, cashless, "payments", List.of(Map.of("paymentCode", "11", "amount", 110)));
        as(token).post("/api/v1/carts/" + cashless + "/bill").then().statusCode(200);
        String path = transactionsPath(tenant, 9);
        String text = as(token).get(path + "/1").then().extract().path("data.receiptText");

        Response plain = as(token).get(path + "/1/receipt").then().statusCode(200).extract().response();
        assertTrue(plain.contentType().startsWith("text/plain"), plain.contentType());
        assertEquals(text, plain.asString());

        Response bytes = as(token).get(path + "/1/receipt?format=escpos").then().statusCode(200).extract().response();
        assertEquals("application/octet-stream", bytes.contentType());
        Printout cash = Printout.parse(bytes.asByteArray());
        assertEquals(List.of("init", "katakana", "shift_jis", "kanji_on"), cash.setup);
        assertEquals(text.lines().toList(), cash.lines);
        assertTrue(cash.lines.stream().anyMatch(l -> l.contains("【 領 収 証 】")), String.join("\n", cash.lines));
        assertEquals(List.of("feed 4", "cut", "drawer"), cash.finish);

        Printout card = Printout.parse(as(token).get(path + "/2/receipt?format=escpos").then().statusCode(200)
                .extract().asByteArray());
        assertEquals(List.of("feed 4", "cut"), card.finish, "no cash, no drawer kick");

        as(token).get(path + "/1/receipt?format=pdf").then().statusCode(422).body("success", equalTo(false));
        as(token).get(path + "/99/receipt?format=escpos").then().statusCode(404).body("success", equalTo(false));
        as(terminalToken(tenant, 8)).get(path + "/1/receipt").then().statusCode(403);
        // another tenant's terminal: the contract's tenant mismatch
        as(terminalToken(newTenant(), 9)).get(path + "/1/receipt").then().statusCode(400)
                .body("userError.code", equalTo("200003"));
    }

    /** The command stream of a printout, read back: set-up commands, text lines, and what follows the text. */
    record Printout(List<String> setup, List<String> lines, List<String> finish) {

        static Printout parse(byte[] b) {
            List<String> setup = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            List<String> finish = new ArrayList<>();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean text = false;
            int i = 0;
            while (i < b.length) {
                List<String> commands = text ? finish : setup;
                if (at(b, i, EscPos.INITIALIZE)) {
                    commands.add("init");
                    i += 2;
                } else if (at(b, i, EscPos.KATAKANA_PAGE)) {
                    commands.add("katakana");
                    i += 3;
                } else if (at(b, i, EscPos.SHIFT_JIS)) {
                    commands.add("shift_jis");
                    i += 3;
                } else if (at(b, i, EscPos.KANJI_ON)) {
                    commands.add("kanji_on");
                    i += 2;
                } else if (b[i] == EscPos.ESC && i + 2 < b.length && b[i + 1] == 'd') {
                    text = true;
                    finish.add("feed " + b[i + 2]);
                    i += 3;
                } else if (at(b, i, EscPos.CUT)) {
                    finish.add("cut");
                    i += 3;
                } else if (at(b, i, EscPos.DRAWER_KICK)) {
                    finish.add("drawer");
                    i += 5;
                } else if (b[i] == EscPos.LF) {
                    lines.add(line.toString(EscPos.ENCODING));
                    line.reset();
                    i++;
                } else if (b[i] == EscPos.ESC || b[i] == EscPos.GS || b[i] == EscPos.FS) {
                    throw new AssertionError("unexpected command at " + i + ": " + Arrays.toString(
                            Arrays.copyOfRange(b, i, Math.min(b.length, i + 4))));
                } else {
                    line.write(b[i]);
                    i++;
                }
            }
            assertArrayEquals(new byte[0], line.toByteArray(), "text after the last line feed");
            return new Printout(setup, lines, finish);
        }

        private static boolean at(byte[] b, int i, byte[] command) {
            return i + command.length <= b.length && Arrays.equals(b, i, i + command.length, command, 0, command.length);
        }
    }

    /** The published document against the code: success statuses, typed answers, security (issue 13, wire item 8). */
    @org.junit.jupiter.api.Test
    void theOpenApiDocumentSaysWhatTheCodeDoes() throws Exception {
        dev.kassa.common.test.OpenApiContract.assertDocumentsTheCode("dev.kassa.cart.rest");
    }
}
