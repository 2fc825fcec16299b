package com.retentionadvisor.rules;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.ConsequenceMetaData;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import com.retentionadvisor.facts.ContactWindow;

/**
 * What one rule reads and what it may conclude, as the compiled rule says it: its file under rules/, the facts it reads
 * ({@code CustomerFacts.tenureDays}, {@code ContactWindow(7 days).contacts}, or {@code ContactWindow.contacts} for a rule
 * that reads every window: the advisor's fact classes and the properties its conditions name or bind), and the kinds of outcome its consequence inserts ({@code ChurnSign}, {@code ContactRefusal},
 * {@code ActionCandidate}, …). Rule-local types (a table's rows) are not facts and are left out.
 */
public record RuleAnatomy(String rule, String file, List<String> reads, List<String> concludes) {

    /** The classes whose properties are facts: what Java computes for the rules. */
    private static final String FACT_PACKAGE = "com.retentionadvisor.facts.";
    private static final String RULE_FILES = "rules/";
    private static final Pattern WINDOW_DAYS = Pattern.compile("(?<![\\w$.])days\\s*==\\s*(\\d+)");
    private static final Pattern GENERATED_FROM_TABLE = Pattern.compile(".*\\.(csv|xlsx|xls)\\.drl");

    /** Every rule of the compiled base, in name order. */
    static List<RuleAnatomy> of(KieBase kieBase) {
        List<RuleAnatomy> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                if (rule instanceof RuleImpl impl) {
                    rules.add(of(impl));
                }
            }
        }
        rules.sort(Comparator.comparing(RuleAnatomy::rule));
        return List.copyOf(rules);
    }

    private static RuleAnatomy of(RuleImpl rule) {
        Set<String> reads = new TreeSet<>();
        collectReads(rule.getLhs(), reads);
        Set<String> concludes = new TreeSet<>();
        ConsequenceMetaData consequence = rule.getConsequenceMetaData();
        if (consequence != null && consequence.getStatements() != null) {
            for (ConsequenceMetaData.Statement statement : consequence.getStatements()) {
                if (statement.getType() == ConsequenceMetaData.Statement.Type.INSERT && statement.getFactClassName() != null) {
                    String type = statement.getFactClassName();
                    concludes.add(type.substring(type.lastIndexOf('.') + 1));
                }
            }
        }
        return new RuleAnatomy(rule.getName(), fileOf(rule), List.copyOf(reads), List.copyOf(concludes));
    }

    // A fact class's properties that a pattern over it binds (its listened properties) or names in a constraint.
    private static void collectReads(RuleConditionElement element, Set<String> reads) {
        if (element instanceof org.drools.base.rule.Pattern pattern
                && pattern.getObjectType() instanceof ClassObjectType type
                && type.getClassType().getName().startsWith(FACT_PACKAGE)) {
            Class<?> factClass = type.getClassType();
            String constraints = pattern.getConstraints().toString();
            String fact = factOf(factClass, constraints);
            for (String property : propertiesOf(factClass).stream().map(PropertyDescriptor::getName).toList()) {
                if (pattern.getListenedProperties().contains(property)
                        || Pattern.compile("(?<![\\w$.])" + Pattern.quote(property) + "(?![\\w$])").matcher(constraints).find()) {
                    reads.add(fact + "." + property);
                }
            }
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            collectReads(nested, reads);
        }
    }

    /**
     * How a read fact is named: its class, or for a contact window that the pattern picks by its length
     * ({@code days == 7}), that window ("ContactWindow(7 days)"), as the facts of a customer are labelled.
     */
    private static String factOf(Class<?> factClass, String constraints) {
        if (factClass == ContactWindow.class) {
            Matcher days = WINDOW_DAYS.matcher(constraints);
            if (days.find()) {
                return windowLabel(Integer.parseInt(days.group(1)));
            }
        }
        return factClass.getSimpleName();
    }

    /** The name of the contact window of this many days, as facts and reads call it. */
    public static String windowLabel(int days) {
        return ContactWindow.class.getSimpleName() + "(" + days + " days)";
    }

    /** The readable bean properties of a fact class: what rules name in their conditions. */
    public static List<PropertyDescriptor> propertiesOf(Class<?> factClass) {
        try {
            return Arrays.stream(Introspector.getBeanInfo(factClass, Object.class).getPropertyDescriptors())
                    .filter(property -> property.getReadMethod() != null)
                    .toList();
        } catch (IntrospectionException e) {
            throw new IllegalStateException("the fact class " + factClass.getName() + " cannot be read", e);
        }
    }

    // The rule's file under rules/: a table's rules are compiled from "<table>.drl", which is not a file of the analyst's.
    private static String fileOf(RuleImpl rule) {
        if (rule.getResource() == null || rule.getResource().getSourcePath() == null) {
            return null;
        }
        String path = rule.getResource().getSourcePath().replace('\\', '/');
        int under = path.indexOf(RULE_FILES);
        String file = under < 0 ? path : path.substring(under + RULE_FILES.length());
        return GENERATED_FROM_TABLE.matcher(file).matches() ? file.substring(0, file.length() - ".drl".length()) : file;
    }
}
