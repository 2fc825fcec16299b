package com.retentionadvisor.rulesets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * A publish that fails at the point where its version goes live — the version's rows written in its transaction,
 * then the activation refused (a trigger plays the crash) — leaves the previous ruleset live: at once, and when the
 * live ruleset is loaded again from the database as at a start.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class InterruptedPublishTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LiveRulesets liveRulesets;

    @AfterEach
    void activationsWorkAgain() throws SQLException {
        sql("drop trigger if exists crash_at_activation on ruleset_activation; drop function if exists crash_at_activation()");
    }

    @Test
    void shouldKeepThePreviousRulesetLiveWhenAPublishFailsAtItsActivation() throws SQLException {
        String previous = LiveRuleset.version();
        Map<String, byte[]> files = ShippedRules.withChange("churn-signs/signs.drl", "package retention;",
                "package retention;\n// published while the advisor crashes");
        sql("""
                create function crash_at_activation() returns trigger language plpgsql as
                $$ begin raise exception 'the advisor crashed before the activation'; end $$;
                create trigger crash_at_activation before insert on ruleset_activation
                for each row execute function crash_at_activation()""");

        LiveRuleset.publish(files, "Anna Analyst", "never goes live").statusCode(500);

        assertEquals(previous, LiveRuleset.version(), "the previous ruleset serves on");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> RulesetVersion.count("comment", "never goes live")) == 0,
                "the version's rows went with the failed activation");
        liveRulesets.onStart(null);
        given().get("/api/rules").then().statusCode(200).body("version", equalTo(previous));
    }

    private void sql(String statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }
}
