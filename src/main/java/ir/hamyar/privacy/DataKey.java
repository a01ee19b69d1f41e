package ir.hamyar.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    /**
     * HMAC-SHA256 of {@code text} for one purpose, as hex: the same for the same text while the key lives, so a
     * resent request is recognised, and nothing anyone can recompute once an erasure wiped the key (a guessed profile
     * is confirmed by no stored digest).
     */
    public String mac(String purpose, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(("hamyar " + purpose + "\0").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Her pseudonym for one purpose (the reports' family): no link to her once the key is erased. */
    public byte[] pseudonym(String purpose) {
        return HexFormat.of().parseHex(mac(purpose, "").substring(0, 32));
    }
}
