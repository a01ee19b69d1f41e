package ir.hamyar.privacy;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * How text is compressed before it is sealed (ciphertext does not compress), named by the format byte stored in front
 * of it. Text is compressed with zstd and dictionary 1, trained on the shipped rules' profiles and answers
 * ({@code tools/sealing-dictionary.sh}): a family's 8.8 kB answer takes 1.3 kB instead of deflate's 3.0 kB, in a third
 * of the time. Records sealed before it were deflated (format 1) and still open. A dictionary in use never changes:
 * a better one is added as a new format.
 */
final class Compression {

    static final byte DEFLATED = 1;
    static final byte ZSTD_DICTIONARY_1 = 2;

    private static final int LEVEL = 3;
    /** Far above any answer; what opens was sealed by us, this only bounds a bug. */
    private static final int MAX_TEXT_BYTES = 64 << 20;

    private static final byte[] DICTIONARY_1 = resource("/hamyar/sealing/dictionary-1.zdict");
    private static final ZstdDictCompress COMPRESS_1 = new ZstdDictCompress(DICTIONARY_1, LEVEL);
    private static final ZstdDictDecompress DECOMPRESS_1 = new ZstdDictDecompress(DICTIONARY_1);
    /**
     * Compression contexts kept for reuse: making one per call costs more than compressing an answer. Bounded, so
     * that a burst on many worker threads does not leave each its own native context.
     */
    private static final BlockingQueue<ZstdCompressCtx> CONTEXTS =
            new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

    private Compression() {}

    /** UTF-8 text compressed in the current format, {@link #ZSTD_DICTIONARY_1}. */
    static byte[] compress(byte[] plain) {
        ZstdCompressCtx context = CONTEXTS.poll();
        if (context == null) {
            context = new ZstdCompressCtx();
            context.loadDict(COMPRESS_1);
        }
        try {
            return context.compress(plain);
        } finally {
            if (!CONTEXTS.offer(context)) {
                context.close();
            }
        }
    }

    /** The text of bytes compressed in {@code format}; {@link DataFormatException} when they do not decompress. */
    static String decompress(byte format, byte[] compressed) throws DataFormatException {
        return switch (format) {
            case ZSTD_DICTIONARY_1 -> new String(unzstd(compressed), StandardCharsets.UTF_8);
            case DEFLATED -> inflate(compressed);
            default -> throw new DataFormatException("unknown format " + format);
        };
    }

    private static byte[] unzstd(byte[] compressed) throws DataFormatException {
        long size = Zstd.getFrameContentSize(compressed);
        if (size < 0 || size > MAX_TEXT_BYTES) {
            throw new DataFormatException("no zstd frame of a known size");
        }
        try {
            return Zstd.decompress(compressed, DECOMPRESS_1, (int) size);
        } catch (ZstdException e) {
            throw new DataFormatException(e.getMessage());
        }
    }

    private static String inflate(byte[] deflated) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int read = inflater.inflate(buffer);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(buffer, 0, read);
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            inflater.end();
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Compression.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
