package dev.kassa.terminal.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small string map kept as a JSON object in a text column. */
@Converter
public class StringMapConverter implements AttributeConverter<Map<String, String>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values == null ? Map.of() : values);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String column) {
        try {
            return column == null ? new LinkedHashMap<>()
                    : JSON.readValue(column, new TypeReference<LinkedHashMap<String, String>>() {
                    });
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
