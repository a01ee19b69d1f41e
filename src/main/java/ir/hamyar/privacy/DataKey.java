package ir.hamyar.privacy;

import java.util.UUID;

/** One subject's data key, unwrapped: what her records are sealed under ({@code id} is stored beside them). */
public record DataKey(UUID id, byte[] key) {

    public byte[] seal(String plaintext, String about) {
        return Sealed.seal(key, plaintext, about);
    }

    public String open(byte[] sealed, String about) {
        return Sealed.openText(key, sealed, about);
    }
}
