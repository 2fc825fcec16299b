package com.retentionadvisor.rulesets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.retentionadvisor.problems.BusyException;
import com.retentionadvisor.problems.ForbiddenHereException;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.RulesetRejectedException;
import com.retentionadvisor.rules.RuleEngine;
import com.retentionadvisor.rules.Ruleset;
import com.retentionadvisor.rules.RulesConfig;
import com.retentionadvisor.rules.RulesetException;
import com.retentionadvisor.rules.scenarios.ScenarioResult;
import com.retentionadvisor.rules.scenarios.ScenarioRunner;

/** What analysts ask of rules before they go live: which ruleset serves, does a candidate compile, do scenarios pass. */
@ApplicationScoped
public class RulesetService {

    @Inject
    RuleEngine engine;

    @Inject
    RulesConfig config;

    // Compiling runs rule code and takes seconds of CPU: one candidate at a time.
    private final Semaphore compiling = new Semaphore(1);

    /** Compiles the files sent, laid over the live ruleset's files, as a candidate ruleset; changes nothing. */
    public RulesetReports.Validation validate(RuleFiles files) {
        try {
            Ruleset candidate = compileCandidate(files);
            return new RulesetReports.Validation(true, candidate.version(), candidate.ruleNames(), List.of());
        } catch (RulesetException e) {
            return new RulesetReports.Validation(false, e.version(), List.of(), e.problems());
        }
    }

    /**
     * Runs scenario files against a candidate ruleset: the rule files sent laid over the live ones, with the scenario
     * files sent (or the live ruleset's own, its tests/, when none are sent). Changes nothing.
     */
    public RulesetReports.TestRun test(RuleFiles files) {
        Ruleset candidate;
        try {
            candidate = files.ruleFiles().isEmpty() ? engine.live() : compileCandidate(files);
        } catch (RulesetException e) {
            return RulesetReports.TestRun.notCompiled(e.version(), e.problems());
        }
        List<ScenarioResult> results = runScenarios(candidate,
                files.scenarioFiles().isEmpty() ? live().scenarioFiles() : files.scenarioFiles());
        return RulesetReports.TestRun.of(candidate.version(), results);
    }

    /** The rule files sent laid over those of the live ruleset, compiled as a candidate ruleset. */
    public Ruleset compileCandidate(RuleFiles files) {
        return compileUploaded(candidateFiles(files));
    }

    /**
     * The rule files a candidate is made of: those sent laid over those of the live ruleset (as stored when it went
     * live: a publish does not write the rules folder), so that a check, a simulation and a publish of the same files
     * mean the same ruleset.
     */
    public SortedMap<String, byte[]> candidateFiles(RuleFiles files) {
        SortedMap<String, byte[]> candidate = new java.util.TreeMap<>(liveFiles());
        candidate.putAll(files.ruleFiles());
        return candidate;
    }

    /**
     * The candidate of a job over the customer base (a simulation, a back-test, a calibration): the files sent laid
     * over the live rules, compiled. No rule file sent is a 400 ending with {@code whenNoneSent} (what the caller
     * should do instead); a candidate that does not compile a 422 naming every problem.
     */
    public Ruleset compileJobCandidate(RuleFiles files, String whenNoneSent) {
        if (files.ruleFiles().isEmpty()) {
            throw InvalidInputException.of("files", "no rule files (.drl, .csv, .xlsx) were sent: " + whenNoneSent);
        }
        try {
            return compileCandidate(files);
        } catch (RulesetException e) {
            throw new RulesetRejectedException("the candidate ruleset does not compile", e.problems());
        }
    }

    /** The rule files of the ruleset that serves now, as stored when it went live. */
    public SortedMap<String, byte[]> liveFiles() {
        return live().ruleFiles();
    }

    /** The files (rules and tests/) of the ruleset that serves now, as stored when it went live; else the rules folder's. */
    RuleFiles live() {
        String version = engine.live().version();
        return QuarkusTransaction.requiringNew().call(() -> RulesetVersion.findByVersion(version)
                .map(stored -> RuleFiles.of(stored.files()))
                .orElseGet(() -> RuleFiles.fromFolder(Path.of(config.dir()))));
    }

    /** Compiles rule files that came from outside the service, when this instance allows it, one at a time. */
    Ruleset compileUploaded(SortedMap<String, byte[]> ruleFiles) {
        if (!config.uploadsEnabled()) {
            throw new ForbiddenHereException("compiling uploaded rule files is switched off on this instance"
                    + " (retention.rules.uploads-enabled=false): rule files hold code that runs in the service");
        }
        if (!compiling.tryAcquire()) {
            throw new BusyException("another candidate ruleset is being compiled; try again in a few seconds", 5);
        }
        try {
            return Ruleset.compile(ruleFiles);
        } finally {
            compiling.release();
        }
    }

    /** Runs scenario files given by their path under rules/ (tests/...) against a ruleset. */
    List<ScenarioResult> runScenarios(Ruleset ruleset, SortedMap<String, byte[]> scenarioFiles) {
        if (scenarioFiles.isEmpty()) {
            return List.of();
        }
        Path folder = temporaryFolder();
        try {
            RuleFiles.write(folder, scenarioFiles);
            return new ScenarioRunner(ruleset, config.maxFirings(), config.scenarioTimeBudget()).runAll(folder.resolve("tests"));
        } finally {
            delete(folder);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("rule-scenarios");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
