package ir.hamyar.profile;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly: unknown fields, duplicate keys, trailing content and type coercions ("4" for 4,
 * 2.5 for an integer) are errors. Error messages name the field and never repeat the value that was sent.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
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
            .build();
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private StrictJson() {}

    /** Parses a whole body; malformed JSON is a 400 that says where, not what. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("the request body is empty", List.of());
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException("the request body is empty", List.of());
            }
            return node;
        } catch (JsonParseException e) {
            throw new InvalidInputException(
                    "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + duplicateHint(e),
                    List.of());
        } catch (IOException e) {
            throw new InvalidInputException("malformed JSON", List.of());
        }
    }

    /**
     * Binds a parsed node to a contract type; {@code prefix} is prepended to field paths (e.g.
     * {@code items[3].profile}). Fields the contract does not define are skipped and added to {@code unknown}, so that
     * the caller can report all of them with the other errors; a wrong type stops binding at once.
     */
    public static <T> T bind(JsonNode node, Class<T> type, String prefix, List<FieldError> unknown) {
        try {
            return MAPPER.readerFor(type)
                    .withHandler(new DeserializationProblemHandler() {
                        @Override
                        public boolean handleUnknownProperty(
                                DeserializationContext context,
                                JsonParser parser,
                                JsonDeserializer<?> deserializer,
                                Object bean,
                                String name)
                                throws IOException {
                            unknown.add(new FieldError(
                                    FieldErrors.join(prefix, pointerToPath(parser)), "is not defined by the contract"));
                            parser.skipChildren();
                            return true;
                        }
                    })
                    .readValue(node);
        } catch (InvalidFormatException e) {
            throw fieldError(prefix, e, expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw fieldError(prefix, e, expected(e.getTargetType()));
        } catch (IOException e) {
            throw new InvalidInputException(new FieldError(prefix, "cannot be read"));
        }
    }

    /** The body with its object keys sorted and no insignificant white space: equal meaning, equal text. */
    public static String canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.convertValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serialises", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static InvalidInputException fieldError(String prefix, JsonMappingException e, String message) {
        return new InvalidInputException(new FieldError(FieldErrors.join(prefix, path(e.getPath())), message));
    }

    private static String pointerToPath(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        for (String segment :
                parser.getParsingContext().pathAsPointer().toString().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            boolean index = name.chars().allMatch(Character::isDigit) && path.length() > 0;
            path.append(index ? "[" + name + "]" : (path.length() == 0 ? "" : ".") + name);
        }
        return path.toString();
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class) {
            return "must be an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static String duplicateHint(JsonParseException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? " (a field is given twice)"
                : "";
    }
}
