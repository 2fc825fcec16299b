package com.retentionadvisor.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import com.retentionadvisor.advice.AdviceService;
import com.retentionadvisor.problems.UpwardImportFixture;

/**
 * The directions the code's dependencies run in, from the top down: each layer may use the layers below it, never one
 * above. Records are what the CRM sent; ingest stores them; facts read them; rules decide on facts; the ruleset
 * lifecycle puts rules live; advice composes what the rules said; recommendations keep it as work for people; the
 * what-ifs (back-test, simulation) and the calibration run advice over the base; pages and notices show it. The
 * infrastructure (problems, database, operations, callers, audit, request limits, background jobs) serves every feature
 * and knows none of them. A new import that runs back up fails here, naming the classes.
 */
class ArchitectureTest {

    /** Top to bottom: a layer may use those after it in this list, never those before it. */
    private static final List<Layer> LAYERS = List.of(
            new Layer("Application", "com.retentionadvisor", "..cli..", "..demo.."),
            new Layer("Pages and notices", "..web..", "..notifications.."),
            new Layer("Calibration", "..calibration.."),
            new Layer("What-ifs", "..backtest..", "..simulation.."),
            new Layer("Recommendations", "..recommendations.."),
            new Layer("Advice", "..advice.."),
            new Layer("Ruleset lifecycle", "..rulesets.."),
            new Layer("Rules", "..rules.."),
            new Layer("Facts and reports", "..facts..", "..globalfacts..", "..timeline..", "..kpis.."),
            new Layer("Ingest", "..ingest.."),
            new Layer("Records", "..records..", "..customers..", "..contacts..", "..deals..", "..emails..", "..subscriptions..",
                    "..surveys..", "..tickets.."),
            new Layer("Infrastructure", "..problems..", "..database..", "..operations..", "..callers..", "..audit..", "..limits..",
                    "..jobs.."));

    private record Layer(String name, String... packages) {
    }

    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.retentionadvisor");

    @Test
    void shouldHaveDependenciesRunOnlyDownTheLayers() {
        layers().check(CODE);
    }

    @Test
    void shouldPutEveryPackageInALayer() {
        List<String> unplaced = CODE.stream()
                .map(javaClass -> javaClass.getPackageName())
                .distinct()
                .filter(pkg -> LAYERS.stream().flatMap(layer -> Arrays.stream(layer.packages())).noneMatch(p -> matches(pkg, p)))
                .toList();
        assertTrue(unplaced.isEmpty(), "packages in no layer (add them to LAYERS): " + unplaced);
    }

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching("com.retentionadvisor.(**)").should().beFreeOfCycles().check(CODE);
    }

    // The test can fail: a class of the infrastructure that uses advice is caught.
    @Test
    void shouldCatchAnImportThatRunsBackUp() {
        JavaClasses upward = new ClassFileImporter().importClasses(UpwardImportFixture.class, AdviceService.class);
        assertTrue(layers().evaluate(upward).hasViolation(), "an infrastructure class using advice must be a violation");
    }

    private static ArchRule layers() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            architecture = architecture.layer(layer.name()).definedBy(layer.packages());
        }
        for (int i = 1; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(0, i).stream().map(Layer::name).toArray(String[]::new);
            architecture = architecture.whereLayer(LAYERS.get(i).name()).mayOnlyBeAccessedByLayers(above);
        }
        return architecture.whereLayer(LAYERS.get(0).name()).mayNotBeAccessedByAnyLayer();
    }

    private static boolean matches(String pkg, String identifier) {
        if (!identifier.startsWith("..")) {
            return pkg.equals(identifier);
        }
        String name = identifier.substring(2, identifier.length() - 2);
        return pkg.equals("com.retentionadvisor." + name) || pkg.startsWith("com.retentionadvisor." + name + ".");
    }
}
