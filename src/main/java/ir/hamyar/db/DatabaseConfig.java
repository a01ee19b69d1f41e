package ir.hamyar.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "hamyar.database")
public interface DatabaseConfig {

    /**
     * {@code hamyar.database.create-if-missing}: on start, create the owner and service roles and the database when
     * they do not exist yet, as {@link #adminUser()}. Off where a DBA prepares them (docs/operations.md).
     */
    @WithDefault("true")
    boolean createIfMissing();

    /** A PostgreSQL superuser (or a role with CREATEROLE and CREATEDB) used only to create roles and the database. */
    @WithDefault("postgres")
    String adminUser();

    Optional<String> adminPassword();
}
