package ir.hamyar.profile;

/** The closed vocabularies of the contract. */
public final class Enums {

    private Enums() {}

    public enum Role {
        HEAD,
        SPOUSE,
        CHILD,
        OTHER
    }

    public enum Sex {
        FEMALE,
        MALE
    }

    public enum Circumstance {
        DOMESTIC_VIOLENCE,
        FEMALE_HEADED,
        HEAD_IMPRISONED,
        CHILD_LABOUR,
        LACKS_CLOTHING
    }

    public enum CaseworkCategory {
        POOR_FAMILY,
        ELDERLY_OR_DISABLED,
        ORPHAN_FAMILY
    }

    public enum CareStatus {
        DISCHARGED,
        DISCHARGE_PENDING,
        IN_CARE,
        NEVER_IN_CARE
    }
}
