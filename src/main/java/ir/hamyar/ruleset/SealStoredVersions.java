package ir.hamyar.ruleset;

import ir.hamyar.db.JavaMigrationStep;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V15: seals the versions stored before versions were sealed (V14), once, as the owner, with the master
 * key; from then on only the service's own lifecycle changes seal a version, and a seal removed or altered later
 * leaves that version broken, never sealed anew.
 */
@Singleton
public class SealStoredVersions extends JavaMigrationStep {

    private final VersionSeals seals;

    public SealStoredVersions(VersionSeals seals) {
        super("15", "seal stored ruleset versions");
        this.seals = seals;
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
