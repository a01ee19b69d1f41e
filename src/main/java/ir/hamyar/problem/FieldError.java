package ir.hamyar.problem;

/** One invalid field: its JSON path ({@code members[2].birthDate}) and what is wrong, never the value sent. */
public record FieldError(String field, String message) {}
