package ir.hamyar.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule tree that does not compile, with every problem found. */
public class RuleCompilationException extends RuntimeException {

    private final transient List<CompileProblem> problems;

    public RuleCompilationException(List<CompileProblem> problems) {
        super("rule tree does not compile:\n"
                + problems.stream().map(CompileProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CompileProblem> problems() {
        return problems;
    }
}
