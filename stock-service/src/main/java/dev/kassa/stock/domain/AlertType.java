package dev.kassa.stock.domain;

/** The two alerts a stock level can raise, as named on the wire. */
public enum AlertType {
    REORDER_POINT("reorder_point"), MINIMUM_STOCK("minimum_stock");

    private final String wire;

    AlertType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
