package ir.hamyar.security;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users allowed in, read at startup from run-time configuration (no rebuild needed). The packaged service
 * ships with none.
 */
@ConfigMapping(prefix = "hamyar.security")
public interface UsersConfig {

    /** {@code hamyar.security.users.<name>.*}. */
    Map<String, User> users();

    interface User {

        /** {@code password-hash}: a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}). */
        String passwordHash();

        /** {@code roles}: comma-separated, from intake, policy, auditor, manager, admin. */
        Set<String> roles();

        /**
         * {@code organisation}: the safe house, centre or charity she works for, recorded with what she decides and
         * bounding what she reads; {@code *} for every organisation. See {@link Caller}.
         */
        Optional<String> organisation();
    }
}
