package ir.hamyar.json;

import java.nio.charset.StandardCharsets;

/**
 * A JSON document the service wrote, as UTF-8: an answer is written by Jackson straight into the bytes that are both
 * sent and compressed for the record, never made a String on the way (encoding an 8.8 kB answer of Persian reasons
 * twice cost more than writing it: {@code AnswerWritingBenchmark}). One read back from the record stays the text it was
 * read as. Holders do not modify the bytes. Compared by identity, as nothing needs more.
 */
public final class Utf8Json {

    private final byte[] utf8;
    private final String text;

    private Utf8Json(byte[] utf8, String text) {
        this.utf8 = utf8;
        this.text = text;
    }

    /** A value the service made itself, written as UTF-8 JSON; such a value always serialises. */
    public static Utf8Json write(Object value) {
        return new Utf8Json(Json.writeUtf8(value), null);
    }

    /** JSON text as read back; null stays null (an erased answer). */
    public static Utf8Json ofText(String text) {
        return text == null ? null : new Utf8Json(null, text);
    }

    public byte[] utf8() {
        return utf8 != null ? utf8 : text.getBytes(StandardCharsets.UTF_8);
    }

    public String text() {
        return text != null ? text : new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }
}
