package ir.hamyar.decision;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.json.Json;
import ir.hamyar.profile.ProfileKind;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The hash kept with an Idempotency-Key: a resend after an upgrade is compared with a hash an earlier build made, so
 * the hash of a known body must never change. The value below is what every build since the first made of it (and what
 * any JSON library makes of the body with sorted keys, no spaces and unescaped UTF-8, prefixed with "family\n").
 */
class RequestHashTest {

    @Test
    void theHashOfAKnownBodyIsTheOneEarlierBuildsKept() throws IOException {
        var body = Json.MAPPER.readTree(
                Path.of("src/test/resources/benchmark/family-input.json").toFile());
        assertThat(DecisionMaker.requestSha256(ProfileKind.FAMILY, body))
                .isEqualTo("9c87c0a265eecef946afe64b1feb178001baf20c5849263d8703fcfc1c3d1253");
    }
}
