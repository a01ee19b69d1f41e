package ir.hamyar.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration V15: seals the versions stored before versions were sealed (V14), once, as the owner, with the master
 * key; from then on only the service's own lifecycle changes seal a version, and a seal removed or altered later
 * leaves that version broken, never sealed anew.
 */
@ApplicationScoped
public class SealStoredVersions implements JavaMigration {

    private final VersionSeals seals;

    public SealStoredVersions(VersionSeals seals) {
        this.seals = seals;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("15");
    }

    @Override
    public String getDescription() {
        return "seal stored ruleset versions";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<Integer> versions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select version from ruleset_version");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                versions.add(result.getInt(1));
            }
        }
        for (int version : versions) {
            seals.reseal(connection, version);
        }
    }
}
