package dev.kassa.cart.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.cart.client.Credentials;
import dev.kassa.cart.client.MasterDataRest;
import dev.kassa.cart.domain.CartContext;
import dev.kassa.cart.domain.PaymentMethod;
import dev.kassa.cart.domain.ReceiptCounter;
import dev.kassa.cart.domain.RoundMethod;
import dev.kassa.cart.domain.TaxMaster;
import dev.kassa.cart.domain.TaxRule;
import dev.kassa.cart.domain.TaxType;
import dev.kassa.cart.domain.payment.PaymentRegistry;
import dev.kassa.cart.domain.promotion.Promotion;
import dev.kassa.cart.domain.promotion.PromotionRegistry;
import dev.kassa.cart.domain.receipt.ReceiptSettings;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Master data other than items (payment methods, tax master, promotions, settings), per tenant:
 * kept in this process for a moment ({@code kassa.cart.master-local-ttl}), shared in Redis
 * ({@code kassa.cart.master-ttl}), loaded from master data's REST API with the caller's
 * credentials. Every {@code pos.masterdata} change of these entities evicts the tenant's entry.
 * With master data unreachable and nothing cached, the contract's defaults apply (not cached).
 */
@ApplicationScoped
public class MasterConfig {
    private static final Logger LOG = Logger.getLogger(MasterConfig.class);

    public static final String RECEIPT_NO_START = "RECEIPT_NO_START_VALUE";
    public static final String RECEIPT_NO_END = "RECEIPT_NO_END_VALUE";
    public static final String RECEIPT_HEADERS = "RECEIPT_HEADERS";
    public static final String RECEIPT_FOOTERS = "RECEIPT_FOOTERS";
    public static final String INVOICE_NO = "INVOICE_REGISTRATION_NUMBER";
    /** What receipts print before amounts; Kugel's {@code \\} unless set. */
    public static final String CURRENCY_SYMBOL = "CURRENCY_SYMBOL";

    /** One setting with its store/terminal-specific values. */
    public record Setting(String name, String defaultValue, List<SettingValue> values) {
        String valueFor(String storeCode, int terminalNo) {
            String forStore = null;
            for (SettingValue v : values) {
                if (storeCode.equals(v.storeCode())) {
                    if (v.terminalNo() != null && v.terminalNo() == terminalNo) {
                        return v.value();
                    }
                    if (v.terminalNo() == null) {
                        forStore = v.value();
                    }
                }
            }
            return forStore != null ? forStore : defaultValue;
        }
    }

    public record SettingValue(String storeCode, Integer terminalNo, String value) {
    }

    /** A tenant's master data as the cart uses it. */
    public record Master(Map<String, PaymentMethod> payments, TaxMaster taxes, List<Promotion> promotions,
                         Map<String, Setting> settings) {

        public Optional<String> setting(String name, String storeCode, int terminalNo) {
            Setting s = settings.get(name);
            return s == null ? Optional.empty() : Optional.ofNullable(s.valueFor(storeCode, terminalNo));
        }

        public ReceiptSettings receipt(String storeCode, int terminalNo) {
            return ReceiptSettings.fromSettingValues(setting(RECEIPT_HEADERS, storeCode, terminalNo).orElse(null),
                    setting(RECEIPT_FOOTERS, storeCode, terminalNo).orElse(null),
                    setting(INVOICE_NO, storeCode, terminalNo).orElse(null),
                    setting(CURRENCY_SYMBOL, storeCode, terminalNo).orElse(null));
        }

        public ReceiptCounter receiptCounter(String storeCode, int terminalNo) {
            return ReceiptCounter.fromSettings(setting(RECEIPT_NO_START, storeCode, terminalNo).orElse(null),
                    setting(RECEIPT_NO_END, storeCode, terminalNo).orElse(null));
        }
    }

    /** The receipt settings of a terminal, printing times in the stores' zone. */
    public ReceiptSettings receipt(Master m, String storeCode, int terminalNo) {
        return m.receipt(storeCode, terminalNo).inZone(storeZone);
    }

    private record Local(Master master, long expiresAt) {
    }

    @Inject
    MasterDataRest masterData;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    ObjectMapper mapper;

    /** The stores' time zone, the one their business dates are in: receipts print local times. */
    @ConfigProperty(name = "kassa.cart.time-zone", defaultValue = "Asia/Tokyo")
    ZoneId storeZone;

    @ConfigProperty(name = "kassa.cart.master-ttl", defaultValue = "PT1H")
    Duration ttl;

    @ConfigProperty(name = "kassa.cart.master-local-ttl", defaultValue = "PT2S")
    Duration localTtl;

    @ConfigProperty(name = "kassa.cart.payment-plugins")
    Optional<Map<String, String>> paymentPluginConfig;

    @ConfigProperty(name = "kassa.cart.promotion-plugins")
    Optional<List<String>> promotionPluginConfig;

    private final Map<String, Local> local = new ConcurrentHashMap<>();
    /** What every cart context shares: the plugins (instantiated once) and the stamp duty table. */
    private CartContext base;

    @PostConstruct
    void init() {
        PaymentRegistry paymentPlugins = paymentPluginConfig.filter(m -> !m.isEmpty())
                .map(PaymentRegistry::fromConfig).orElse(PaymentRegistry.defaults());
        PromotionRegistry promotionPlugins = promotionPluginConfig.filter(l -> !l.isEmpty())
                .map(PromotionRegistry::fromConfig).orElse(PromotionRegistry.defaults());
        base = CartContext.defaults().withPaymentPlugins(paymentPlugins).withPromotionPlugins(promotionPlugins);
    }

    public static String cacheKey(String tenantId) {
        return "kassa:cart:master:" + tenantId;
    }

    /** The cart context for a store at this moment (active promotions filtered by time and store). */
    public Uni<CartContext> context(String tenantId, String storeCode, Credentials credentials) {
        return master(tenantId, credentials).map(m -> contextOf(m, storeCode));
    }

    public CartContext contextOf(Master m, String storeCode) {
        OffsetDateTime now = OffsetDateTime.now();
        List<Promotion> active = m.promotions().stream().filter(p -> p.isActiveAt(now, storeCode)).toList();
        return base.withTaxMaster(m.taxes()).withPaymentMethods(m.payments()).withPromotions(active);
    }

    public Uni<Master> master(String tenantId, Credentials credentials) {
        Local hit = local.get(tenantId);
        if (hit != null && hit.expiresAt() > System.nanoTime()) {
            return Uni.createFrom().item(hit.master());
        }
        return redis.value(String.class).get(cacheKey(tenantId))
                .onFailure().recoverWithNull()
                .flatMap(json -> {
                    if (json != null) {
                        try {
                            return Uni.createFrom().item(remember(tenantId, parse(mapper.readTree(json))));
                        } catch (Exception e) {
                            LOG.warnf("Dropping unreadable master data cache of %s: %s", tenantId, e.getMessage());
                        }
                    }
                    return load(tenantId, credentials);
                });
    }

    private Uni<Master> load(String tenantId, Credentials credentials) {
        return masterData.lists(tenantId, credentials)
                .flatMap(lists -> {
                    ObjectNode raw = mapper.createObjectNode();
                    raw.set("payments", lists.payments());
                    raw.set("taxes", lists.taxes());
                    raw.set("promotions", lists.promotions());
                    raw.set("settings", lists.settings());
                    Master m = remember(tenantId, parse(raw));
                    return redis.value(String.class).setex(cacheKey(tenantId), ttl.toSeconds(), raw.toString())
                            .onFailure().recoverWithNull().replaceWith(m);
                })
                .onFailure().recoverWithItem(t -> {
                    LOG.warnf("Master data unavailable for %s, using defaults: %s", tenantId, t.toString());
                    return parse(mapper.createObjectNode());
                });
    }

    private Master remember(String tenantId, Master m) {
        local.put(tenantId, new Local(m, System.nanoTime() + localTtl.toNanos()));
        return m;
    }

    public Uni<Void> evict(String tenantId) {
        local.remove(tenantId);
        return redis.key(String.class).del(cacheKey(tenantId)).replaceWithVoid();
    }

    // ------------------------------------------------------------------ parsing

    Master parse(JsonNode raw) {
        Map<String, PaymentMethod> payments = new LinkedHashMap<>();
        for (JsonNode p : raw.path("payments")) {
            payments.put(p.path("paymentCode").asText(), new PaymentMethod(p.path("paymentCode").asText(),
                    p.path("description").asText(null), decimal(p.path("limitAmount")),
                    p.path("canRefund").asBoolean(false), p.path("canDepositOver").asBoolean(false),
                    p.path("canChange").asBoolean(false), p.path("isActive").asBoolean(true)));
        }
        List<TaxRule> rules = new ArrayList<>();
        for (JsonNode t : raw.path("taxes")) {
            try {
                String round = t.path("roundMethod").asText(null);
                rules.add(new TaxRule(t.path("taxCode").asText(), TaxType.valueOf(t.path("taxType").asText()),
                        t.path("taxName").asText(null), decimal(t.path("rate")), t.path("roundDigit").asInt(0),
                        round == null || round.isBlank() ? null : RoundMethod.valueOf(round)));
            } catch (RuntimeException e) {
                LOG.warnf("Ignoring an unreadable tax rule %s: %s", t, e.getMessage());
            }
        }
        List<Promotion> promotions = new ArrayList<>();
        for (JsonNode p : raw.path("promotions")) {
            JsonNode d = p.path("detail");
            promotions.add(new Promotion(p.path("promotionCode").asText(), p.path("promotionType").asText(null),
                    p.path("name").asText(null), time(p.path("startDatetime")), time(p.path("endDatetime")),
                    p.path("isActive").asBoolean(false), strings(d.path("targetStoreCodes")),
                    strings(d.path("targetCategoryCodes")), decimal(d.path("discountRate"))));
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (JsonNode s : raw.path("settings")) {
            List<SettingValue> values = new ArrayList<>();
            for (JsonNode v : s.path("values")) {
                values.add(new SettingValue(v.path("storeCode").asText(""),
                        v.hasNonNull("terminalNo") ? v.get("terminalNo").asInt() : null, v.path("value").asText(null)));
            }
            settings.put(s.path("name").asText(), new Setting(s.path("name").asText(),
                    s.path("defaultValue").asText(null), values));
        }
        return new Master(payments.isEmpty() ? PaymentMethod.defaults() : payments,
                rules.isEmpty() ? TaxMaster.defaults() : TaxMaster.of(rules), promotions, settings);
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? BigDecimal.ZERO : new BigDecimal(n.asText());
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static OffsetDateTime time(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode() || n.asText().isBlank()) {
            return null;
        }
        String s = n.asText();
        try {
            return OffsetDateTime.parse(s);
        } catch (RuntimeException e) {
            try {
                return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
