package com.retentionadvisor.jobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which duty cycle a job gets from the configuration, and that a wrong one stops the start. */
class RuleJobsDutyCycleTest {

    @Test
    void aKindOfItsOwnOverridesTheDefault() {
        RuleJobs jobs = jobsWith(Map.of("retention.jobs.duty-cycle", "0.5", "retention.jobs.simulation.duty-cycle", "0.25"));
        try {
            assertThat(finished(jobs.start("simulation", job -> "report")).dutyCycle(), equalTo(0.25));
            assertThat(finished(jobs.start("backtest", job -> "report")).dutyCycle(), equalTo(0.5));
        } finally {
            jobs.stop();
        }
    }

    @Test
    void withoutConfigurationJobsRunAtFullSpeed() {
        RuleJobs jobs = jobsWith(Map.of());
        try {
            assertThat(finished(jobs.start("evaluation", job -> "report")).dutyCycle(), equalTo(1.0));
        } finally {
            jobs.stop();
        }
    }

    @Test
    void aShareAboveOneStopsTheStartNamingTheProperty() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> jobsWith(Map.of("retention.jobs.backtest.duty-cycle", "2")));
        assertThat(refused.getMessage(), containsString("retention.jobs.backtest.duty-cycle: "));
        assertThat(refused.getMessage(), containsString("at most 1, not 2.0"));
    }

    private static RuleJobs jobsWith(Map<String, String> properties) {
        RuleJobs jobs = new RuleJobs();
        jobs.config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        jobs.readDutyCycles();
        return jobs;
    }

    private static RuleJob.View finished(RuleJob job) {
        job.awaitEnd(Duration.ofSeconds(10));
        RuleJob.View view = job.view();
        assertThat(view.state(), equalTo(RuleJob.State.DONE));
        return view;
    }
}
