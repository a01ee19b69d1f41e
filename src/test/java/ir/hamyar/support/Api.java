package ir.hamyar.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Requests as one of the test users (password {@code <name>-test}, see application.properties). */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Api() {}

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-test").contentType(ContentType.JSON);
    }

    public static RequestSpecification asIntake() {
        return as("intake");
    }

    /** A decision the user asks for (family, group or helper, by the profile's ref field), answered 200. */
    public static JsonPath decide(String user, ObjectNode profile) {
        String kind = profile.has("familyRef") ? "family" : profile.has("groupRef") ? "group" : "helper";
        return new JsonPath(as(user).body(profile.toString())
                .post("/api/v1/decisions/" + kind)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
