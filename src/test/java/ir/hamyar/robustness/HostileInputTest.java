package ir.hamyar.robustness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.RawHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cases an integrator's fuzz found (issue 12): each is refused promptly with a problem naming what is wrong,
 * small whatever was sent, and never at another caller's expense.
 */
@QuarkusTest
class HostileInputTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void aHugeListOfEmptyMembersIsRefusedAtOnceWithASmallAnswer() {
        String body = "{\"familyRef\":\"F-1\",\"members\":[" + "{},".repeat(261_999) + "{}]}";

        Response answer = post("/api/v1/decisions/family", body);

        answer.then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .time(lessThan(2_000L))
                .body("errors[0].field", equalTo("members"))
                .body("errors[0].message", equalTo("must have at most 100 items"));
        assertThat(answer.asByteArray().length).isLessThan(2_000);
    }

    @Test
    void refusingNullsTakesTimeInProportionToTheirNumber() {
        post("/api/v1/decisions/family", "{\"familyRef\":\"F-1\",\"members\":[" + "null,".repeat(19_999) + "null]}")
                .then()
                .statusCode(400)
                .time(lessThan(1_000L))
                .body("errors[0].field", equalTo("members"));
    }

    @Test
    void aProblemListsAtMostAHundredErrorsAndSaysHowManyMoreThereWere() {
        String body = "{\"familyRef\":\"F-1\",\"members\":[" + "{},".repeat(99) + "{}]}";

        post("/api/v1/decisions/family", body)
                .then()
                .statusCode(400)
                .body("errors", hasSize(100))
                .body("moreErrors", equalTo(301))
                .body("detail", containsString("401 errors"));
    }

    @Test
    void utf16AndUtf32BodiesAreUnsupportedAndNeverFailOtherCallersDecisions() throws Exception {
        String valid = Fixtures.unique("helper.json").toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> others = new ArrayList<>();
            List<Future<Response>> foreign = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                others.add(pool.submit(() -> post("/api/v1/decisions/helper", valid.replace("H-", "H-" + Math.random()))
                        .statusCode()));
                if (i % 20 == 0) {
                    foreign.add(pool.submit(
                            () -> postBytes("/api/v1/decisions/helper", valid.getBytes(StandardCharsets.UTF_16))));
                    foreign.add(pool.submit(
                            () -> postBytes("/api/v1/decisions/helper", valid.getBytes(StandardCharsets.UTF_16LE))));
                    foreign.add(pool.submit(() -> postBytes("/api/v1/decisions/helper", valid.getBytes("UTF-32BE"))));
                }
            }
            for (Future<Integer> other : others) {
                assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
            for (Future<Response> refused : foreign) {
                Response answer = refused.get(30, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).isEqualTo(415);
                assertThat(answer.contentType()).isEqualTo(Api.PROBLEM_JSON);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNulCharacterInAStringIsRefusedNamingItsField() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        family.put("familyRef", "F\u0000-1");

        post("/api/v1/decisions/family", family.toString())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("familyRef"))
                .body("errors[0].message", containsString("NUL"));
    }

    @Test
    void aNullInsideAListIsRefusedWithItsIndexAndInABatchOnlyItsItemFails() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        family.putArray("circumstances").addNull();

        post("/api/v1/decisions/family", family.toString())
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("circumstances[0]"));
        String batch = "{\"items\":[{\"kind\":\"family\",\"profile\":" + family + "},{\"kind\":\"helper\",\"profile\":"
                + Fixtures.unique("helper.json") + "}]}";
        post("/api/v1/decisions/batch", batch)
                .then()
                .statusCode(200)
                .body("results[0].status", equalTo(400))
                .body("results[0].errors.field", hasItem("items[0].profile.circumstances[0]"))
                .body("results[1].decisionId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void whiteSpaceWhereANumberOrABooleanIsExpectedIsRefusedNotTakenForNull() {
        for (String pointer : List.of(
                "/indicators/SAFETY",
                "/safeHouse/requestedMonths",
                "/safeHouse/immediateDanger",
                "/members/1/inCustody")) {
            ObjectNode family = Fixtures.unique("family-safehouse.json");
            Fixtures.with(family, pointer, "\" \"");
            String field = pointer.substring(1).replace('/', '.').replaceAll("\\.(\\d+)", "[$1]");

            post("/api/v1/decisions/family", family.toString())
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem(field));
        }
    }

    @Test
    void aNulInAnAuditFilterIsABadRequestNamingIt() {
        for (String filter : List.of("subjectRef", "rule", "type", "value")) {
            Api.as("auditor")
                    .urlEncodingEnabled(false)
                    .get("/api/v1/audit/decisions?" + filter + "=%00")
                    .then()
                    .statusCode(400)
                    .contentType(Api.PROBLEM_JSON)
                    .body("errors[0].field", equalTo(filter));
        }
        Api.as("policy")
                .urlEncodingEnabled(false)
                .get("/api/v1/rulesets/active/files/safehouse%00.drl")
                .then()
                .statusCode(404)
                .contentType(Api.PROBLEM_JSON);
    }

    @Test
    void aPageOrSizeThatIsNotAWholeNumberIsABadRequestNamingIt() {
        for (String query : List.of("page=abc", "size=1.5", "page=2147483648", "page=-1")) {
            String field = query.substring(0, query.indexOf('='));
            Api.as("auditor")
                    .get("/api/v1/audit/decisions?" + query)
                    .then()
                    .statusCode(400)
                    .contentType(Api.PROBLEM_JSON)
                    .body("errors[0].field", equalTo(field));
        }
        Api.as("auditor")
                .get("/api/v1/audit/events?size=x")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
        Api.as("auditor")
                .get("/api/v1/audit/failures?page=x")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void aLongUriIsAnsweredWithAProblemAndBadPercentEncodingWithA400() throws Exception {
        String longUri = RawHttp.sendWhole(
                root,
                "GET /api/v1/audit/decisions?subjectRef=" + "x".repeat(5_000) + " HTTP/1.1",
                List.of(RawHttp.basic("auditor")),
                new byte[0]);
        assertThat(longUri)
                .startsWith("HTTP/1.1 414")
                .contains(Api.PROBLEM_JSON)
                .contains("uri-too-long");
        // run as documented (-Dvertx.disableURIValidation=true, set for the tests in pom.xml), the service answers it
        for (String target : List.of("/api/v1/decisions/%zz", "/api/v1/audit/decisions?subjectRef=%zz")) {
            String answer = RawHttp.sendWhole(
                    root, "GET " + target + " HTTP/1.1", List.of(RawHttp.basic("auditor")), new byte[0]);
            assertThat(answer)
                    .as(target)
                    .startsWith("HTTP/1.1 400")
                    .contains(Api.PROBLEM_JSON)
                    .containsIgnoringCase("X-Content-Type-Options: nosniff");
        }
    }

    @Test
    void anEmptyIdempotencyKeyIsRefused() {
        Api.asIntake()
                .header("Idempotency-Key", "")
                .body(Fixtures.unique("helper.json").toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aCompressedOrForeignCharsetBodyIsUnsupported() {
        Api.asIntake()
                .header("Content-Encoding", "br")
                .body(Fixtures.unique("helper.json").toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(415)
                .contentType(Api.PROBLEM_JSON);
        given().auth()
                .preemptive()
                .basic("intake", "intake-test")
                .contentType("application/json; charset=ISO-8859-1")
                .body(Fixtures.unique("helper.json").toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(415)
                .contentType(Api.PROBLEM_JSON);
    }

    @Test
    void aClientThatWritesAnOversizedBodyWholeStillReadsThe413() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');

        String answer = RawHttp.sendWhole(
                root,
                "POST /api/v1/decisions/family HTTP/1.1",
                List.of(RawHttp.basic("intake"), "Content-Type: application/json"),
                body);

        assertThat(answer).startsWith("HTTP/1.1 413").contains(Api.PROBLEM_JSON);
    }

    @Test
    void answersAreNotCachedNorSniffedNorFramedNorReferred() {
        Response decision =
                post("/api/v1/decisions/helper", Fixtures.unique("helper.json").toString());
        assertThat(decision.statusCode()).isEqualTo(200);
        Response refused = given().get("/api/v1/audit/decisions");
        assertThat(refused.statusCode()).isEqualTo(401);
        for (Response api : List.of(decision, refused)) {
            assertThat(api.header("Cache-Control")).isEqualTo("no-store");
            assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(api.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(api.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(api.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
        Response missing = given().get("/nowhere");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(missing.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(missing.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    private static Response post(String path, String body) {
        return Api.asIntake().body(body).post(path);
    }

    private static Response postBytes(String path, byte[] body) {
        return Api.asIntake().body(body).post(path);
    }
}
