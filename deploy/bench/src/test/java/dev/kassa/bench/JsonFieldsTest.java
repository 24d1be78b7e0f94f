package dev.kassa.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonFieldsTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFieldOfTheEnvelopesData() {
        byte[] body = b("""
                {"success":true,"code":200,"message":"ok","data":{"lineItems":[{"cartId":"nested"}],
                 "totals":{"balanceAmount":1},"cartId":"c-1","balanceAmount":770.50,"transactionNo":42},
                 "metadata":null}""");
        assertEquals("c-1", JsonFields.dataField(body, "cartId"));
        assertEquals("770.50", JsonFields.dataField(body, "balanceAmount"));
        assertEquals("42", JsonFields.dataField(body, "transactionNo"));
        assertEquals("", JsonFields.dataField(body, "missing"));
    }

    @Test
    void noDataNullDataAndNotJson() {
        assertEquals("", JsonFields.dataField(b("{\"success\":false,\"data\":null}"), "cartId"));
        assertEquals("", JsonFields.dataField(b("{\"data\":{\"cartId\":null}}"), "cartId"));
        assertEquals("", JsonFields.dataField(b("[]"), "cartId"));
        assertEquals("", JsonFields.dataField(b("<html>"), "cartId"));
        assertEquals("", JsonFields.dataField(b(""), "cartId"));
    }

    @Test
    void topLevelScalarsOnly() {
        assertEquals(Map.of("a", "1", "c", "x"), JsonFields.topLevel(b("{\"a\":1,\"b\":{\"c\":2},\"c\":\"x\"}"),
                Set.of("a", "c")));
        assertEquals(Map.of(), JsonFields.topLevel(b("{\"a\":[1]}"), Set.of("a")));
    }
}
