package ir.hamyar.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.RawHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A device that loses its connection halfway through sending a profile is routine in the field, not a fault. */
@QuarkusTest
class ClientGoneTest {

    private static final Path LOG = Path.of("target/quarkus-test.log");

    @TestHTTPResource("/api/v1/decisions/helper")
    URI helper;

    @Test
    void aDeviceThatHangsUpMidBodyOrBeforeTheAnswerCausesNoErrorAndTheNextRequestIsDecided() throws Exception {
        long before = Files.size(LOG);

        for (int i = 0; i < 5; i++) {
            String profile = Fixtures.unique("helper.json").toString();
            RawHttp.hangUp(helper, "intake", profile, 10);
            RawHttp.hangUp(helper, "intake", profile, Integer.MAX_VALUE);
        }
        Thread.sleep(1000);
        Api.asIntake()
                .body(Fixtures.unique("helper.json").toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200);

        List<String> written =
                Files.readAllLines(LOG).stream().skip(linesIn(before)).toList();
        assertThat(written).noneMatch(line -> line.contains("ERROR"));
    }

    private static long linesIn(long bytes) throws java.io.IOException {
        byte[] content = Files.readAllBytes(LOG);
        long lines = 0;
        for (int i = 0; i < bytes && i < content.length; i++) {
            if (content[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
