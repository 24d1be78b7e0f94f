package dev.kassa.cart.domain.receipt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the RECEIPT_HEADERS / RECEIPT_FOOTERS setting values. Kugel stores them as JSON or as a
 * Python literal ({@code [{'text': 'h1', 'align': 'left'}]}), so this accepts both: lists, dicts,
 * single- or double-quoted strings, numbers, true/false/null and True/False/None.
 */
public final class ReceiptSettingParser {
    private final String s;
    private int pos;

    private ReceiptSettingParser(String s) {
        this.s = s;
    }

    /** The lines of a setting value; null, blank or unreadable values give no lines. */
    public static List<ReceiptLine> parseLines(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Object parsed;
        try {
            parsed = parse(value);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (!(parsed instanceof List<?> list)) {
            return List.of();
        }
        List<ReceiptLine> lines = new ArrayList<>();
        for (Object element : list) {
            if (element instanceof Map<?, ?> map) {
                Object text = map.get("text");
                lines.add(new ReceiptLine(text == null ? "" : String.valueOf(text), ReceiptLine.Align.parse(map.get("align"))));
            } else if (element instanceof String text) {
                lines.add(ReceiptLine.left(text));
            }
        }
        return List.copyOf(lines);
    }

    /** Parses one literal; throws IllegalArgumentException on malformed input. */
    public static Object parse(String value) {
        ReceiptSettingParser p = new ReceiptSettingParser(value);
        Object result = p.value();
        p.skipSpace();
        if (p.pos != p.s.length()) {
            throw p.error("trailing characters");
        }
        return result;
    }

    private Object value() {
        skipSpace();
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        return switch (c) {
            case '[', '(' -> list(c == '[' ? ']' : ')');
            case '{' -> dict();
            case '\'', '"' -> string();
            default -> atom();
        };
    }

    private List<Object> list(char close) {
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek(close)) {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (peek(',')) {
                pos++;
                skipSpace();
                if (peek(close)) {
                    pos++;
                    return list;
                }
            } else if (peek(close)) {
                pos++;
                return list;
            } else {
                throw error("expected , or " + close);
            }
        }
    }

    private Map<String, Object> dict() {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek('}')) {
            pos++;
            return map;
        }
        while (true) {
            Object key = value();
            skipSpace();
            if (!peek(':')) {
                throw error("expected :");
            }
            pos++;
            map.put(String.valueOf(key), value());
            skipSpace();
            if (peek(',')) {
                pos++;
                skipSpace();
                if (peek('}')) {
                    pos++;
                    return map;
                }
            } else if (peek('}')) {
                pos++;
                return map;
            } else {
                throw error("expected , or }");
            }
        }
    }

    private String string() {
        char quote = s.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && pos < s.length()) {
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("bad \\u escape");
                        }
                        out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Object atom() {
        int start = pos;
        while (pos < s.length() && ",]})}: \t\r\n".indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        String word = s.substring(start, pos);
        return switch (word) {
            case "true", "True" -> Boolean.TRUE;
            case "false", "False" -> Boolean.FALSE;
            case "null", "None" -> null;
            default -> {
                try {
                    yield new java.math.BigDecimal(word);
                } catch (NumberFormatException e) {
                    throw error("unexpected '" + word + "'");
                }
            }
        };
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("Unreadable setting value at " + pos + ": " + what);
    }
}
