package ir.hamyar.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numbers decisions store their search terms by (table {@code search_term}, V12): a fired rule's name or a
 * conclusion's token as text in every row was half the row and most of its index writes. A term's number never
 * changes once given, so each replica keeps the ones it has seen committed; a term new to it is given a number or read
 * in one statement of the append (and read again in a second when another writer gave it a number meanwhile).
 */
final class SearchTermNumbers {

    /** A decision's fired rules' names in firing order, from its row's numbers: for the search and the chain. */
    static final String FIRED_RULES = "array(select t.term from unnest(d.fired_rule_ids) with ordinality f (id, n)"
            + " join search_term t on t.id = f.id order by f.n) as fired_rules";
    /** The condition that the numbers in {@code column} include the term's (a term never numbered: none do). */
    static String includes(String column) {
        return column + " @> array[(select t.id from search_term t where t.term = ?)]";
    }

    private static final String MAKE_OR_READ = "with wanted (term) as (select unnest(?::text[])),"
            + " made as (insert into search_term (term) select term from wanted order by term"
            + " on conflict (term) do nothing"
            + " returning id, term)"
            + " select id, term from made union all select t.id, t.term from search_term t join wanted using (term)";
    private static final String READ = "select id, term from search_term where term = any(?::text[])";

    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();

    /**
     * Each term's number, given in the connection's transaction where it has none yet: {@link #remember} them once it
     * has committed (a number given in a transaction rolled back was never given).
     */
    Map<String, Integer> of(Connection connection, Collection<String> terms) throws SQLException {
        Map<String, Integer> found = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String term : terms) {
            Integer number = numbers.get(term);
            if (number == null) {
                missing.add(term);
            } else {
                found.put(term, number);
            }
        }
        if (!missing.isEmpty()) {
            select(connection, MAKE_OR_READ, missing, found);
            missing.removeAll(found.keySet());
        }
        if (!missing.isEmpty()) {
            // numbered by another writer after the statement's snapshot (its insert waited for that one's commit, and
            // then gave nothing): a new statement sees it
            select(connection, READ, missing, found);
        }
        return found;
    }

    private static void select(Connection connection, String sql, Set<String> terms, Map<String, Integer> found)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", terms.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(2), rows.getInt(1));
                }
            }
        }
    }

    /** Numbers {@link #of} gave or read in a transaction that has committed. */
    void remember(Map<String, Integer> committed) {
        numbers.putAll(committed);
    }

    /** The numbers of the terms, in their order. */
    static Integer[] numbered(List<String> terms, Map<String, Integer> numbers) {
        List<Integer> numbered = new ArrayList<>(terms.size());
        for (String term : terms) {
            numbered.add(numbers.get(term));
        }
        return numbered.toArray(Integer[]::new);
    }
}
