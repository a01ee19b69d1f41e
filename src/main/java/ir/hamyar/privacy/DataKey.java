package ir.hamyar.privacy;

import java.util.UUID;

/** One subject's data key, unwrapped: what her records are sealed under ({@code id} is stored beside them). */
public record DataKey(UUID id, byte[] key) {

    public byte[] seal(String plaintext, String about) {
        return Sealed.sealDeflated(key, Sealed.deflate(plaintext), about);
    }

    /** Seals text already deflated ({@link Sealed#deflate}). */
    public byte[] sealDeflated(byte[] deflated, String about) {
        return Sealed.sealDeflated(key, deflated, about);
    }

    public String open(byte[] sealed, String about) {
        return Sealed.openText(key, sealed, about);
    }
}
