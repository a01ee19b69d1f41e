package ir.hamyar.facts;

/** One answered indicator of a family: its code, the domain it belongs to and its score 1–5. */
public final class Score {

    private final String code;
    private final String domain;
    private final int value;

    public Score(String code, String domain, int value) {
        this.code = code;
        this.domain = domain;
        this.value = value;
    }

    public String getCode() {
        return code;
    }

    public String getDomain() {
        return domain;
    }

    public int getValue() {
        return value;
    }
}
