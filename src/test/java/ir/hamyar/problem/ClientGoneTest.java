package ir.hamyar.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.RawHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** A device that loses its connection halfway through sending a profile is routine in the field, not a fault. */
@QuarkusTest
class ClientGoneTest {

    private static final Path LOG = Path.of("target/quarkus-test.log");
    private static final Logger TEST_LOG = Logger.getLogger(ClientGoneTest.class);

    @TestHTTPResource("/api/v1/decisions/helper")
    URI helper;

    @Test
    void aDeviceThatHangsUpMidBodyOrBeforeTheAnswerCausesNoErrorAndTheNextRequestIsDecided() throws Exception {
        String marker = "client-gone-" + UUID.randomUUID();
        TEST_LOG.info(marker + " begins");
        List<String> midBody = new ArrayList<>();
        List<String> beforeTheAnswer = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            ObjectNode cutShort = Fixtures.unique("helper.json");
            midBody.add(cutShort.get("helperRef").asText());
            RawHttp.hangUp(helper, "intake", cutShort.toString(), 10);
            ObjectNode whole = Fixtures.unique("helper.json");
            beforeTheAnswer.add(whole.get("helperRef").asText());
            RawHttp.hangUp(helper, "intake", whole.toString(), Integer.MAX_VALUE);
        }
        Thread.sleep(1000);
        ObjectNode next = Fixtures.unique("helper.json");
        String decisionId = Api.asIntake()
                .body(next.toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");

        assertThat(recordedFor(next.get("helperRef").asText()))
                .as("the next request is decided and recorded")
                .containsExactly(decisionId);
        assertThat(midBody).as("a profile cut short is never decided").allSatisfy(ref -> assertThat(recordedFor(ref))
                .isEmpty());
        assertThat(beforeTheAnswer)
                .as("a whole profile whose answer was not read is decided at most once")
                .allSatisfy(ref -> assertThat(recordedFor(ref)).hasSizeLessThanOrEqualTo(1));
        TEST_LOG.info(marker + " ends");

        List<String> lines = Files.readAllLines(LOG);
        int begins = indexOf(lines, marker + " begins");
        int ends = indexOf(lines, marker + " ends");
        assertThat(begins).as("the log holds this test's first line").isNotNegative();
        assertThat(ends)
                .as("the log holds this test's last line, after its first")
                .isGreaterThan(begins);
        assertThat(lines.subList(begins, ends + 1))
                .as("the log while devices hung up")
                .noneMatch(line -> line.contains("ERROR"));
    }

    /** The ids of the decisions recorded for a ref, as the audit lists them. */
    private static List<String> recordedFor(String ref) {
        return Api.as("auditor")
                .queryParam("subjectRef", ref)
                .get("/api/v1/audit/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.decisionId", String.class);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
