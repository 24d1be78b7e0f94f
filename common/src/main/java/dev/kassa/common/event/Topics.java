package dev.kassa.common.event;

/** Kafka topics of Kassa's events. */
public final class Topics {
    public static final String TRANLOG = "pos.tranlog";
    public static final String CASHLOG = "pos.cashlog";
    public static final String OPENCLOSELOG = "pos.opencloselog";
    public static final String MASTERDATA = "pos.masterdata";
    /** Acknowledgements of consumers, which feed the delivery-status records. */
    public static final String DELIVERY_ACK = "pos.delivery-ack";
    /** Records a consumer could not apply, with the reason in the headers. */
    public static final String DEAD_LETTER = "pos.dlq";

    private Topics() {
    }

    /** The key that keeps one terminal's events in order: {@code tenant-store-terminalNo}. */
    public static String terminalKey(String tenantId, String storeCode, int terminalNo) {
        return tenantId + "-" + storeCode + "-" + terminalNo;
    }
}
