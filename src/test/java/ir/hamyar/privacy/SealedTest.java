package ir.hamyar.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class SealedTest {

    private static final String ANSWER = "{\"conclusions\":[{\"type\":\"TIER\",\"value\":\"HARMED\",\"reason\":"
            + "{\"fa\":\"خانواده در معرض آسیب است\",\"en\":\"The family is harmed\"}}]}";

    private final DataKey key = new DataKey(UUID.randomUUID(), Sealed.randomKey());

    @Test
    void textIsSealedCompressedWithTheDictionaryAndOpensAgain() {
        byte[] stored = key.seal(ANSWER, "decision 1 response");

        assertEquals(Compression.ZSTD_DICTIONARY_1, stored[0]);
        assertEquals(ANSWER, key.open(stored, "decision 1 response"));
    }

    @Test
    void aRecordSealedDeflatedBeforeTheDictionaryStillOpens() {
        byte[] plain = ANSWER.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        deflater.setInput(plain);
        deflater.finish();
        byte[] buffer = new byte[plain.length + 64];
        byte[] deflated = Arrays.copyOf(buffer, deflater.deflate(buffer));
        deflater.end();
        byte[] sealed = Sealed.seal(key.key(), deflated, "decision 1 response");
        byte[] stored = new byte[sealed.length + 1];
        stored[0] = Compression.DEFLATED;
        System.arraycopy(sealed, 0, stored, 1, sealed.length);

        assertEquals(ANSWER, key.open(stored, "decision 1 response"));
    }

    @Test
    void bytesUnderAnotherFormatByteOrAnotherNameDoNotOpen() {
        byte[] stored = key.seal(ANSWER, "decision 1 response");

        assertThrows(Sealed.SealBroken.class, () -> key.open(stored, "decision 2 response"));
        for (byte format : new byte[] {Compression.DEFLATED, 0, 9}) {
            byte[] relabelled = stored.clone();
            relabelled[0] = format;
            assertThrows(Sealed.SealBroken.class, () -> key.open(relabelled, "decision 1 response"));
        }
        assertThrows(Sealed.SealBroken.class, () -> key.open(new byte[0], "decision 1 response"));
    }

    /**
     * Records compressed with dictionary 1 cannot be read without it, byte for byte: a new dictionary is a new format
     * ({@code tools/sealing-dictionary.sh}), never a replacement of this file.
     */
    @Test
    void dictionaryOneNeverChanges() throws Exception {
        try (InputStream in = Compression.class.getResourceAsStream("/hamyar/sealing/dictionary-1.zdict")) {
            assertEquals(
                    "07184c8e91eb1625ed2154a7dddef628a12638292c3a308e5aa25a1445c7ea52",
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
        }
    }

    @Test
    void compressedTextIsTheSameAfterARoundTripThroughManyThreads() throws Exception {
        String[] texts = new String[64];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = ANSWER.repeat(i + 1);
        }
        byte[][] compressed = new byte[texts.length][];
        Thread[] threads = new Thread[texts.length];
        for (int i = 0; i < texts.length; i++) {
            int n = i;
            threads[i] =
                    new Thread(() -> compressed[n] = Compression.compress(texts[n].getBytes(StandardCharsets.UTF_8)));
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (int i = 0; i < texts.length; i++) {
            assertArrayEquals(
                    texts[i].getBytes(StandardCharsets.UTF_8),
                    Compression.decompress(Compression.ZSTD_DICTIONARY_1, compressed[i])
                            .getBytes(StandardCharsets.UTF_8));
        }
    }
}
