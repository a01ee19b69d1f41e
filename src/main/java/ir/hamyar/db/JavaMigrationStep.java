package ir.hamyar.db;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java (it needs the master key or the Solar Hijri calendar), run by Flyway as the owner in
 * its own transaction, in version order with the SQL ones. It has no checksum: it is code, and runs once.
 */
public abstract class JavaMigrationStep implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected JavaMigrationStep(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
