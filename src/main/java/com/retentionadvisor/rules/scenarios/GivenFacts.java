package com.retentionadvisor.rules.scenarios;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.retentionadvisor.facts.ContactCounts;
import com.retentionadvisor.facts.CustomerFacts;

/**
 * Builds a scenario's {@link CustomerFacts}: each key of {@code given} is a method of {@link CustomerFacts.Builder},
 * and {@code contacts} is a list of {@link Scenario.Contact}. What a scenario leaves out keeps the builder's value.
 */
final class GivenFacts {

    // Found by the builder's method names so that a fact added to the builder can be used in scenarios at once.
    private static final Map<String, Method> SETTERS = Arrays.stream(CustomerFacts.Builder.class.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()))
            .filter(m -> m.getParameterCount() == 1 && m.getReturnType() == CustomerFacts.Builder.class)
            .sorted(Comparator.comparing(Method::toGenericString))
            .collect(Collectors.toMap(Method::getName, m -> m, (first, overload) -> first, TreeMap::new));

    private static final JavaType CONTACTS = ScenarioYaml.MAPPER.getTypeFactory().constructCollectionType(List.class, Scenario.Contact.class);

    private GivenFacts() {
    }

    static CustomerFacts from(Map<String, JsonNode> given) {
        CustomerFacts.Builder builder = CustomerFacts.builder();
        given.forEach((fact, value) -> set(builder, fact, value));
        return builder.build();
    }

    private static void set(CustomerFacts.Builder builder, String fact, JsonNode value) {
        Method setter = SETTERS.get(fact);
        if (setter == null) {
            throw new InvalidScenarioException("unknown fact 'given." + fact + "'; the facts are " + SETTERS.keySet());
        }
        Object converted = valueOf(setter, value, "given." + fact);
        try {
            setter.invoke(builder, converted);
        } catch (IllegalAccessException e) {
            throw new InvalidScenarioException("given." + fact + " cannot be set: " + e.getMessage());
        } catch (InvocationTargetException e) {
            throw new InvalidScenarioException("given." + fact + " cannot be set to " + value + ": " + e.getCause().getMessage());
        }
    }

    private static Object valueOf(Method setter, JsonNode value, String where) {
        Class<?> type = setter.getParameterTypes()[0];
        if (type == ContactCounts.class) {
            return contactCounts(value, where);
        }
        if (value.isNull() && type.isPrimitive()) {
            throw new InvalidScenarioException(where + " is empty: give it a value or leave the line out");
        }
        return ScenarioYaml.read(value, ScenarioYaml.MAPPER.constructType(setter.getGenericParameterTypes()[0]), where);
    }

    private static ContactCounts contactCounts(JsonNode value, String where) {
        if (!value.isArray()) {
            throw new InvalidScenarioException(where + ": expected a list of contacts, each {daysAgo, direction, channel, purpose, count}");
        }
        List<Scenario.Contact> contacts = ScenarioYaml.read(value, CONTACTS, where);
        ContactCounts.Builder counts = ContactCounts.builder();
        for (int i = 0; i < contacts.size(); i++) {
            Scenario.Contact contact = contacts.get(i);
            contact.requireComplete(where + "[" + (i + 1) + "]");
            counts.happened(contact.daysAgo(), contact.direction(), contact.channel(), contact.purpose(), contact.countOrOne());
        }
        return counts.build();
    }
}
