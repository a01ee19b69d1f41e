package ir.hamyar.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one JSON configuration of the service: the answers it sends, the records it keeps and the conclusions scenarios
 * compare are all written by {@link #MAPPER}, and every body is read by it strictly (unknown fields, duplicate keys,
 * trailing content and type coercions such as "4" for 4 or 2.5 for an integer are errors). The REST layer uses this
 * same instance (see {@link JsonMapperProducer}).
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            // characters outside the BMP written as 4-byte UTF-8 (as a String encoded to UTF-8 has them), not as
            // escapes
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                    LogicalType.Textual, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            // "" or " " where a number, a boolean or a code is expected is an error, not a silent null
            .withCoercionConfigDefaults(config -> config.setAcceptBlankAsEmpty(false)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .build();

    /** Rule trees' data files: parameters, the catalogues and scenarios. */
    public static final YAMLMapper YAML = new YAMLMapper();

    private Json() {}

    /** A value the service made itself, as JSON text; such a value always serialises. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value of the service always serialises", e);
        }
    }

    /** As {@link #write}, as UTF-8 bytes. */
    public static byte[] writeUtf8(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value of the service always serialises", e);
        }
    }

    /** JSON text the service wrote itself (a recorded answer), read back as a tree. */
    public static JsonNode readOwn(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the service's own JSON is always readable", e);
        }
    }

    /** JSON text the service wrote itself, read back as the type it was written from. */
    public static <T> T readOwn(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("the service's own JSON is always readable", e);
        }
    }

    /** Written and read back, so that numbers compare as answered ones do (1.0 is not the integer 1 to a tree). */
    public static JsonNode asAnswered(Object value) {
        return readOwn(write(value));
    }

    /**
     * The tree with its object keys sorted and no insignificant white space: equal meaning, equal text. Written
     * straight from the tree; the text must never change (a request's hash is made from it, and a resend after an
     * upgrade must still match its Idempotency-Key), which {@code CanonicalJsonTest} holds it to.
     */
    public static String canonical(JsonNode node) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(text)) {
            writeSorted(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException("a parsed tree always serialises", e);
        }
        return text.toString();
    }

    private static void writeSorted(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                Collections.sort(names);
                generator.writeStartObject();
                for (String name : names) {
                    generator.writeFieldName(name);
                    writeSorted(generator, node.get(name));
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    writeSorted(generator, element);
                }
                generator.writeEndArray();
            }
            case NULL -> generator.writeNull();
            // numbers, strings and booleans write themselves as their scalar (an int as an int, a double as a double)
            case NUMBER, STRING, BOOLEAN -> node.serialize(generator, null);
            default -> throw new IllegalArgumentException("a parsed tree holds no " + node.getNodeType());
        }
    }
}
