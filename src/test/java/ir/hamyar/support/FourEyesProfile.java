package ir.hamyar.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The packaged service's rule: a draft needs one approval by another policy user before activation. */
public class FourEyesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hamyar.rules.approvals-required", "1");
    }
}
