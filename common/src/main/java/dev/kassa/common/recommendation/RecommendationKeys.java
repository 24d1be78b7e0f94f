package dev.kassa.common.recommendation;

/**
 * The Redis keys of the recommendation model, shared by the recommendation service (which writes and
 * reads them) and its callers' fallback (which reads a store's popular items when the service is
 * away). All keys of a tenant share the hash tag {@code {tenant}}, so one script may touch them in a
 * cluster too; codes are escaped so {@code :} only separates.
 * <ul>
 *   <li>{@link #neighbours}: sorted set of an item's neighbours in a store with their co-occurrence,
 *       and the item itself with its own basket count;</li>
 *   <li>{@link #storePopular} / {@link #tenantPopular}: sorted sets of baskets per item;
 *       {@link #storeBaskets} / {@link #tenantBaskets}: their basket totals (a popular item's score
 *       is its count over the total);</li>
 *   <li>{@link #applied}: an event id already applied;</li>
 *   <li>{@link #deletedItems}: set of the items master data deleted.</li>
 * </ul>
 * Scores are decay-scaled weights: only their ratios mean something.
 */
public final class RecommendationKeys {
    private RecommendationKeys() {
    }

    public static String neighbours(String tenant, String store, String item) {
        return prefix(tenant) + "n:" + escape(store) + ":" + escape(item);
    }

    public static String storePopular(String tenant, String store) {
        return prefix(tenant) + "pop:" + escape(store);
    }

    public static String storeBaskets(String tenant, String store) {
        return prefix(tenant) + "baskets:" + escape(store);
    }

    public static String tenantPopular(String tenant) {
        return prefix(tenant) + "pop";
    }

    public static String tenantBaskets(String tenant) {
        return prefix(tenant) + "baskets";
    }

    public static String applied(String tenant, String eventId) {
        return prefix(tenant) + "done:" + escape(eventId);
    }

    public static String deletedItems(String tenant) {
        return prefix(tenant) + "deleted";
    }

    private static String prefix(String tenant) {
        return "rec:{" + tenant + "}:";
    }

    /** {@code %} and {@code :} percent-encoded, so a code can never run into the next part of a key. */
    static String escape(String code) {
        return code.replace("%", "%25").replace(":", "%3A");
    }
}
