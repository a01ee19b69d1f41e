package ir.hamyar.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM, as stored: a format byte, a fresh 12-byte nonce, then the ciphertext with its 16-byte tag. The
 * associated data names what the bytes are (a record's id and field), so ciphertext moved to another record or field
 * does not open. Text is compressed before it is sealed, and the format byte says how ({@link Compression}).
 */
public final class Sealed {

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised anew for each use: looking the algorithm up among the providers cost the
     * chain's writer as much as encrypting (every use has a fresh nonce, so GCM's refusal of a reused one never fires).
     */
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private Sealed() {}

    /** Text compressed, ready to be sealed: the costly half of sealing, which needs no key (so any thread does it). */
    public static Compressed compress(String text) {
        return compress(text.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #compress(String)}, for text already in UTF-8. */
    public static Compressed compress(byte[] utf8) {
        return new Compressed(Compression.ZSTD_DICTIONARY_1, Compression.compress(utf8));
    }

    /** Seals text compressed by {@link #compress}. */
    public static byte[] sealCompressed(byte[] key, Compressed text, String about) {
        byte[] sealed = seal(key, text.bytes(), about);
        byte[] stored = new byte[sealed.length + 1];
        stored[0] = text.format();
        System.arraycopy(sealed, 0, stored, 1, sealed.length);
        return stored;
    }

    public static String openText(byte[] key, byte[] stored, String about) {
        if (stored.length == 0) {
            throw new SealBroken(about);
        }
        byte[] compressed = open(key, Arrays.copyOfRange(stored, 1, stored.length), about);
        try {
            return Compression.decompress(stored[0], compressed);
        } catch (DataFormatException e) {
            throw new SealBroken(about);
        }
    }

    static byte[] seal(byte[] key, byte[] plaintext, String about) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(about.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(plaintext.length));
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; {@link SealBroken} when the bytes, the key or what they are about do not match. */
    static byte[] open(byte[] key, byte[] sealed, String about) {
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(about.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException | IllegalArgumentException e) {
            throw new SealBroken(about);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Text compressed in a format, {@link Compression}'s. */
    public record Compressed(byte format, byte[] bytes) {}

    /** Sealed bytes that do not open: altered, or sealed under another key or for another record. */
    public static final class SealBroken extends RuntimeException {
        SealBroken(String about) {
            super("the sealed " + about + " does not open: it was altered or moved");
        }
    }
}
