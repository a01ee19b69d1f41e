package ir.hamyar.profile;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The three kinds of profile a decision is asked for, by their name in the API. */
public enum ProfileKind {
    FAMILY("family", FamilyProfile.class),
    GROUP("group", GroupProfile.class),
    HELPER("helper", HelperProfile.class);

    private final String wireName;
    private final Class<?> wireType;

    ProfileKind(String wireName, Class<?> wireType) {
        this.wireName = wireName;
        this.wireType = wireType;
    }

    public String wireName() {
        return wireName;
    }

    Class<?> wireType() {
        return wireType;
    }

    /** The wire names, as an error lists them: {@code family, group, helper}. */
    public static String wireNames() {
        return Arrays.stream(values()).map(ProfileKind::wireName).collect(Collectors.joining(", "));
    }

    public static Optional<ProfileKind> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(name))
                .findFirst();
    }
}
