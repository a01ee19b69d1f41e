package ir.hamyar.engine;

/** One message of a failed compilation, located in the rule tree; line and column are 0 when unknown. */
public record CompileProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
