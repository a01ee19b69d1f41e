package ir.hamyar.facts;

import ir.hamyar.calendar.SolarHijri;
import java.time.LocalDate;

/** One member of a family: a pseudonymous ref, role, sex and birth date; ages are full Solar Hijri years. */
public final class Member {

    private final String ref;
    private final String role;
    private final String sex;
    private final LocalDate birthDate;
    private final boolean inCustody;

    public Member(String ref, String role, String sex, LocalDate birthDate, boolean inCustody) {
        this.ref = ref;
        this.role = role;
        this.sex = sex;
        this.birthDate = birthDate;
        this.inCustody = inCustody;
    }

    public String getRef() {
        return ref;
    }

    public String getRole() {
        return role;
    }

    public String getSex() {
        return sex;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public boolean isInCustody() {
        return inCustody;
    }

    public int ageOn(LocalDate date) {
        return SolarHijri.ageOn(birthDate, date);
    }

    /** The Solar Hijri anniversary on which this member turns {@code age}. */
    public LocalDate birthday(int age) {
        return SolarHijri.birthday(birthDate, age);
    }
}
