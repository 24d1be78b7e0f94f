package dev.kassa.masterdata.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Setting values are strings; a value that holds a list or an object (receipt headers, say) is
 * kept as proper JSON even when a client sent it as a Python literal with single quotes, as
 * Kugel does ({@code [{'text':'h1'}]} becomes {@code [{"text": "h1"}]}). Anything else, and
 * anything that does not parse, is kept as it came.
 */
public final class SettingText {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /** Python's json.dumps layout: ", " and ": " separators on one line. */
    private static final MinimalPrettyPrinter PYTHON_STYLE = new MinimalPrettyPrinter() {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    };

    private SettingText() {
    }

    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        boolean structured = (t.startsWith("[") && t.endsWith("]")) || (t.startsWith("{") && t.endsWith("}"));
        if (!structured) {
            return value;
        }
        try {
            JsonNode node = LENIENT.readTree(pythonLiterals(t));
            return LENIENT.writer(PYTHON_STYLE).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    /** True/False/None outside of strings become true/false/null. */
    private static String pythonLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    out.append(s.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (s.startsWith("True", i) && boundary(s, i, 4)) {
                out.append("true");
                i += 3;
            } else if (s.startsWith("False", i) && boundary(s, i, 5)) {
                out.append("false");
                i += 4;
            } else if (s.startsWith("None", i) && boundary(s, i, 4)) {
                out.append("null");
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean boundary(String s, int start, int length) {
        boolean before = start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1));
        int end = start + length;
        boolean after = end >= s.length() || !Character.isLetterOrDigit(s.charAt(end));
        return before && after;
    }
}
