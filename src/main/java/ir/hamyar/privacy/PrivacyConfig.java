package ir.hamyar.privacy;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** The master key that wraps every subject's data key, and the ones it replaced while they are being rewrapped. */
@ConfigMapping(prefix = "hamyar.privacy")
public interface PrivacyConfig {

    /** 32 bytes written as 64 hex characters ({@code openssl rand -hex 32}); required outside dev and test. */
    Optional<String> masterKey();

    /** Master keys replaced by {@link #masterKey()}: data keys wrapped under them are read, and rewrapped at start. */
    Optional<List<String>> previousMasterKeys();
}
