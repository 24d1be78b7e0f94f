package dev.kassa.cart.domain.receipt;

import java.util.List;

/**
 * The receipt settings of a terminal (master-data settings resolved for store and terminal):
 * RECEIPT_HEADERS, RECEIPT_FOOTERS and INVOICE_REGISTRATION_NUMBER.
 */
public record ReceiptSettings(List<ReceiptLine> headers, List<ReceiptLine> footers, String invoiceRegistrationNumber) {

    public ReceiptSettings {
        headers = headers == null ? List.of() : List.copyOf(headers);
        footers = footers == null ? List.of() : List.copyOf(footers);
    }

    public static ReceiptSettings none() {
        return new ReceiptSettings(List.of(), List.of(), null);
    }

    /**
     * From the raw setting values: headers and footers are JSON or Python-literal strings such as
     * {@code [{'text':'h1','align':'left'}]}; an unreadable value is ignored (no lines), as in Kugel.
     */
    public static ReceiptSettings fromSettingValues(String headers, String footers, String invoiceRegistrationNumber) {
        return new ReceiptSettings(ReceiptSettingParser.parseLines(headers), ReceiptSettingParser.parseLines(footers),
                invoiceRegistrationNumber == null || invoiceRegistrationNumber.isBlank() ? null : invoiceRegistrationNumber);
    }
}
