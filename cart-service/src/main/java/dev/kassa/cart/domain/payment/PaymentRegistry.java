package dev.kassa.cart.domain.payment;

import dev.kassa.cart.domain.CartErrors;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Payment code -> plugin, built from configuration: a map of payment code to class name, e.g.
 * <pre>
 * kassa.cart.payment-plugins."01"=CashPayment
 * kassa.cart.payment-plugins."11"=CashlessPayment
 * kassa.cart.payment-plugins."13"=com.example.VoucherPayment
 * </pre>
 * A name without a dot is a class of this package. Plugins are stateless and shared.
 */
public final class PaymentRegistry {
    private final Map<String, PaymentPlugin> plugins;

    private PaymentRegistry(Map<String, PaymentPlugin> plugins) {
        this.plugins = Map.copyOf(plugins);
    }

    /** Kugel's plugins.json: 01 cash, 11 cashless, 12 others. */
    public static final Map<String, String> DEFAULT_CONFIG = Map.of(
            "01", CashPayment.class.getSimpleName(),
            "11", CashlessPayment.class.getSimpleName(),
            "12", OtherPayment.class.getSimpleName());

    public static PaymentRegistry defaults() {
        return fromConfig(DEFAULT_CONFIG);
    }

    /** Instantiates each configured class; an unknown class or one that is not a plugin fails at startup. */
    public static PaymentRegistry fromConfig(Map<String, String> codeToClassName) {
        Map<String, PaymentPlugin> plugins = new LinkedHashMap<>();
        codeToClassName.forEach((code, className) -> plugins.put(code, instantiate(className)));
        return new PaymentRegistry(plugins);
    }

    public static PaymentRegistry of(Map<String, PaymentPlugin> plugins) {
        return new PaymentRegistry(plugins);
    }

    /** The plugin for a code; a code with no plugin is 422 / 300001 (Kugel answered 500). */
    public PaymentPlugin require(String paymentCode) {
        PaymentPlugin plugin = plugins.get(paymentCode);
        if (plugin == null) {
            throw CartErrors.invalid("Payment method not supported: " + paymentCode);
        }
        return plugin;
    }

    /** The plugin for a code, or null. */
    public PaymentPlugin find(String paymentCode) {
        return paymentCode == null ? null : plugins.get(paymentCode);
    }

    public Set<String> codes() {
        return plugins.keySet();
    }

    static PaymentPlugin instantiate(String className) {
        String name = className.contains(".") ? className : PaymentRegistry.class.getPackageName() + "." + className;
        try {
            Class<?> type = Class.forName(name, true, loader());
            if (!PaymentPlugin.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(name + " does not implement " + PaymentPlugin.class.getName());
            }
            return (PaymentPlugin) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalArgumentException("Cannot load payment plugin " + name + ": " + e, e);
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PaymentRegistry.class.getClassLoader();
    }
}
