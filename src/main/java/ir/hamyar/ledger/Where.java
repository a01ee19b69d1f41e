package ir.hamyar.ledger;

import ir.hamyar.security.Caller;
import java.util.List;

/** Builds the where clauses of the record's reads: a filter when it is given, and the organisations a reader sees. */
public final class Where {

    private Where() {}

    /** Adds {@code and sql} with its parameter to a where clause when a filter is given. */
    public static void condition(StringBuilder where, List<Object> parameters, String sql, Object value) {
        if (value != null) {
            where.append(" and ").append(sql);
            parameters.add(value);
        }
    }

    /** Bounds a where clause to the organisation of a scope (records of no organisation: {@code is null}). */
    public static void scope(StringBuilder where, List<Object> parameters, String column, Caller.Scope scope) {
        if (scope.every()) {
            return;
        }
        if (scope.organisation() == null) {
            where.append(" and ").append(column).append(" is null");
        } else {
            condition(where, parameters, column + " = ?", scope.organisation());
        }
    }
}
