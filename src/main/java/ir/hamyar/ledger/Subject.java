package ir.hamyar.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Objects;

/**
 * Whose records these are: a ref within an organisation (none for an installation without organisations). The same
 * ref in two organisations is two subjects, with a data key each, erased each on its own (contract v1.2).
 */
record Subject(String organisation, String ref) implements Comparable<Subject> {

    private static final Comparator<Subject> ORDER =
            Comparator.comparing(Subject::organisationKey).thenComparing(Subject::ref);

    static Subject of(Asked asked) {
        return new Subject(asked.organisation(), asked.subjectRef());
    }

    static Subject of(ResultSet row) throws SQLException {
        return new Subject(row.getString("organisation"), row.getString("subject_ref"));
    }

    /** The organisation as the key's unique index compares it: none is the empty text. */
    String organisationKey() {
        return Objects.toString(organisation, "");
    }

    @Override
    public int compareTo(Subject other) {
        return ORDER.compare(this, other);
    }
}
