package ir.hamyar.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which parameters a rule reads: the parameter names quoted in the rule's text and in the DRL functions of its file
 * that the rule calls. Read from the source, so that policy staff see it without running anything.
 */
final class ParameterUse {

    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]+)\"");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^function\\s+[\\w.<>\\[\\], ]+?\\s+(\\w+)\\s*\\(");

    private ParameterUse() {}

    static SortedSet<String> readBy(String drl, int ruleLine, Set<String> parameterNames) {
        String rule = ruleText(drl, ruleLine);
        SortedSet<String> used = new TreeSet<>(literalsIn(rule, parameterNames));
        functions(drl).forEach((name, body) -> {
            if (rule.contains(name + "(")) {
                used.addAll(literalsIn(body, parameterNames));
            }
        });
        return used;
    }

    private static String ruleText(String drl, int ruleLine) {
        String[] lines = drl.split("\n", -1);
        StringBuilder rule = new StringBuilder();
        for (int i = Math.max(0, ruleLine - 1); i < lines.length; i++) {
            rule.append(lines[i]).append('\n');
            if (i > ruleLine - 1 && lines[i].strip().equals("end")) {
                break;
            }
        }
        return rule.toString();
    }

    private static Map<String, String> functions(String drl) {
        Map<String, String> functions = new HashMap<>();
        Matcher matcher = FUNCTION.matcher(drl);
        while (matcher.find()) {
            int end = drl.indexOf("\n}", matcher.end());
            functions.put(matcher.group(1), drl.substring(matcher.start(), end < 0 ? drl.length() : end));
        }
        return functions;
    }

    private static Set<String> literalsIn(String text, Set<String> parameterNames) {
        Set<String> literals = new TreeSet<>();
        Matcher matcher = LITERAL.matcher(text);
        while (matcher.find()) {
            if (parameterNames.contains(matcher.group(1))) {
                literals.add(matcher.group(1));
            }
        }
        return literals;
    }
}
