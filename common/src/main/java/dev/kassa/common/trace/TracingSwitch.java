package dev.kassa.common.trace;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns tracing on where an OTLP endpoint is configured ({@code KASSA_OTLP_ENDPOINT}, or Quarkus' own
 * {@code quarkus.otel.exporter.otlp[.traces].endpoint} as an environment variable or system property):
 * then it answers {@code quarkus.otel.sdk.disabled=false}, above the services' properties files and below
 * the environment. {@code KASSA_OTEL_DISABLED} decides alone when set; with neither, tracing stays off
 * (common's default), and the instrumentation costs next to nothing.
 */
public class TracingSwitch implements ConfigSource {
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final List<String> ENDPOINTS = List.of("kassa.otlp.endpoint", "quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");

    private final boolean on;

    public TracingSwitch() {
        this(System.getenv(), System.getProperties());
    }

    TracingSwitch(Map<String, String> env, Map<Object, Object> properties) {
        this.on = blank(env.get("KASSA_OTEL_DISABLED")) && ENDPOINTS.stream()
                .anyMatch(name -> !blank(env.get(envName(name)))
                        || properties.get(name) instanceof String value && !blank(value));
    }

    private static String envName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public Set<String> getPropertyNames() {
        return on ? Set.of(SDK_DISABLED) : Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return on && SDK_DISABLED.equals(propertyName) ? "false" : null;
    }

    @Override
    public String getName() {
        return "kassa-tracing-switch";
    }

    /** Above application.properties (250), below the environment (300) and system properties (400). */
    @Override
    public int getOrdinal() {
        return 275;
    }
}
