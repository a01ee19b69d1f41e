package ir.hamyar.ruleset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Numbers each distinct rule tree (by sha256) the first time the service decides with it. */
@ApplicationScoped
public class RulesetVersions {

    private final AgroalDataSource dataSource;

    public RulesetVersions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int register(String sha256, String source) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into ruleset_version (sha256, source) values (?, ?) on conflict (sha256) do nothing")) {
                insert.setString(1, sha256);
                insert.setString(2, source.length() > 300 ? source.substring(0, 300) : source);
                insert.executeUpdate();
            }
            try (PreparedStatement select =
                    connection.prepareStatement("select version from ruleset_version where sha256 = ?")) {
                select.setString(1, sha256);
                try (ResultSet result = select.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        }
    }
}
