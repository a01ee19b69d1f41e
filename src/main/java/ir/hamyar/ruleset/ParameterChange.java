package ir.hamyar.ruleset;

import ir.hamyar.engine.RuleTree;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "A new value from date D" for one parameter, written into its {@code parameters.yaml} as a line of its
 * {@code values:} in date order (replacing the value of that very date), so that the file keeps its comments and
 * layout and the draft's diff shows one line. The compiler still reads the result as any other edit.
 */
public record ParameterChange(String parameter, LocalDate from, BigDecimal value) {

    private static final Pattern VALUE_LINE = Pattern.compile("^(\\s+)(\\d{4}-\\d{2}-\\d{2})\\s*:.*$");

    /** The parameter file of {@code tree} that declares the parameter, with this change applied. */
    public Map.Entry<String, String> applyTo(RuleTree tree) {
        for (String path : tree.pathsNamed(RuleTree.PARAMETERS_FILE)) {
            List<String> lines = new ArrayList<>(List.of(tree.text(path).split("\n", -1)));
            int declared = lines.indexOf(parameter + ":");
            if (declared >= 0) {
                insert(lines, declared);
                return Map.entry(path, String.join("\n", lines));
            }
        }
        throw new InvalidInputException(new FieldError("parameter", "no parameters.yaml declares " + parameter));
    }

    private void insert(List<String> lines, int declared) {
        int values = -1;
        int end = declared + 1;
        while (end < lines.size()
                && (lines.get(end).startsWith(" ") || lines.get(end).isBlank())) {
            if (lines.get(end).strip().equals("values:")) {
                values = end;
            }
            end++;
        }
        if (values < 0) {
            throw new InvalidInputException(new FieldError("parameter", parameter + " has no values: list"));
        }
        String indent = "    ";
        int at = values + 1;
        while (at < end) {
            Matcher line = VALUE_LINE.matcher(lines.get(at));
            if (!line.matches()) {
                break;
            }
            indent = line.group(1);
            int order = LocalDate.parse(line.group(2)).compareTo(from);
            if (order == 0) {
                lines.set(at, entry(indent));
                return;
            }
            if (order > 0) {
                break;
            }
            at++;
        }
        lines.add(at, entry(indent));
    }

    private String entry(String indent) {
        return indent + from + ": " + value.stripTrailingZeros().toPlainString();
    }
}
