package ir.hamyar.profile;

/** The shape of every pseudonymous reference: never a name or a national ID. */
public final class Refs {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    public static final String MESSAGE = "must be 1-64 characters [A-Za-z0-9._-], starting with a letter or digit";

    private Refs() {}
}
