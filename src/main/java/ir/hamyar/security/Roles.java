package ir.hamyar.security;

import java.util.Set;

/** The roles of the contract. {@code admin} may do everything. */
public final class Roles {

    public static final String INTAKE = "intake";
    public static final String POLICY = "policy";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(INTAKE, POLICY, AUDITOR, ADMIN);

    private Roles() {}
}
