package dev.kassa.cart.domain.receipt;

import java.time.ZoneId;
import java.util.List;

/**
 * The receipt settings of a terminal (master-data settings resolved for store and terminal):
 * RECEIPT_HEADERS, RECEIPT_FOOTERS, INVOICE_REGISTRATION_NUMBER and CURRENCY_SYMBOL; plus the
 * store's time zone, in which receipts print their times (none: each time as its own offset says).
 */
public record ReceiptSettings(List<ReceiptLine> headers, List<ReceiptLine> footers, String invoiceRegistrationNumber,
                              String currencySymbol, ZoneId zone) {
    /** What Kugel prints before amounts: Japanese receipt printers print the backslash as the yen sign. */
    public static final String DEFAULT_CURRENCY_SYMBOL = "\\";

    public ReceiptSettings {
        headers = headers == null ? List.of() : List.copyOf(headers);
        footers = footers == null ? List.of() : List.copyOf(footers);
        currencySymbol = currencySymbol == null ? DEFAULT_CURRENCY_SYMBOL : currencySymbol;
    }

    public ReceiptSettings(List<ReceiptLine> headers, List<ReceiptLine> footers, String invoiceRegistrationNumber) {
        this(headers, footers, invoiceRegistrationNumber, null, null);
    }

    public static ReceiptSettings none() {
        return new ReceiptSettings(List.of(), List.of(), null);
    }

    /**
     * From the raw setting values: headers and footers are JSON or Python-literal strings such as
     * {@code [{'text':'h1','align':'left'}]}; an unreadable value is ignored (no lines), as in Kugel.
     */
    public static ReceiptSettings fromSettingValues(String headers, String footers, String invoiceRegistrationNumber) {
        return fromSettingValues(headers, footers, invoiceRegistrationNumber, null);
    }

    public static ReceiptSettings fromSettingValues(String headers, String footers, String invoiceRegistrationNumber,
                                                    String currencySymbol) {
        return new ReceiptSettings(ReceiptSettingParser.parseLines(headers), ReceiptSettingParser.parseLines(footers),
                invoiceRegistrationNumber == null || invoiceRegistrationNumber.isBlank() ? null : invoiceRegistrationNumber,
                currencySymbol, null);
    }

    /** The same settings printing times in the store's zone. */
    public ReceiptSettings inZone(ZoneId storeZone) {
        return new ReceiptSettings(headers, footers, invoiceRegistrationNumber, currencySymbol, storeZone);
    }
}
