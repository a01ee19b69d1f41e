package ir.hamyar.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is asking, and which organisation's records she may see (contract v1.1, "Roles and organisations").
 *
 * <p>A user with an organisation records it with every decision and override she makes, and reads only that
 * organisation's records and figures; {@code *} reads every organisation's. {@code policy} and {@code admin} are
 * installation-wide. A user configured without an organisation belongs to none: an installation that never set
 * organisations keeps working as before (auditors and managers see everything, intake reads what it recorded itself),
 * and records made before organisations existed stay visible to {@code *} only once organisations are set.
 */
public record Caller(String name, Optional<String> organisation, boolean everyOrganisation) {

    /** The identity attribute that carries the organisation (configured users; an identity provider's claim). */
    public static final String ORGANISATION = "hamyar.organisation";

    public static final String EVERY_ORGANISATION = "*";

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._ -]{0,63}");

    public static Caller of(SecurityIdentity identity) {
        String name = identity.getPrincipal().getName();
        Object attribute = identity.getAttribute(ORGANISATION);
        String organisation = attribute == null ? null : attribute.toString();
        boolean installationWide = identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.POLICY);
        if (EVERY_ORGANISATION.equals(organisation)) {
            return new Caller(name, Optional.empty(), true);
        }
        if (organisation == null) {
            boolean readsAll = installationWide || identity.hasRole(Roles.AUDITOR) || identity.hasRole(Roles.MANAGER);
            return new Caller(name, Optional.empty(), readsAll);
        }
        return new Caller(name, Optional.of(organisation), installationWide);
    }

    /** The organisation recorded with what she decides or overrides (none for an installation-wide user). */
    public String recordedOrganisation() {
        return organisation.orElse(null);
    }

    /**
     * The organisation whose records a list or a report is bounded to, or empty for every organisation. A user of
     * no organisation who is not installation-wide (intake) is bounded to records of no organisation.
     */
    public Scope scope() {
        return everyOrganisation ? Scope.EVERY : new Scope(false, organisation.orElse(null));
    }

    /** May she see one record, made by {@code recordCaller} for {@code recordOrganisation}? */
    public boolean sees(String recordCaller, String recordOrganisation) {
        if (everyOrganisation) {
            return true;
        }
        return organisation.isPresent() ? organisation.get().equals(recordOrganisation) : name.equals(recordCaller);
    }

    /** Is this an organisation's name (not {@code *})? */
    public static boolean isOrganisationName(String organisation) {
        return NAME.matcher(organisation).matches();
    }

    static void checkOrganisation(String user, String organisation) {
        if (!EVERY_ORGANISATION.equals(organisation)
                && !NAME.matcher(organisation).matches()) {
            throw new IllegalStateException("user " + user + " has an organisation that is not a name of 1-64"
                    + " letters, digits, spaces, dots, dashes or underscores (or * for every organisation)");
        }
    }

    /** Which records a query may return: every organisation's, or one organisation's ({@code null}: none's). */
    public record Scope(boolean every, String organisation) {

        public static final Scope EVERY = new Scope(true, null);
    }
}
