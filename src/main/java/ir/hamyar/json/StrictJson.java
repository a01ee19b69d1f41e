package ir.hamyar.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads request bodies with {@link Json#MAPPER}, strictly; every error names the field (or where the JSON broke) and
 * never repeats the value that was sent.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = Json.MAPPER;

    private StrictJson() {}

    /**
     * Parses a whole body within its limits (see {@link BodyCheck}); malformed JSON is a 400 that says where, not
     * what.
     */
    public static JsonNode parse(byte[] body, JsonLimits limits) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("the request body is empty", List.of());
        }
        BodyCheck.check(body, limits);
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
                                    FieldPaths.join(prefix, FieldPaths.ofParser(parser, 0)),
                                    "is not defined by the contract"));
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

    private static InvalidInputException fieldError(String prefix, JsonMappingException e, String message) {
        return new InvalidInputException(new FieldError(FieldPaths.join(prefix, path(e.getPath())), message));
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
