package ir.hamyar.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ir.hamyar.problem.DomainException;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What a body must be before it is parsed into a tree: UTF-8 (RFC 8259; UTF-16 and UTF-32, which JSON parsers
 * otherwise detect and accept, are refused as an unsupported media type), within its {@link JsonLimits}, and free of
 * the NUL character, which PostgreSQL cannot store. One streaming pass, so its cost grows with the body's size only;
 * the first breach ends it, named by its field path.
 */
final class BodyCheck {

    private BodyCheck() {}

    static void check(byte[] body, JsonLimits limits) {
        refuseOtherEncodings(body);
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            scan(parser, limits);
        } catch (IOException e) {
            // malformed JSON: parsing the tree reports where
        }
    }

    private static void refuseOtherEncodings(byte[] body) {
        boolean utf16or32 = body.length >= 2
                && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                        || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE)
                        || body[0] == 0
                        || body[1] == 0);
        if (utf16or32) {
            throw unsupported();
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("the body is not valid UTF-8", List.of());
        }
    }

    private static DomainException unsupported() {
        return new DomainException.Unsupported(
                "unsupported-media-type",
                "Unsupported media type",
                "the body must be JSON in UTF-8 (RFC 8259); UTF-16 and UTF-32 are not accepted");
    }

    private static void scan(JsonParser parser, JsonLimits limits) throws IOException {
        Deque<int[]> counts = new ArrayDeque<>();
        int values = 0;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    countIn(parser, counts, limits);
                    counts.push(new int[] {0, token == JsonToken.START_ARRAY ? 1 : 0});
                    if (counts.size() > limits.maxDepth()) {
                        throw breach(parser, "must not nest deeper than " + limits.maxDepth() + " levels");
                    }
                }
                case END_OBJECT, END_ARRAY -> counts.pop();
                case FIELD_NAME -> checkText(parser, parser.currentName(), limits);
                default -> {
                    countIn(parser, counts, limits);
                    if (token == JsonToken.VALUE_STRING) {
                        checkText(parser, parser.getText(), limits);
                    }
                }
            }
            if (++values > limits.maxValues()) {
                throw new InvalidInputException(
                        "the body holds more than " + limits.maxValues() + " JSON values", List.of());
            }
        }
    }

    /** A value (or a field) of the array or object open at the top of the stack. */
    private static void countIn(JsonParser parser, Deque<int[]> counts, JsonLimits limits) throws IOException {
        int[] open = counts.peek();
        if (open == null) {
            return;
        }
        open[0]++;
        boolean array = open[1] == 1;
        int limit = array ? limits.maxArrayItems() : limits.maxObjectFields();
        if (open[0] > limit) {
            String field = FieldPaths.ofParser(parser, 1);
            throw new InvalidInputException(new FieldError(
                    field, array ? "must have at most " + limit + " items" : "must have at most " + limit + " fields"));
        }
    }

    private static void checkText(JsonParser parser, String text, JsonLimits limits) {
        if (text.length() > limits.maxStringChars()) {
            throw breach(parser, "must be at most " + limits.maxStringChars() + " characters");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw breach(parser, "must not contain the NUL character (\\u0000)");
        }
    }

    private static InvalidInputException breach(JsonParser parser, String message) {
        return new InvalidInputException(new FieldError(FieldPaths.ofParser(parser, 0), message));
    }
}
