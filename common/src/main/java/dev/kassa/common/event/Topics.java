package dev.kassa.common.event;

import java.util.Optional;

/** Kafka topics of Kassa's events. */
public final class Topics {
    public static final String TRANLOG = "pos.tranlog";
    public static final String CASHLOG = "pos.cashlog";
    public static final String OPENCLOSELOG = "pos.opencloselog";
    public static final String MASTERDATA = "pos.masterdata";
    /** Consumers' acknowledgements of tranlogs, read by the cart for its delivery-status records. */
    public static final String DELIVERY_ACK_CART = "pos.delivery-ack.cart";
    /** Consumers' acknowledgements of cash and open/close logs, read by the terminal service. */
    public static final String DELIVERY_ACK_TERMINAL = "pos.delivery-ack.terminal";
    /** Records a consumer could not apply, with the reason in the headers. */
    public static final String DEAD_LETTER = "pos.dlq";

    private Topics() {
    }

    /** The key that keeps one terminal's events in order: {@code tenant-store-terminalNo}. */
    public static String terminalKey(String tenantId, String storeCode, int terminalNo) {
        return tenantId + "-" + storeCode + "-" + terminalNo;
    }

    /**
     * Where an acknowledgement of an event of {@code sourceTopic} goes: the topic its publisher
     * reads, so no service reads (and skips) acknowledgements of another's events. Empty for a topic
     * whose publisher keeps no delivery status; such an acknowledgement has no reader.
     */
    public static Optional<String> ackTopicFor(String sourceTopic) {
        if (TRANLOG.equals(sourceTopic)) {
            return Optional.of(DELIVERY_ACK_CART);
        }
        if (CASHLOG.equals(sourceTopic) || OPENCLOSELOG.equals(sourceTopic)) {
            return Optional.of(DELIVERY_ACK_TERMINAL);
        }
        return Optional.empty();
    }
}
