package ir.hamyar.privacy;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key (and the keys it replaced): wraps each new data key, unwraps stored ones. A key is named by
 * {@link #id}, a digest that tells keys apart without saying anything about them; each wrapped data key is stored
 * with the id of the master key that wrapped it. The service does not start without a well-formed master key.
 */
@ApplicationScoped
public class MasterKeys {

    static final String MAKE_ONE = "; make one with `openssl rand -hex 32` and keep it outside the database"
            + " (docs/operations.md, \"Keys\")";

    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final String current;

    @Inject
    public MasterKeys(PrivacyConfig config) {
        this(config.masterKey(), config.previousMasterKeys().orElse(List.of()));
    }

    MasterKeys(Optional<String> master, List<String> previous) {
        byte[] key = parse("hamyar.privacy.master-key", master);
        current = id(key);
        keys.put(current, key);
        for (String old : previous) {
            byte[] replaced = parse("hamyar.privacy.previous-master-keys", Optional.of(old));
            keys.putIfAbsent(id(replaced), replaced);
        }
    }

    /** Refuses to start, naming the missing or malformed key (the constructor has checked it by now). */
    void start(@Observes StartupEvent event) {}

    public String currentId() {
        return current;
    }

    /** Whether replaced master keys are configured, whose data keys are to be wrapped again under the current one. */
    public boolean rotating() {
        return keys.size() > 1;
    }

    /** A new data key, and it wrapped under the current master key. */
    public NewKey newDataKey() {
        UUID id = UUID.randomUUID();
        byte[] key = Sealed.randomKey();
        return new NewKey(new DataKey(id, key), wrap(id, key), current);
    }

    public byte[] wrap(UUID dataKeyId, byte[] dataKey) {
        return Sealed.seal(keys.get(current), dataKey, about(dataKeyId));
    }

    public DataKey unwrap(UUID dataKeyId, String masterId, byte[] wrapped) {
        byte[] master = keys.get(masterId);
        if (master == null) {
            throw new IllegalStateException("data key " + dataKeyId + " is wrapped under master key " + masterId
                    + ", which is neither hamyar.privacy.master-key nor one of hamyar.privacy.previous-master-keys");
        }
        return new DataKey(dataKeyId, Sealed.open(master, wrapped, about(dataKeyId)));
    }

    /**
     * An HMAC-SHA256 of {@code data} under a key derived from the current master key for {@code purpose} alone, for
     * what the service keeps in the database and must know it wrote itself. After a rotation earlier tags no longer
     * match: what they guarded is made again.
     */
    public byte[] authenticate(String purpose, byte[] data) {
        return hmac(hmac(keys.get(current), ("hamyar " + purpose).getBytes(StandardCharsets.UTF_8)), data);
    }

    /** Whether {@code tag} is {@link #authenticate}'s for this purpose and data, compared in constant time. */
    public boolean authentic(String purpose, byte[] data, byte[] tag) {
        return MessageDigest.isEqual(authenticate(purpose, data), tag);
    }

    /**
     * An HMAC-SHA256 of {@code data} under a key derived from the current master key with HKDF (RFC 5869, SHA-256)
     * and {@code label} as its info: a key of its own per purpose, unrelated to every other derived from the master.
     */
    public byte[] derivedMac(String label, byte[] data) {
        return hmac(hkdf(keys.get(current), label), data);
    }

    /**
     * Whether {@code tag} is {@link #derivedMac}'s under the master key {@code masterId} (current or previous), compared
     * in constant time; false for a master key this service does not hold.
     */
    public boolean derivedMacMatches(String label, String masterId, byte[] data, byte[] tag) {
        byte[] master = keys.get(masterId);
        return master != null && MessageDigest.isEqual(hmac(hkdf(master, label), data), tag);
    }

    /** HKDF-SHA256: extract with a fixed salt, then one block of expand for {@code label} (32 bytes). */
    static byte[] hkdf(byte[] master, String label) {
        byte[] pseudoRandom = hmac("hamyar hkdf salt".getBytes(StandardCharsets.UTF_8), master);
        byte[] info = label.getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[info.length + 1];
        System.arraycopy(info, 0, block, 0, info.length);
        block[info.length] = 1;
        return hmac(pseudoRandom, block);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String about(UUID dataKeyId) {
        return "data key " + dataKeyId;
    }

    static byte[] parse(String property, Optional<String> hex) {
        if (hex.isEmpty() || hex.get().isBlank()) {
            throw new IllegalStateException(property + " is not set: the service does not start without it, since"
                    + " survivors' records are sealed under it" + MAKE_ONE);
        }
        String text = hex.get().strip();
        if (!text.matches("[0-9a-fA-F]{" + 2 * Sealed.KEY_BYTES + "}")) {
            throw new IllegalStateException(property + " must be " + Sealed.KEY_BYTES + " bytes written as "
                    + 2 * Sealed.KEY_BYTES + " hex characters" + MAKE_ONE);
        }
        return HexFormat.of().parseHex(text);
    }

    static String id(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("hamyar master key".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(key)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A data key made now, its wrapped form and the master key that wrapped it, to be stored. */
    public record NewKey(DataKey key, byte[] wrapped, String masterId) {}
}
