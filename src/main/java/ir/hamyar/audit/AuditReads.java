package ir.hamyar.audit;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Auditors are audited: each read of a single record and each replay is kept, with who and when. */
@ApplicationScoped
public class AuditReads {

    static final String READ = "READ";
    static final String REPLAY = "REPLAY";

    private final AgroalDataSource dataSource;

    public AuditReads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void record(String actor, String action, UUID decisionId) {
        Jdbc.inTransaction(dataSource, connection -> {
            try (var insert = connection.prepareStatement(
                    "insert into audit_read (actor, action, decision_id) values (?, ?, ?)")) {
                insert.setString(1, actor);
                insert.setString(2, action);
                insert.setObject(3, decisionId);
                return insert.executeUpdate();
            }
        });
    }
}
