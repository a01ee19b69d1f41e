package ir.hamyar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A subject has one live data key, however its decisions are grouped by the chain writer. */
@QuarkusTest
class DataKeysTest {

    @Inject
    DataSource dataSource;

    @Test
    void decisionsOfOneSubjectInOneGroupOrInManyAreSealedUnderItsOneKey() throws Exception {
        var family = Fixtures.tieredFamily(3);
        String ref = family.get("familyRef").asText();
        Api.decide("intake", family);
        List<Callable<String>> together = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            together.add(() -> Api.decide("intake", family).getString("decisionId"));
        }
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            for (Future<String> decided : callers.invokeAll(together)) {
                assertThat(decided.get()).isNotBlank();
            }
        } finally {
            callers.shutdownNow();
        }
        Api.decide("intake", family);

        assertThat(count("select count(*) from decision where subject_ref = ?", ref))
                .isEqualTo(14);
        assertThat(count("select count(distinct key_id) from decision where subject_ref = ?", ref))
                .isEqualTo(1);
        assertThat(count("select count(*) from subject_key where subject_ref = ?", ref))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from decision d join subject_key k on k.id = d.key_id"
                                + " where d.subject_ref = ? and k.subject_ref = d.subject_ref",
                        ref))
                .isEqualTo(14);
    }

    private long count(String sql, String ref) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, ref);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
