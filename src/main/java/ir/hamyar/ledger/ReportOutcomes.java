package ir.hamyar.ledger;

import ir.hamyar.calendar.IranTime;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.privacy.DataKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the programme reports count of a group's family decisions (table {@code report_outcome}), appended with them
 * in their transaction. A row names its family by a pseudonym under the subject's data key and its time by the Solar
 * Hijri month alone, its order among the family's decisions by a number of its own: no seq, id, ref or instant joins it
 * back to a decision, and once an erasure wiped the key nothing joins it to her ref.
 */
final class ReportOutcomes {

    /** The purpose of a family's pseudonym under her data key. */
    static final String FAMILY = "report family";

    private static final String INSERT = "insert into report_outcome (organisation, family, month, n, tier, safe_house,"
            + " stay, sons_not_allowed, home_visit_month) select o.organisation, o.family, o.month,"
            + " coalesce((select max(r.n) from report_outcome r where r.family = o.family), 0) + o.k, o.tier,"
            + " o.safe_house, o.stay, o.sons_not_allowed, o.home_visit_month from unnest(?::varchar[], ?::bytea[],"
            + " ?::date[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::smallint[], ?::date[])"
            + " o (organisation, family, month, k, tier, safe_house, stay, sons_not_allowed, home_visit_month)";

    private final List<Object[]> rows = new ArrayList<>();
    private final Map<String, Integer> inGroup = new HashMap<>();

    /** Counts a family decision (others are not counted), under its subject's key. */
    void add(Answered decision, DataKey subjectKey) {
        Tally tally = decision.tally();
        if (!tally.counted()) {
            return;
        }
        byte[] family = subjectKey.pseudonym(FAMILY);
        int k = inGroup.merge(HexFormat.of().formatHex(family), 1, Integer::sum);
        rows.add(new Object[] {
            decision.asked().organisation(),
            family,
            SolarHijri.firstOfMonth(IranTime.dateOf(decision.asked().at())).toString(),
            k,
            tally.tier(),
            tally.safeHouse(),
            tally.stay(),
            (short) tally.sonsNotAllowed(),
            tally.homeVisitMonth() == null ? null : tally.homeVisitMonth().toString()
        });
    }

    void insert(Connection connection) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String[] types = {"varchar", "bytea", "date", "int4", "varchar", "varchar", "varchar", "int2", "date"};
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int column = 0; column < types.length; column++) {
                Object[] values = column == 1 ? new byte[rows.size()][] : new Object[rows.size()];
                for (int row = 0; row < rows.size(); row++) {
                    values[row] = rows.get(row)[column];
                }
                insert.setArray(column + 1, connection.createArrayOf(types[column], values));
            }
            insert.executeUpdate();
        }
    }
}
