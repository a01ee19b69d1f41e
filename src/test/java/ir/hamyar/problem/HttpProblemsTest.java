package ir.hamyar.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.RawHttp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Every error status the service returns is application/problem+json without internals. */
@QuarkusTest
class HttpProblemsTest {

    @TestHTTPResource("/api/v1/decisions/family")
    URI familyEndpoint;

    @TestHTTPResource("/api/v1/decisions/batch")
    URI batchEndpoint;

    @Test
    void aRequestWithoutCredentialsIs401WithAChallenge() {
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(401)
                .contentType(Api.PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("status", equalTo(401));
    }

    @Test
    void aWrongPasswordOrUnknownUserIs401() {
        given().auth()
                .preemptive()
                .basic("intake", "wrong")
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(401)
                .contentType(Api.PROBLEM_JSON);
        given().auth()
                .preemptive()
                .basic("mallory", "mallory-test")
                .when()
                .get("/api/v1/decisions/01a207e6-0000-7000-8000-000000000000")
                .then()
                .statusCode(401)
                .contentType(Api.PROBLEM_JSON);
    }

    @Test
    void onlyIntakeAndAdminMayAskForDecisions() {
        for (String user : new String[] {"policy", "auditor"}) {
            for (String kind : new String[] {"family", "group", "helper", "batch"}) {
                Api.as(user)
                        .body("{}")
                        .when()
                        .post("/api/v1/decisions/" + kind)
                        .then()
                        .statusCode(403)
                        .contentType(Api.PROBLEM_JSON)
                        .body("status", equalTo(403));
            }
        }
        Api.as("admin")
                .body(Fixtures.unique("helper.json").toString())
                .when()
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200);
    }

    @Test
    void anUnknownPathIs404() {
        Api.asIntake().when().get("/api/v1/nothing-here").then().statusCode(404).contentType(Api.PROBLEM_JSON);
        given().when()
                .get("/no/such/page")
                .then()
                .statusCode(404)
                .contentType(Api.PROBLEM_JSON)
                .body("type", equalTo("urn:hamyar:problem:not-found"));
    }

    @Test
    void aWrongMethodIs405() {
        Api.asIntake()
                .when()
                .delete("/api/v1/decisions/family")
                .then()
                .statusCode(405)
                .contentType(Api.PROBLEM_JSON);
        Api.asIntake()
                .body("{}")
                .when()
                .put("/api/v1/decisions/family")
                .then()
                .statusCode(405)
                .contentType(Api.PROBLEM_JSON);
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Api.asIntake()
                .contentType("text/plain")
                .body("familyRef=F-1")
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(415)
                .contentType(Api.PROBLEM_JSON);
    }

    @Test
    void malformedJsonIs400SayingWhereNotWhat() {
        String problem = Api.asIntake()
                .body("{\"familyRef\": \"Zahra-Canary-0912")
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("detail", containsString("line 1"))
                .extract()
                .asString();
        assertThat(problem).doesNotContain("Zahra").doesNotContain("Exception");
        Api.asIntake()
                .body("")
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON);
        Api.asIntake()
                .body("{\"familyRef\":\"a\",\"familyRef\":\"b\"}")
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(400)
                .body("detail", containsString("twice"));
        Api.asIntake()
                .body("{} {}")
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(400);
        Api.asIntake()
                .body("[]")
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON);
    }

    @Test
    void aDecisionOver1MiBIs413() {
        byte[] body = padded(1024 * 1024 + 1);
        Api.asIntake()
                .body(body)
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(413)
                .contentType(Api.PROBLEM_JSON)
                .body("detail", containsString("1 MiB"));
    }

    @Test
    void aDecisionOver1MiBSentInChunksIs413() throws Exception {
        byte[] body = padded(1024 * 1024 + 10);
        HttpResponse<String> response =
                send(familyEndpoint, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Api.PROBLEM_JSON);
    }

    @Test
    void aBatchOver1MiBIsReadButOver16MiBIs413() throws Exception {
        Api.asIntake()
                .body(padded(2 * 1024 * 1024))
                .when()
                .post("/api/v1/decisions/batch")
                .then()
                .statusCode(400)
                .body("status", equalTo(400));

        String response = RawHttp.announceUpload(batchEndpoint, "intake", "application/json", 16 * 1024 * 1024 + 1);

        assertThat(response)
                .startsWith("HTTP/1.1 413")
                .containsIgnoringCase("Content-Type: " + Api.PROBLEM_JSON)
                .contains("16 MiB");
    }

    private static HttpResponse<String> send(URI uri, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("intake:intake-test".getBytes(StandardCharsets.UTF_8)))
                .POST(body)
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void errorsNeverCarryStackTraces() {
        Api.asIntake()
                .body("{\"members\": [1, 2]}")
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    /** A JSON object padded with white space to exactly {@code size} bytes. */
    private static byte[] padded(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[size - 1] = '}';
        return body;
    }
}
