package com.retentionadvisor.calibration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.retentionadvisor.backtest.BacktestMetrics;
import com.retentionadvisor.backtest.BacktestOutcomes;
import com.retentionadvisor.backtest.BacktestRequest;
import com.retentionadvisor.backtest.CustomerOutcome;
import com.retentionadvisor.backtest.ScoredCustomer;
import com.retentionadvisor.facts.CustomerBase;
import com.retentionadvisor.facts.GlobalCondition;
import com.retentionadvisor.globalfacts.GlobalFactService;
import com.retentionadvisor.rules.ChurnSign;
import com.retentionadvisor.rules.ContactIntent;
import com.retentionadvisor.rules.Evaluation;
import com.retentionadvisor.rules.RiskLevel;
import com.retentionadvisor.rules.RiskScore;
import com.retentionadvisor.rules.RuleEngine;
import com.retentionadvisor.rules.Ruleset;
import com.retentionadvisor.rules.RulesConfig;
import com.retentionadvisor.rules.RulesetException;
import com.retentionadvisor.rules.Sign;
import com.retentionadvisor.rules.Strength;
import com.retentionadvisor.rules.scenarios.ScenarioResult;
import com.retentionadvisor.rules.scenarios.ScenarioRunner;
import com.retentionadvisor.rulesets.RuleFiles;
import com.retentionadvisor.jobs.RuleJob;
import com.retentionadvisor.jobs.RuleJobs;
import com.retentionadvisor.rulesets.RulesetService;

/**
 * Calibrates the risk score on what happened, as a background job: every customer evaluated as of a past cut-off
 * (the live ruleset or a candidate), a scorecard fitted to the outcome within the horizon (see {@link Scorecard}), and
 * the result written as the two tables an analyst owns: risk-levels/sign-weights.drl.csv (base points and points per
 * sign and strength) and risk-levels/bands-by-segment.drl.csv (the risk levels' bands, by churn rate). Nothing is
 * applied: the report holds the proposed files, which are reviewed, back-tested and published like any other change.
 */
@ApplicationScoped
public class CalibrationService {

    public static final String KIND = "calibration";

    @Inject
    RulesetService rulesets;

    @Inject
    RuleEngine engine;

    @Inject
    RulesConfig config;

    @Inject
    GlobalFactService globalFacts;

    @Inject
    CustomerBase customerBase;

    @Inject
    BacktestOutcomes outcomes;

    @Inject
    RuleJobs jobs;

    private record Evaluated(Set<String> signs, Set<String> strengths, int score, RiskLevel level, boolean positive) {
    }

    /**
     * Queues the calibration of the live ruleset ({@code candidateFiles} null) or of a candidate: the files sent laid
     * over the live rules, which must compile (422 otherwise).
     */
    public RuleJob start(CalibrationRequest request, RuleFiles candidateFiles) {
        Ruleset ruleset = candidateFiles == null ? engine.live() : rulesets.compileJobCandidate(candidateFiles, "send none to calibrate the live ruleset");
        SortedMap<String, byte[]> files = candidateFiles == null ? rulesets.liveFiles() : rulesets.candidateFiles(candidateFiles);
        List<GlobalCondition> conditions = globalFacts.conditionsKnownAt(request.backtest().cutoff());
        return jobs.start(KIND, job -> run(job, request, ruleset, files, candidateFiles != null, conditions));
    }

    private CalibrationReport run(RuleJob job, CalibrationRequest request, Ruleset ruleset, SortedMap<String, byte[]> files,
            boolean candidate, List<GlobalCondition> conditions) {
        BacktestRequest at = request.backtest();
        Map<String, CustomerOutcome> base = outcomes.of(at.cutoff(), at.until(), at.outcome());
        List<Evaluated> evaluated = new ArrayList<>();
        Map<String, Integer> currentPoints = new TreeMap<>();
        int[] currentBase = {0};
        customerBase.walk(at.cutoff(), null, job, facts -> {
            CustomerOutcome outcome = base.get(facts.getCustomerId());
            if (outcome == null || outcome.excluded()) {
                return;
            }
            Evaluation evaluation = engine.evaluate(ruleset, facts, conditions, ContactIntent.anyProactiveContact());
            evaluation.all(Sign.class).forEach(sign -> currentPoints.put(sign.getCode(), sign.getWeight()));
            RiskScore score = evaluation.all(RiskScore.class).stream().findFirst().orElse(null);
            currentBase[0] = score == null ? currentBase[0] : score.getBasePoints();
            evaluated.add(new Evaluated(codes(evaluation.all(ChurnSign.class)), codes(evaluation.all(Strength.class)),
                    score == null ? 0 : score.getPoints(), null, outcome.positive()));
        });
        if (job.stopped()) {
            return null;
        }
        return propose(request, ruleset, files, candidate, evaluated, currentPoints, currentBase[0]);
    }

    private CalibrationReport propose(CalibrationRequest request, Ruleset ruleset, SortedMap<String, byte[]> files, boolean candidate,
            List<Evaluated> evaluated, Map<String, Integer> currentPoints, int currentBase) {
        BacktestRequest at = request.backtest();
        int positives = (int) evaluated.stream().filter(Evaluated::positive).count();
        if (positives == 0 || positives == evaluated.size()) {
            throw new IllegalStateException("nothing to calibrate on: of the " + evaluated.size() + " customers evaluated as of "
                    + at.cutoff() + ", " + positives + " had the outcome " + at.outcome() + "; a fit needs some who did and some who did not");
        }
        Scorecard scorecard = Scorecard.fit(evaluated.stream().map(e -> new Scorecard.Observation(e.signs(), e.strengths(), e.positive())).toList(),
                request.minCustomers(), request.regularisation());
        double pointsPerLogOdds = request.pointsToDoubleOdds() / Math.log(2);
        int basePoints = (int) Math.round(request.evenOddsScore() + pointsPerLogOdds * scorecard.intercept());

        SignWeightsTable current = SignWeightsTable.read(text(files, SignWeightsTable.PATH));
        String when = "calibrated on " + evaluated.size() + " customers as of " + at.cutoff() + " (" + at.outcome() + " within "
                + at.horizon() + "; " + percent(positives, evaluated.size()) + " of them)";
        Map<String, SignWeightsTable.Row> rows = new LinkedHashMap<>();
        List<CalibrationReport.Weight> weights = new ArrayList<>();
        Map<String, Integer> proposed = new TreeMap<>();
        for (Scorecard.Code code : scorecard.codes().values()) {
            int now = currentPoints.getOrDefault(code.code(), current.rows().containsKey(code.code()) ? current.rows().get(code.code()).points() : 0);
            int points = switch (code.status()) {
                case FITTED -> (int) Math.round((code.strength() ? -1 : 1) * pointsPerLogOdds * code.coefficient());
                case OPPOSITE_DIRECTION -> 0;
                case TOO_RARE -> now;
            };
            proposed.put(code.code(), points);
            rows.put(code.code(), new SignWeightsTable.Row(code.code(), points, note(code, when, request)));
            boolean fitted = code.status() == Scorecard.Status.FITTED;
            weights.add(new CalibrationReport.Weight(code.code(), code.strength() ? "STRENGTH" : "SIGN", code.customers(), code.positives(),
                    round(code.positives() / (double) code.customers()), fitted ? round(code.coefficient()) : null,
                    fitted ? round(Math.exp(code.coefficient())) : null, now, points, code.status().name()));
        }
        for (SignWeightsTable.Row row : current.rows().values()) {
            if (!rows.containsKey(row.code())) {
                rows.put(row.code(), row);
                weights.add(new CalibrationReport.Weight(row.code(), null, 0, 0, null, null, null, row.points(), row.points(), "NOT_SHOWN"));
            }
        }
        SignWeightsTable table = new SignWeightsTable(basePoints, sortedByTable(rows, current));

        List<Evaluated> rescored = evaluated.stream().map(e -> {
            int score = Math.max(0, basePoints + e.signs().stream().mapToInt(c -> proposed.getOrDefault(c, 0)).sum()
                    - e.strengths().stream().mapToInt(c -> proposed.getOrDefault(c, 0)).sum());
            return new Evaluated(e.signs(), e.strengths(), score, null, e.positive());
        }).toList();
        List<CalibrationReport.Band> bands = bands(request, pointsPerLogOdds, rescored);
        List<Evaluated> leveled = rescored.stream().map(e -> new Evaluated(e.signs(), e.strengths(), e.score(), levelOf(bands, e.score()),
                e.positive())).toList();
        BacktestMetrics currentMetrics = metrics(evaluated);
        BacktestMetrics proposedMetrics = metrics(leveled);
        boolean rising = true;
        Double previous = null;
        for (CalibrationReport.Band band : bands) {
            if (band.observedRate() != null) {
                rising &= previous == null || band.observedRate() > previous;
                previous = band.observedRate();
            }
        }

        SortedMap<String, String> proposal = new TreeMap<>();
        proposal.put(SignWeightsTable.PATH, table.write("The risk score's points (risk-levels/score.drl): every customer starts at the"
                + " base points, each churn sign adds its points, each strength takes its points off; a sign or strength without a row"
                + " weighs nothing. " + request.pointsToDoubleOdds() + " points double the odds of churning and " + request.evenOddsScore()
                + " points are even odds. Written by a calibration (POST /api/rules/calibration, rules calibrate), " + when + "; see rules/README.md."));
        proposal.put(RiskBandsTable.PATH, RiskBandsTable.write(bands, "Risk score bands per segment: a score from 'From points' up to (not"
                + " including) 'Below points' has the level. Segment * holds the bands of every segment without rows of its own; bands of a"
                + " segment must cover 0 and up without gaps. Written by a calibration, " + when + ": MEDIUM, HIGH and CRITICAL begin where the"
                + " fitted churn rate reaches " + request.levelRates().stream().map(r -> percent(r)).collect(Collectors.joining(", ")) + "."));
        SortedMap<String, byte[]> proposedFiles = new TreeMap<>(files);
        proposal.forEach((path, text) -> proposedFiles.put(path, text.getBytes(StandardCharsets.UTF_8)));
        Ruleset proposedRuleset;
        try {
            proposedRuleset = Ruleset.compile(proposedFiles);
        } catch (RulesetException e) {
            throw new IllegalStateException("the proposed tables do not compile: " + e.getMessage(), e);
        }
        List<String> failures = new ScenarioRunner(proposedRuleset, config.maxFirings(), config.scenarioTimeBudget()).runAll(Path.of(config.dir(), "tests"))
                .stream().filter(result -> !result.passed()).map(ScenarioResult::describe).toList();

        return new CalibrationReport(ruleset.version(), candidate, at.cutoff(), at.horizon(), at.until(), at.outcome(),
                evaluated.size(), positives, round(positives / (double) evaluated.size()),
                new CalibrationReport.Settings(request.pointsToDoubleOdds(), request.evenOddsScore(), request.minCustomers(),
                        request.regularisation(), request.levelRates()),
                new CalibrationReport.Base(currentBase, basePoints, round(scorecard.intercept())),
                weights, bands,
                new CalibrationReport.Preview(round(currentMetrics.auc()), round(proposedMetrics.auc()), rising),
                proposedRuleset.version(), failures, proposal, notes(current, files, bands));
    }

    // The proposed table keeps the current table's order; codes new to it follow in code order.
    private static Map<String, SignWeightsTable.Row> sortedByTable(Map<String, SignWeightsTable.Row> rows, SignWeightsTable current) {
        Map<String, SignWeightsTable.Row> sorted = new LinkedHashMap<>();
        current.rows().keySet().stream().filter(rows::containsKey).forEach(code -> sorted.put(code, rows.get(code)));
        new TreeMap<>(rows).forEach(sorted::putIfAbsent);
        return sorted;
    }

    private static String note(Scorecard.Code code, String when, CalibrationRequest request) {
        String shown = "shown by " + code.customers() + ", " + percent(code.positives(), code.customers()) + " of them churned";
        return switch (code.status()) {
            case FITTED -> (code.strength() ? "Strength" : "Sign") + ", " + when + ": " + shown + "; odds x"
                    + String.format(Locale.ROOT, "%.2f", Math.exp(code.coefficient())) + " with the others counted";
            case OPPOSITE_DIRECTION -> "0 points: " + when + ", " + shown + ", but with the others counted it "
                    + (code.strength() ? "raises" : "lowers") + " the odds, the wrong way round for a " + (code.strength() ? "strength" : "sign");
            case TOO_RARE -> "Kept at its points: " + when + ", shown by only " + code.customers() + " (fewer than "
                    + request.minCustomers() + ")";
        };
    }

    private static List<CalibrationReport.Band> bands(CalibrationRequest request, double pointsPerLogOdds, List<Evaluated> scored) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (double rate : request.levelRates()) {
            int from = (int) Math.ceil(request.evenOddsScore() + pointsPerLogOdds * Math.log(rate / (1 - rate)));
            starts.add(Math.max(starts.get(starts.size() - 1), Math.max(0, from)));
        }
        starts.add(RiskBandsTable.TOP);
        List<CalibrationReport.Band> bands = new ArrayList<>();
        RiskLevel[] levels = RiskLevel.values();
        for (int i = 0; i < levels.length; i++) {
            int from = starts.get(i);
            int below = starts.get(i + 1);
            List<Evaluated> in = scored.stream().filter(e -> e.score() >= from && e.score() < below).toList();
            int positives = (int) in.stream().filter(Evaluated::positive).count();
            Double fitted = i == 0 ? null : round(1 / (1 + Math.exp(-(from - request.evenOddsScore()) / pointsPerLogOdds)));
            bands.add(new CalibrationReport.Band(levels[i], from, below, fitted, in.size(), positives,
                    in.isEmpty() ? null : round(positives / (double) in.size())));
        }
        return bands;
    }

    private static RiskLevel levelOf(List<CalibrationReport.Band> bands, int score) {
        return bands.stream().filter(b -> score >= b.fromPoints() && score < b.belowPoints()).map(CalibrationReport.Band::level)
                .findFirst().orElse(null);
    }

    private static BacktestMetrics metrics(List<Evaluated> evaluated) {
        return new BacktestMetrics(evaluated.stream().map(e -> new ScoredCustomer("", e.score(), e.level(), e.signs(), e.strengths(), e.positive())).toList());
    }

    private static List<String> notes(SignWeightsTable current, SortedMap<String, byte[]> files, List<CalibrationReport.Band> bands) {
        List<String> notes = new ArrayList<>();
        notes.add("Nothing is applied: the files under 'files' (or GET …/files as a zip) are a proposal to review, back-test at another"
                + " cut-off and publish with the scenarios they need.");
        notes.add("The preview scores the proposal on the customers it was fitted on (in-sample); a back-test at another cut-off shows"
                + " whether the weights hold.");
        Optional<String> bandsNow = text(files, RiskBandsTable.PATH);
        if (bandsNow.isPresent() && bandsNow.get().lines().anyMatch(line -> line.matches("^[^,]*,(?!\\*,)[^,]+,\\d+,\\d+,[A-Z]+,.*"))) {
            notes.add("The current bands table has bands for single segments; the proposal has the bands of segment * only, on the new"
                    + " scale: add a segment's rows back where it should be told apart.");
        }
        if (current.rows().isEmpty()) {
            notes.add("The ruleset had no weights table (" + SignWeightsTable.PATH + "): every sign weighed nothing before.");
        }
        if (bands.stream().anyMatch(b -> b.customers() == 0)) {
            notes.add("A level holds no customer of this base: its band is kept for customers elsewhere.");
        }
        return notes;
    }

    private static Set<String> codes(List<? extends Sign> signs) {
        return signs.stream().map(Sign::getCode).collect(Collectors.toSet());
    }

    private static Optional<String> text(SortedMap<String, byte[]> files, String path) {
        return Optional.ofNullable(files.get(path)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : percent(part / (double) whole);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    private static Double round(Double value) {
        return value == null || value.isNaN() ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
