package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import ir.hamyar.scenario.RefsOnRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The refs of subjects the record holds decisions or failed evaluations of, in any organisation. */
@ApplicationScoped
public class RecordedRefs implements RefsOnRecord {

    private final AgroalDataSource dataSource;

    public RecordedRefs(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Set<String> of(Collection<String> refs) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select distinct subject_ref from decision"
                    + " where subject_ref = any(?) union select subject_ref from evaluation_failure"
                    + " where subject_ref = any(?)")) {
                var array = connection.createArrayOf("varchar", refs.toArray());
                select.setArray(1, array);
                select.setArray(2, array);
                Set<String> found = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            }
        });
    }
}
