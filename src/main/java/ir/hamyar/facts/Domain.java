package ir.hamyar.facts;

/** A domain of the indicator catalogue (ECONOMIC, SOCIAL, CULTURAL), present for every family profile. */
public final class Domain {

    private final String name;

    public Domain(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
