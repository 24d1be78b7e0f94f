package dev.kassa.cart.domain.promotion;

import dev.kassa.cart.domain.LineItem;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * The promotion plugins, in the order they run, built from a configured list of class names, e.g.
 * {@code kassa.cart.promotion-plugins=CategoryPromotion}. A name without a dot is a class of this package.
 */
public final class PromotionRegistry {
    private final List<PromotionPlugin> plugins;

    private PromotionRegistry(List<PromotionPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    public static PromotionRegistry defaults() {
        return of(List.of(new CategoryPromotion()));
    }

    public static PromotionRegistry none() {
        return of(List.of());
    }

    public static PromotionRegistry of(List<PromotionPlugin> plugins) {
        return new PromotionRegistry(plugins);
    }

    public static PromotionRegistry fromConfig(List<String> classNames) {
        return of(classNames.stream().map(PromotionRegistry::instantiate).toList());
    }

    /** Runs every plugin in order. */
    public List<LineItem> apply(List<LineItem> lines, List<Promotion> activePromotions) {
        if (activePromotions.isEmpty()) {
            return lines;
        }
        List<LineItem> result = lines;
        for (PromotionPlugin plugin : plugins) {
            result = plugin.apply(result, activePromotions);
        }
        return result;
    }

    public List<PromotionPlugin> plugins() {
        return plugins;
    }

    static PromotionPlugin instantiate(String className) {
        String name = className.contains(".") ? className : PromotionRegistry.class.getPackageName() + "." + className;
        try {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(name, true, context != null ? context : PromotionRegistry.class.getClassLoader());
            if (!PromotionPlugin.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(name + " does not implement " + PromotionPlugin.class.getName());
            }
            return (PromotionPlugin) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalArgumentException("Cannot load promotion plugin " + name + ": " + e, e);
        }
    }
}
