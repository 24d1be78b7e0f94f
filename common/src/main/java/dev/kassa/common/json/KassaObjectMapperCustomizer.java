package dev.kassa.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/** JSON rules of the wire contract: either casing in, camelCase out, exact numbers, bounded reads. */
@Singleton
public class KassaObjectMapperCustomizer implements ObjectMapperCustomizer {
    /**
     * What the parser reads at all, before any validation: far above every legal input (the largest
     * string of a request is {@code Limits.TEXT_MAX}; a tranlog or receipt nests a few levels) and far
     * below what would cost memory or stack. Past them the read fails and the answer is 422.
     */
    static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNumberLength(100)
            .maxStringLength(1_000_000)
            .maxNameLength(1_000)
            .maxNestingDepth(100)
            .build();

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Also used for ObjectMappers built outside CDI (events, tests). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(READ_LIMITS);
        mapper.setAnnotationIntrospector(AnnotationIntrospector.pair(
                mapper.getSerializationConfig().getAnnotationIntrospector(),
                new CaseInsensitiveNamesIntrospector()));
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.findAndRegisterModules();
        mapper.registerModule(new SimpleModule("kassa-strings").addDeserializer(String.class, new NoNulStrings()));
        return mapper;
    }

    /**
     * Strings as Jackson reads them, but never with a NUL character: no store keeps one (PostgreSQL
     * refuses it with SQLSTATE 22021) and no person types one, so it is bad input, refused as 422.
     */
    static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, "must not contain NUL characters", value, String.class);
            }
            return value;
        }
    }
}
