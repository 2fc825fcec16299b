package com.retentionadvisor.rules.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A YAML file of scenarios: its path below the scenario folder, its scenarios, each not yet read, and the line each
 * starts at (empty when the lines cannot be told, as in a list written in brackets).
 */
record ScenarioFile(String path, List<JsonNode> scenarios, List<Integer> lines) {

    // A scenario starts where the top-level list has an item: a dash in the first column.
    private static final Pattern ITEM = Pattern.compile("^-(\\s|$)");

    /** The scenario files below the folder (*.yaml, *.yml), in path order. */
    static List<Path> in(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidScenarioException("The scenario folder " + folder.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidScenarioException("Cannot read the scenario folder " + folder.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /** The file's path below the folder, with forward slashes, as reports show it. */
    static String pathOf(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /** Reads a file that is a YAML list of scenarios; fails when it is not valid YAML, not a list or empty. */
    static ScenarioFile read(Path folder, Path file) {
        String text;
        JsonNode root;
        try {
            text = Files.readString(file);
            root = ScenarioYaml.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException("not valid YAML: " + ScenarioYaml.problemOf(e));
        } catch (IOException e) {
            throw new InvalidScenarioException("cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull() || root.isEmpty()) {
            throw new InvalidScenarioException("holds no scenarios: a scenario file is a list of scenarios, each starting with '- name:'");
        }
        if (!root.isArray()) {
            throw new InvalidScenarioException("a scenario file is a list of scenarios, each starting with '- name:'");
        }
        List<JsonNode> scenarios = StreamSupport.stream(root.spliterator(), false).toList();
        return new ScenarioFile(pathOf(folder, file), scenarios, itemLines(text, scenarios.size()));
    }

    /** The line (from 1) the scenario at this index starts at, or null when it cannot be told. */
    Integer lineOf(int index) {
        return index < lines.size() ? lines.get(index) : null;
    }

    private static List<Integer> itemLines(String text, int items) {
        List<Integer> lines = new ArrayList<>();
        List<String> textLines = text.lines().toList();
        for (int i = 0; i < textLines.size(); i++) {
            if (ITEM.matcher(textLines.get(i)).find()) {
                lines.add(i + 1);
            }
        }
        return lines.size() == items ? lines : List.of();
    }

    /** The scenario's name as written, or its place in the file when it has none. */
    static String nameOf(JsonNode scenario, int index) {
        JsonNode name = scenario.get("name");
        return name != null && name.isTextual() && !name.asText().isBlank() ? name.asText() : "scenario " + (index + 1);
    }
}
