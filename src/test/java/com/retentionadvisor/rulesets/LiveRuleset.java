package com.retentionadvisor.rulesets;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.response.ValidatableResponse;

/** The ruleset serving the tests: what a test that publishes reads first, publishes through, and puts back after. */
public final class LiveRuleset {

    private LiveRuleset() {
    }

    /** The version serving now. */
    public static String version() {
        return given().get("/api/rules").then().statusCode(200).extract().path("version");
    }

    /** Publishes the files, zipped, by and with the comment given. */
    public static ValidatableResponse publish(Map<String, byte[]> files, String by, String comment) {
        return given().contentType("application/zip").body(ShippedRules.zip(files))
                .queryParam("publishedBy", by).queryParam("comment", comment)
                .when().post("/api/rules/publish").then();
    }

    /** Makes the version live again when another serves now. */
    public static void putBack(String version) {
        if (!version.equals(version())) {
            given().queryParam("rolledBackBy", "test").post("/api/rules/rollback/" + version).then().statusCode(200);
        }
    }
}
