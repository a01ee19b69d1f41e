package ir.hamyar.security;

import java.util.Set;

/** The roles of the contract. {@code admin} may do everything. */
public final class Roles {

    public static final String INTAKE = "intake";
    public static final String POLICY = "policy";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    /** Programme managers: aggregate reports only, never an individual record (contract v1.1). */
    public static final String MANAGER = "manager";

    public static final Set<String> ALL = Set.of(INTAKE, POLICY, AUDITOR, ADMIN, MANAGER);

    private Roles() {}
}
