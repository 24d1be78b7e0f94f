package dev.kassa.common.trace;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TracingSwitchTest {

    private static String disabled(Map<String, String> env, Map<Object, Object> properties) {
        return new TracingSwitch(env, properties).getValue("quarkus.otel.sdk.disabled");
    }

    @Test
    void anOtlpEndpointTurnsTracingOn() {
        assertEquals("false", disabled(Map.of("KASSA_OTLP_ENDPOINT", "http://collector:4317"), Map.of()));
        assertEquals("false", disabled(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"), Map.of()));
        assertEquals("false", disabled(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318"), Map.of()));
        assertEquals("false", disabled(Map.of(), Map.of("quarkus.otel.exporter.otlp.endpoint", "http://c:4317")));
    }

    @Test
    void withoutAnEndpointOrWhenDisabledItSaysNothing() {
        assertNull(disabled(Map.of(), Map.of()), "common's default (off) holds");
        assertNull(disabled(Map.of("KASSA_OTLP_ENDPOINT", " "), Map.of()));
        assertNull(disabled(Map.of("KASSA_OTLP_ENDPOINT", "http://c:4317", "KASSA_OTEL_DISABLED", "true"), Map.of()),
                "KASSA_OTEL_DISABLED decides alone");
        assertNull(new TracingSwitch(Map.of("KASSA_OTLP_ENDPOINT", "http://c:4317"), Map.of())
                .getValue("quarkus.otel.exporter.otlp.endpoint"), "it answers only the switch");
    }
}
