package com.retentionadvisor.rulesets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Rule files are code that runs inside the service: a rule that reaches files, the network, processes or the JVM is
 * refused at validation, before anything is compiled, and named by file, line and column.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class RuleSandboxApiTest {

    private static final String HEADER = """
            package retention;
            import com.retentionadvisor.facts.CustomerFacts;
            rule "Looks harmless"
            when
                $customer : CustomerFacts()
            then
            """;

    private static String ruleDoing(String consequence) {
        return HEADER + "    " + consequence + "\nend\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "reads a file          | String secret = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"/etc/passwd\"))); | java.nio.file.Files.readAllBytes",
            "reads a file, old API | new java.io.FileInputStream(\"/etc/passwd\").read();                                              | java.io.FileInputStream",
            "opens a socket        | new java.net.Socket(\"example.org\", 80).close();                                                 | java.net.Socket",
            "runs a process        | Runtime.getRuntime().exec(\"rm -rf /\");                                                           | 'Runtime' is refused",
            "builds a process      | new ProcessBuilder(\"sh\").start();                                                                | 'ProcessBuilder' is refused",
            "stops the JVM         | System.exit(1);                                                                                   | 'System' is refused",
            "loads a class by name | Class.forName(\"java.lang.Runtime\");                                                               | 'Class' is refused",
            "uses reflection       | $customer.getClass().getDeclaredFields();                                                         | 'getClass' is refused",
            "starts a thread       | new Thread(() -> {}).start();                                                                     | 'Thread' is refused"})
    void aRuleThatReachesTheHostIsRefusedAtValidation(String what, String consequence, String named) {
        given().multiPart("files", "churn-signs/sneaky.drl", ruleDoing(consequence).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems.file", everyItem(equalTo("churn-signs/sneaky.drl")))
                .body("problems.findAll { it.line == 7 }.message", hasItem(containsString(named)));
    }

    @Test
    void anImportOfAHostClassIsRefusedEvenUnused() {
        String drl = """
                package retention;
                import java.io.File;
                import com.retentionadvisor.facts.CustomerFacts;
                rule "Innocent"
                when
                    CustomerFacts()
                then
                end
                """;
        given().multiPart("files", "churn-signs/imports.drl", drl.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems[0].file", equalTo("churn-signs/imports.drl"))
                .body("problems[0].line", equalTo(2))
                .body("problems[0].column", equalTo(8))
                .body("problems[0].rule", nullValue())
                .body("problems[0].message", startsWith("the import of java.io.File is refused"));
    }

    @Test
    void aForbiddenCallInAConditionIsRefusedToo() {
        String drl = """
                package retention;
                import com.retentionadvisor.facts.CustomerFacts;
                rule "Reads the environment"
                when
                    CustomerFacts( eval(System.getenv("HOME") != null) )
                then
                end
                """;
        given().multiPart("files", "churn-signs/env.drl", drl.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems[0].file", equalTo("churn-signs/env.drl"))
                .body("problems[0].line", equalTo(5))
                .body("problems[0].rule", equalTo("Reads the environment"));
    }

    @Test
    void wordsInCommentsAndTextsAreNotCode() {
        String drl = """
                package retention;
                import com.retentionadvisor.facts.CustomerFacts;
                // Never call System.exit or open a java.net.Socket here.
                rule "Mentions a File in its name, harmlessly"
                when
                    CustomerFacts( segment != "Runtime" )
                then
                    /* Class.forName is refused in code, not in comments */
                end
                """;
        given().multiPart("files", "churn-signs/harmless.drl", drl.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void aPublishOfARuleThatReachesTheHostLeavesTheLiveRulesetServing() throws Exception {
        String live = given().when().get("/api/rules").then().extract().path("version");

        Map<String, byte[]> files = new TreeMap<>(ShippedRules.files());
        files.put("churn-signs/sneaky.drl", ruleDoing("System.exit(1);").getBytes(StandardCharsets.UTF_8));

        given().contentType("application/zip").body(ShippedRules.zip(files))
                .queryParam("publishedBy", "Mallory").queryParam("comment", "just a tweak")
                .when().post("/api/rules/publish")
                .then().statusCode(422)
                .body("errors.message", hasItem(containsString("'System' is refused")));

        given().when().get("/api/rules").then().body("version", equalTo(live));
    }
}
