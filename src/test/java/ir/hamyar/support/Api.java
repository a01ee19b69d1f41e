package ir.hamyar.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
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
}
