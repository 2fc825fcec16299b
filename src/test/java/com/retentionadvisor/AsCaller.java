package com.retentionadvisor;

import java.util.function.Supplier;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

/**
 * For tests that run without @TestSecurity: every REST Assured request made in {@link #run} sends the API key, so
 * the {@link Crm} helpers push data as a real caller would.
 */
public final class AsCaller {

    private AsCaller() {
    }

    public static <T> T run(String key, Supplier<T> work) {
        RequestSpecification before = RestAssured.requestSpecification;
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + key).build();
        try {
            return work.get();
        } finally {
            RestAssured.requestSpecification = before;
        }
    }

    public static void run(String key, Runnable work) {
        run(key, () -> {
            work.run();
            return null;
        });
    }
}
