package ir.hamyar.privacy;

import java.util.UUID;

/** One subject's data key, unwrapped: what her records are sealed under ({@code id} is stored beside them). */
public record DataKey(UUID id, byte[] key) {

    public byte[] seal(String plaintext, String about) {
        return Sealed.sealCompressed(key, Sealed.compress(plaintext), about);
    }

    /** Seals text already compressed ({@link Sealed#compress}). */
    public byte[] sealCompressed(Sealed.Compressed text, String about) {
        return Sealed.sealCompressed(key, text, about);
    }

    public String open(byte[] sealed, String about) {
        return Sealed.openText(key, sealed, about);
    }
}
