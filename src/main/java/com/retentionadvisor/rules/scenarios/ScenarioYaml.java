package com.retentionadvisor.rules.scenarios;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reads YAML into scenario values, strictly, and says what is wrong in the analyst's words and field names. */
final class ScenarioYaml {

    // Strict on purpose: a typo or a 4.5 where a whole number belongs must fail, not be guessed at.
    static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .findAndAddModules()
            .build();

    private ScenarioYaml() {
    }

    /** Reads a node as the given type; {@code where} names the node in messages, e.g. "given.contacts". */
    static <T> T read(JsonNode node, JavaType type, String where) {
        try {
            return MAPPER.readerFor(type).readValue(node);
        } catch (JsonMappingException e) {
            throw new InvalidScenarioException(problemOf(e, where));
        } catch (IOException e) {
            throw new InvalidScenarioException(where + ": " + e.getMessage());
        }
    }

    static <T> T read(JsonNode node, Class<T> type, String where) {
        return read(node, MAPPER.constructType(type), where);
    }

    /** Fails when a field below the node is written but left empty, since an empty field checks nothing. */
    static void requireNoEmptyFields(JsonNode node, String where) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getValue().isNull()) {
                throw new InvalidScenarioException(join(where, field.getKey()) + " is empty: give it a value or leave the line out");
            }
        }
    }

    static String problemOf(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null ? e.getOriginalMessage()
                : e.getOriginalMessage() + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String problemOf(JsonMappingException e, String where) {
        String field = join(where, pathOf(e));
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + field + "'; the fields allowed there are " + sorted(unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not a valid value for " + field + ": expected " + kindOf(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return field + ": expected " + kindOf(mismatched.getTargetType());
        }
        return field + ": " + e.getOriginalMessage();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                // Items are counted from 1, as an analyst counts the lines of a list.
                path.append('[').append(step.getIndex() + 1).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String where, String path) {
        if (where.isEmpty() || path.isEmpty()) {
            return where + path;
        }
        return path.startsWith("[") ? where + path : where + "." + path;
    }

    private static String kindOf(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list, e.g. [A, B]";
        }
        return "a group of fields (name: value)";
    }

    private static String sorted(Collection<Object> names) {
        return new TreeSet<>(names.stream().map(Object::toString).toList()).toString();
    }
}
