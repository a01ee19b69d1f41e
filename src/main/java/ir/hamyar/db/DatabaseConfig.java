package ir.hamyar.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
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

    /**
     * {@code hamyar.database.owner-password-file}: a file holding the owner role's password, read once at start for
     * the migrations and kept nowhere after; preferred to {@code quarkus.datasource.owner.password}, which stays in the
     * running service's configuration.
     */
    Optional<Path> ownerPasswordFile();
}
