package ir.hamyar.engine;

import ir.hamyar.calendar.Digits;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.facts.Casework;
import ir.hamyar.facts.Conclusion;
import ir.hamyar.facts.Domain;
import ir.hamyar.facts.Family;
import ir.hamyar.facts.Group;
import ir.hamyar.facts.GroupMember;
import ir.hamyar.facts.Helper;
import ir.hamyar.facts.Mean;
import ir.hamyar.facts.Member;
import ir.hamyar.facts.Parameters;
import ir.hamyar.facts.SafeHouseRequest;
import ir.hamyar.facts.Score;
import ir.hamyar.facts.Text;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a rule file may name: the allow-list of the DRL subset that {@link RuleFileCheck} accepts. It is exactly what
 * the shipped rules need — the fact classes of {@code ir.hamyar.facts} and their own methods, the global
 * {@code params}, Solar Hijri arithmetic, a few harmless helpers — and nothing that reaches the JVM, the host or the
 * network. A name is allowed here or it is refused: there is no deny-list to get around.
 */
final class RuleVocabulary {

    static final String FACTS_PACKAGE = "ir.hamyar.facts";
    static final String PARAMS_TYPE = "Parameters";

    /** The classes rules see; each may be imported and matched, and its own public methods called. */
    static final Map<String, Class<?>> FACTS = Map.ofEntries(
            Map.entry("Casework", Casework.class),
            Map.entry("Conclusion", Conclusion.class),
            Map.entry("Domain", Domain.class),
            Map.entry("Family", Family.class),
            Map.entry("Group", Group.class),
            Map.entry("GroupMember", GroupMember.class),
            Map.entry("Helper", Helper.class),
            Map.entry("Mean", Mean.class),
            Map.entry("Member", Member.class),
            Map.entry(PARAMS_TYPE, Parameters.class),
            Map.entry("SafeHouseRequest", SafeHouseRequest.class),
            Map.entry("Score", Score.class),
            Map.entry("Text", Text.class));

    /** Imports besides the facts: the Solar Hijri arithmetic and digits the reasons use, and two value types. */
    static final Set<String> OTHER_IMPORTS = Set.of(
            SolarHijri.class.getName(),
            Digits.class.getName(),
            LocalDate.class.getName(),
            BigDecimal.class.getName(),
            List.class.getName());

    /** Static methods a rule may call, by the simple name of their class. */
    static final Map<String, Set<String>> STATIC_CALLS = Map.of(
            "Conclusion", Set.of("of"),
            "SolarHijri", Set.of("plusMonths", "plusYears", "monthsBetween", "ageOn", "birthday"),
            "List", Set.of("of"),
            "Digits", Set.of("toPersian"),
            "Mean", Set.of("of"),
            "Math", Set.of("min", "max", "abs"),
            "String", Set.of("valueOf"));

    /** Value types beside the facts that rules may declare, cast to and keep in declared facts. */
    static final Set<String> VALUE_TYPES = Set.of(
            "int",
            "long",
            "double",
            "boolean",
            "String",
            "Integer",
            "Long",
            "Double",
            "Boolean",
            "Number",
            "BigDecimal",
            "LocalDate",
            "List");

    /** Fact classes whose objects a rule may make with {@code new}; every other {@code new} is of a declared type. */
    static final Set<String> CONSTRUCTIBLE = Set.of("Text");

    /** Accumulate functions built into Drools that a rule may use. */
    static final Set<String> ACCUMULATE_FUNCTIONS =
            Set.of("count", "sum", "min", "max", "average", "collectList", "collectSet");

    /** Methods of the JDK's value types (dates, numbers, text, lists) that only compute. */
    private static final Set<String> VALUE_METHODS = Set.of(
            "isAfter",
            "isBefore",
            "isEqual",
            "plusDays",
            "minusDays",
            "getYear",
            "getMonthValue",
            "getDayOfMonth",
            "compareTo",
            "intValue",
            "longValue",
            "doubleValue",
            "signum",
            "add",
            "subtract",
            "multiply",
            "equals",
            "isEmpty",
            "length",
            "startsWith",
            "endsWith",
            "contains",
            "size",
            "toString");

    /** The public instance methods each fact class declares itself, by its simple name, read once. */
    private static final Map<String, Set<String>> FACT_METHODS = FACTS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, fact -> methodsOf(fact.getValue())));

    /** Every method a rule may call on a value, whatever its type (the check reads names, not types). */
    static final Set<String> INSTANCE_METHODS = instanceMethods();

    /** What a refusal of a type suggests instead. */
    static final String ALLOWED_TYPES = "use the facts' types, declared types, text, numbers, true/false and LocalDate";

    private RuleVocabulary() {}

    static boolean isFactImport(String target) {
        return target.equals(FACTS_PACKAGE + ".*")
                || (target.startsWith(FACTS_PACKAGE + ".")
                        && FACTS.containsKey(target.substring(FACTS_PACKAGE.length() + 1)));
    }

    /**
     * Whether {@code type} (a simple name, generics aside) may be declared, cast to or kept: a value type, a fact or
     * one of {@code declaredTypes}.
     */
    static boolean isAllowedType(String type, Map<String, ?> declaredTypes) {
        String bare = type.replaceAll("<.*>$", "").strip();
        return VALUE_TYPES.contains(bare) || FACTS.containsKey(bare) || declaredTypes.containsKey(bare);
    }

    /**
     * Whether {@code property} (as a constraint names it: {@code inCustody}, {@code ageOn}) is one of the fact's;
     * false for a name that is no fact.
     */
    static boolean isPropertyOf(String fact, String property) {
        return FACT_METHODS.getOrDefault(fact, Set.of()).stream()
                .anyMatch(method -> method.equals(property)
                        || method.equals("get" + capitalised(property))
                        || method.equals("is" + capitalised(property)));
    }

    static boolean isMethodOf(String fact, String method) {
        return FACT_METHODS.getOrDefault(fact, Set.of()).contains(method);
    }

    static String capitalised(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The public instance methods a fact class declares itself: never Object's, never anything through a Class. */
    private static Set<String> methodsOf(Class<?> fact) {
        return Arrays.stream(fact.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getReturnType() != Class.class)
                .map(Method::getName)
                .filter(name -> !List.of("getClass", "hashCode", "wait", "notify", "notifyAll")
                        .contains(name))
                .collect(Collectors.toSet());
    }

    private static Set<String> instanceMethods() {
        Set<String> methods = new HashSet<>(VALUE_METHODS);
        FACT_METHODS.values().forEach(methods::addAll);
        return Set.copyOf(methods);
    }
}
