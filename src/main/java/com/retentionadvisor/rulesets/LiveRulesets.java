package com.retentionadvisor.rulesets;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import com.retentionadvisor.audit.AuditAction;
import com.retentionadvisor.audit.Actors;
import com.retentionadvisor.audit.AuditLog;
import com.retentionadvisor.operations.AdvisorMetrics;
import com.retentionadvisor.problems.BusyException;
import com.retentionadvisor.problems.InvalidInputException;
import com.retentionadvisor.problems.RuleProblem;
import com.retentionadvisor.problems.RulesetRejectedException;
import com.retentionadvisor.problems.UnknownRecordException;
import com.retentionadvisor.rules.RuleEngine;
import com.retentionadvisor.rules.Ruleset;
import com.retentionadvisor.rules.RulesConfig;
import com.retentionadvisor.rules.RulesetException;
import com.retentionadvisor.rules.scenarios.ScenarioResult;

/**
 * Decides which ruleset is live: at start, on a publish, a rollback or a change of the rules folder. A candidate
 * goes live only when it compiles and its scenarios pass; otherwise the live one keeps serving and the rejection is
 * kept for GET /api/rules and the health check. Every version that goes live is stored with the text of its files.
 */
@ApplicationScoped
public class LiveRulesets {

    private static final Logger LOG = Logger.getLogger(LiveRulesets.class);

    @Inject
    RuleEngine engine;

    @Inject
    RulesConfig config;

    @Inject
    RulesetService rulesets;

    @Inject
    AuditLog audit;

    @Inject
    Actors actors;

    @Inject
    AdvisorMetrics metrics;

    // One change of the live ruleset at a time; evaluations never wait for it.
    private final ReentrantLock changing = new ReentrantLock();
    private volatile RulesetReports.Rejection lastRejection;

    /** The live ruleset: the stored live version, unless the rules folder has changed since it was last read. */
    void onStart(@Observes StartupEvent event) {
        Ruleset fromFolder = null;
        RuleFiles folderFiles = RuleFiles.fromFolder(Path.of(config.dir()));
        try {
            fromFolder = engine.compileFolder();
        } catch (RulesetException e) {
            lastRejection = rejection("rules folder at start", e.problems());
            LOG.warnf("The rules folder %s does not compile; the last stored ruleset serves if there is one:%n  %s",
                    config.dir(), String.join("\n  ", e.problems().stream().map(RuleProblem::describe).toList()));
        }
        Optional<RulesetActivation> live = QuarkusTransaction.requiringNew().call(RulesetActivation::latest);
        Optional<String> folderLastRead = QuarkusTransaction.requiringNew()
                .call(() -> RulesetVersion.lastFromFolder().map(v -> v.version));
        if (fromFolder != null && (live.isEmpty() || !folderLastRead.equals(Optional.of(fromFolder.version())))) {
            // First start, or a deployment brought other rule files: the folder wins over what was published before.
            makeLive(fromFolder, folderFiles, RulesetVersion.Source.FOLDER, "service start", "the rules folder at start",
                    RulesetActivation.Reason.START, () -> { });
            return;
        }
        if (live.isEmpty()) {
            throw new RulesetException("The rules folder does not compile and no stored ruleset can serve", lastRejection.problems());
        }
        String version = live.get().version;
        SortedMap<String, byte[]> files = QuarkusTransaction.requiringNew()
                .call(() -> RulesetVersion.findByVersion(version).orElseThrow().files());
        serve(Ruleset.compile(RuleFiles.of(files).ruleFiles()));
        LOG.infof("Ruleset %s is live again (stored, %s since %s)", version, live.get().reason, live.get().activatedAt);
    }

    /** What serves now, since when and why, and the last candidate turned away since. */
    public RulesetReports.Live live() {
        Ruleset ruleset = engine.live();
        RulesetActivation activation = QuarkusTransaction.requiringNew().call(RulesetActivation::latest).orElse(null);
        RulesetVersion version = activation == null ? null
                : QuarkusTransaction.requiringNew().call(() -> RulesetVersion.findByVersion(activation.version).orElse(null));
        return new RulesetReports.Live(ruleset.version(), config.dir(),
                activation == null ? null : activation.activatedAt,
                activation == null ? null : activation.activatedBy,
                activation == null ? null : activation.reason.name(),
                version == null ? null : version.comment,
                lastRejection, ruleset.ruleNames());
    }

    /** The last candidate turned away since the live ruleset went live, if any. */
    public Optional<RulesetReports.Rejection> lastRejection() {
        return Optional.ofNullable(lastRejection);
    }

    /**
     * Makes the files sent the whole live ruleset, once they compile and their scenarios (tests/*.yaml, which must be
     * sent along) pass. Answers what went live.
     */
    public RulesetReports.Published publish(RuleFiles files, String publishedByGiven, String comment) {
        String publishedBy = byWhom("publishedBy", publishedByGiven);
        requireText("comment", comment, 2000);
        String attempt = "publish by " + publishedBy;
        if (files.ruleFiles().isEmpty()) {
            throw InvalidInputException.of("files", "no rule files (.drl, .csv, .xlsx) were sent: a publish replaces the whole ruleset");
        }
        if (files.scenarioFiles().isEmpty()) {
            throw InvalidInputException.of("files", "no scenario files (tests/*.yaml) were sent: a ruleset goes live only when its scenarios pass");
        }
        if (!changing.tryLock()) {
            throw new BusyException("the live ruleset is being changed; try again in a few seconds", 5);
        }
        try {
            Ruleset candidate;
            long began = System.nanoTime();
            try {
                candidate = rulesets.compileUploaded(files.ruleFiles());
            } catch (RulesetException e) {
                throw reject(attempt, "the ruleset does not compile; the live one keeps serving", e.problems());
            }
            long compiled = System.nanoTime();
            List<ScenarioResult> results = rulesets.runScenarios(candidate, files.scenarioFiles());
            LOG.infof("Publish by %s: ruleset %s compiled in %d ms, %d scenarios run in %d ms", publishedBy, candidate.version(),
                    (compiled - began) / 1_000_000, results.size(), (System.nanoTime() - compiled) / 1_000_000);
            List<RuleProblem> failures = failuresOf(results);
            if (!failures.isEmpty()) {
                throw reject(attempt, failures.size() + " of " + results.size()
                        + " scenarios fail against the ruleset; the live one keeps serving", failures);
            }
            String previous = engine.live().version();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("publishedBy", publishedBy);
            detail.put("comment", comment.strip());
            detail.put("previousVersion", previous);
            detail.put("rules", candidate.ruleNames().size());
            detail.put("scenariosPassed", results.size());
            makeLive(candidate, files, RulesetVersion.Source.PUBLISH, publishedBy, comment.strip(),
                    RulesetActivation.Reason.PUBLISH,
                    () -> audit.record(AuditAction.RULESET_PUBLISHED, candidate.version(), publishedBy, detail));
            return new RulesetReports.Published(candidate.version(), previous, candidate.ruleNames().size(), results.size());
        } finally {
            changing.unlock();
        }
    }

    /** Makes a stored version live again. */
    public RulesetReports.Published rollback(String version, String rolledBackByGiven) {
        String rolledBackBy = byWhom("rolledBackBy", rolledBackByGiven);
        if (!changing.tryLock()) {
            throw new BusyException("the live ruleset is being changed; try again in a few seconds", 5);
        }
        try {
            SortedMap<String, byte[]> files = QuarkusTransaction.requiringNew().call(() -> RulesetVersion.findByVersion(version)
                    .orElseThrow(() -> new UnknownRecordException("version", "ruleset version", version))
                    .files());
            RuleFiles stored = RuleFiles.of(files);
            Ruleset ruleset = Ruleset.compile(stored.ruleFiles());
            String previous = engine.live().version();
            Map<String, Object> detail = Map.of("rolledBackBy", rolledBackBy, "previousVersion", previous);
            makeLive(ruleset, stored, RulesetVersion.Source.PUBLISH, rolledBackBy, "", RulesetActivation.Reason.ROLLBACK,
                    () -> audit.record(AuditAction.RULESET_ROLLED_BACK, ruleset.version(), rolledBackBy, detail));
            return new RulesetReports.Published(ruleset.version(), previous, ruleset.ruleNames().size(), 0);
        } finally {
            changing.unlock();
        }
    }

    /** Reads the rules folder again and makes it live when it compiles and its scenarios pass. */
    public void reloadFolder() {
        changing.lock();
        try {
            RuleFiles files = RuleFiles.fromFolder(Path.of(config.dir()));
            Ruleset candidate;
            try {
                candidate = engine.compileFolder();
            } catch (RulesetException e) {
                keepRejection("rules folder change", e.problems());
                return;
            }
            if (candidate.version().equals(engine.live().version())) {
                // Back to what serves, e.g. a broken edit undone: nothing turned away stands any more.
                lastRejection = null;
                return;
            }
            List<RuleProblem> failures = failuresOf(rulesets.runScenarios(candidate, files.scenarioFiles()));
            if (!failures.isEmpty()) {
                keepRejection("rules folder change", failures);
                return;
            }
            makeLive(candidate, files, RulesetVersion.Source.FOLDER, "rules folder watcher", "the rules folder changed",
                    RulesetActivation.Reason.FOLDER_CHANGE, () -> { });
        } finally {
            changing.unlock();
        }
    }

    // Stored first, then served: a crash in between leaves the stored version to be served at the next start. The
    // audit row of a publish or rollback is written in the same transaction as the activation it records.
    private void makeLive(Ruleset ruleset, RuleFiles files, RulesetVersion.Source source, String by, String comment,
            RulesetActivation.Reason reason, Runnable audited) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            if (RulesetVersion.findByVersion(ruleset.version()).isEmpty()) {
                RulesetVersion version = new RulesetVersion();
                version.version = ruleset.version();
                version.createdAt = now;
                version.createdBy = by;
                version.comment = comment;
                version.source = source;
                version.persist();
                version.flush();
                version.storeFiles(files.rulesAndScenarios());
            }
            RulesetActivation activation = new RulesetActivation();
            activation.version = ruleset.version();
            activation.activatedAt = now;
            activation.activatedBy = by;
            activation.reason = reason;
            activation.persist();
            audited.run();
        });
        serve(ruleset);
        lastRejection = null;
        LOG.infof("Ruleset %s is live (%s by %s): %d rules", ruleset.version(), reason, by, ruleset.ruleNames().size());
    }

    private void serve(Ruleset ruleset) {
        engine.serve(ruleset);
        metrics.rulesetLive(ruleset.version());
    }

    private RulesetRejectedException reject(String attempt, String detail, List<RuleProblem> problems) {
        keepRejection(attempt, problems);
        return new RulesetRejectedException(detail, problems);
    }

    private void keepRejection(String attempt, List<RuleProblem> problems) {
        lastRejection = rejection(attempt, problems);
        LOG.warnf("Ruleset from %s turned away, %s keeps serving:%n  %s", attempt, engine.live().version(),
                String.join("\n  ", problems.stream().map(RuleProblem::describe).toList()));
    }

    private static RulesetReports.Rejection rejection(String attempt, List<RuleProblem> problems) {
        return new RulesetReports.Rejection(Instant.now(), attempt, problems);
    }

    private static List<RuleProblem> failuresOf(List<ScenarioResult> results) {
        return results.stream().flatMap(result -> result.problems().stream()).toList();
    }

    /**
     * Whom a change is recorded as made by: the name given (a person acting through a shared key, say), else the
     * authenticated caller. The audit entry names the caller either way.
     */
    private String byWhom(String field, String given) {
        if (given == null || given.isBlank()) {
            String caller = actors.current(null);
            if (Actors.ANONYMOUS.equals(caller)) {
                throw InvalidInputException.of(field, "must be given when no caller is signed in");
            }
            return caller;
        }
        requireText(field, given, 200);
        return given.strip();
    }

    private static void requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "must be given");
        }
        if (value.strip().length() > maxLength) {
            throw InvalidInputException.of(field, "must be at most " + maxLength + " characters");
        }
    }
}
