package ir.hamyar.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * Two organisations of this test run only, so that what their users see and count is not mixed with the decisions
 * earlier runs left in the test database: intake, auditor-a and manager-a belong to {@link #A}, intake2 and manager-b
 * to {@link #B} (whose family decisions are ReportsTest's alone to count). One impact or verify at a time, none
 * waiting, so that a second is refused.
 */
public class TwoOrganisationsProfile implements QuarkusTestProfile {

    public static final String A = ofThisRun("house");
    public static final String B = ofThisRun("centre");

    /** The same in the test's and the application's class loaders: the JVM's system properties are shared. */
    private static String ofThisRun(String kind) {
        return (String) System.getProperties()
                .computeIfAbsent(
                        "hamyar.test.organisation." + kind,
                        key -> kind + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "hamyar.security.users.intake.organisation", A,
                "hamyar.security.users.auditor-a.organisation", A,
                "hamyar.security.users.manager-a.organisation", A,
                "hamyar.security.users.intake2.organisation", B,
                "hamyar.security.users.manager-b.organisation", B,
                "hamyar.audit.heavy-reads.running", "1",
                "hamyar.audit.heavy-reads.waiting", "0");
    }
}
