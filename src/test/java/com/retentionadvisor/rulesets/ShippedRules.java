package com.retentionadvisor.rulesets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule files the tests run on, to send as they are or with a change, as an analyst would: rules/, or the folder
 * that {@code -Dretention.rules.dir} names (the service's own setting), so that the Java tests can be run on an
 * analyst's changed rules to show they do not depend on the shipped names and numbers.
 */
public final class ShippedRules {

    private ShippedRules() {
    }

    /** The folder of rule files the service under test serves. */
    public static Path folder() {
        return Path.of(System.getProperty("retention.rules.dir", "rules"));
    }

    /** Every file under the rules folder, by its path there. */
    public static Map<String, byte[]> files() {
        Path rules = folder();
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(rules)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(rules.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The names of the rules written in the folder's DRL files (a decision table's rows are rules too, not named here). */
    public static List<String> drlRuleNames() {
        Pattern rule = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");
        List<String> names = new ArrayList<>();
        files().forEach((path, content) -> {
            if (path.endsWith(".drl")) {
                rule.matcher(new String(content, StandardCharsets.UTF_8)).results().forEach(found -> names.add(found.group(1)));
            }
        });
        if (names.isEmpty()) {
            throw new IllegalStateException(folder() + " names no rule in a DRL file");
        }
        return names;
    }

    /** The shipped files with one text replaced in one file; fails when the text is not there. */
    public static Map<String, byte[]> withChange(String path, String from, String to) {
        return change(files(), path, from, to);
    }

    /**
     * The shipped files with one sign's points changed in the weights table, whatever they were: a change for what
     * runs no scenario (a simulation, a back-test); a publish runs the scenarios, which may pin those points.
     */
    public static Map<String, byte[]> withWeight(String code, int points) {
        Map<String, byte[]> files = files();
        String path = "risk-levels/sign-weights.drl.csv";
        Matcher row = Pattern.compile("(?m)^(Weight of " + code + "," + code + ",)-?\\d+")
                .matcher(new String(files.get(path), StandardCharsets.UTF_8));
        if (!row.find()) {
            throw new IllegalStateException(path + " has no row for " + code);
        }
        files.put(path, row.replaceFirst("$1" + points).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The files with one text replaced in one file; fails when the text is not there. */
    public static Map<String, byte[]> change(Map<String, byte[]> files, String path, String from, String to) {
        String text = new String(files.get(path), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(path + " does not contain " + from);
        }
        files.put(path, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    public static byte[] zip(Map<String, byte[]> files) {
        return RuleFiles.zip(files);
    }
}
