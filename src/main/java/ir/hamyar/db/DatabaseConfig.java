package ir.hamyar.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hamyar.database")
public interface DatabaseConfig {

    /** {@code hamyar.database.create-if-missing}: create the configured database when it does not exist yet. */
    @WithDefault("true")
    boolean createIfMissing();
}
