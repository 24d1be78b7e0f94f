package dev.kassa.cart.domain.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * A receipt as the bytes an ESC/POS printer takes (Epson's command set, which Japanese receipt
 * printers follow): initialize, Japanese character setup, the receipt's lines, feed and cut, and the
 * cash drawer's kick when cash changed hands.
 * <p>
 * Japanese: the single-byte table is page 1 (Katakana, JIS X 0201, where 0x5C prints as the yen sign:
 * Kugel's {@code \} currency symbol prints as ¥), Kanji mode is on with the Shift_JIS code system, and
 * text is encoded as Windows-31J, the Shift_JIS that printers implement (it has the full-width tilde and
 * NEC/IBM extensions). A character Shift_JIS cannot write prints as {@code ?}.
 */
public final class EscPos {
    public static final Charset ENCODING = Charset.forName("windows-31j");
    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte FS = 0x1C;
    public static final byte LF = 0x0A;
    /** ESC @: initialize. */
    public static final byte[] INITIALIZE = {ESC, '@'};
    /** ESC t 1: single-byte character table page 1, Katakana. */
    public static final byte[] KATAKANA_PAGE = {ESC, 't', 1};
    /** FS C 1: the Kanji code system is Shift_JIS. */
    public static final byte[] SHIFT_JIS = {FS, 'C', 1};
    /** FS &: Kanji mode on. */
    public static final byte[] KANJI_ON = {FS, '&'};
    /** Lines fed after the text so the last one clears the cutter. */
    public static final int FEED_LINES = 4;
    /** GS V 1: partial cut. */
    public static final byte[] CUT = {GS, 'V', 1};
    /** ESC p 0 25 250: pulse on drawer pin 2 for 50 ms, then 500 ms off. */
    public static final byte[] DRAWER_KICK = {ESC, 'p', 0, 25, (byte) 250};

    private EscPos() {
    }

    public static byte[] print(String receiptText, boolean openDrawer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(INITIALIZE);
        out.writeBytes(KATAKANA_PAGE);
        out.writeBytes(SHIFT_JIS);
        out.writeBytes(KANJI_ON);
        String text = receiptText == null ? "" : receiptText;
        // the final newline closes the last line; it is not a line of its own
        String lines = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : lines.split("\n", -1)) {
            out.writeBytes(line.getBytes(ENCODING));
            out.write(LF);
        }
        out.writeBytes(new byte[]{ESC, 'd', FEED_LINES});
        out.writeBytes(CUT);
        if (openDrawer) {
            out.writeBytes(DRAWER_KICK);
        }
        return out.toByteArray();
    }
}
