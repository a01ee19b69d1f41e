package ir.hamyar.facts;

import java.time.LocalDate;

public record Member(String ref, String role, String sex, LocalDate birthDate, boolean inCustody) {

    public String getRef() {
        return ref;
    }

    public String getRole() {
        return role;
    }

    public String getSex() {
        return sex;
    }

    public boolean isInCustody() {
        return inCustody;
    }

    public int ageOn(LocalDate date) {
        return PersianDates.ageOn(birthDate, date);
    }

    public LocalDate birthday(int age) {
        return PersianDates.plusYears(birthDate, age);
    }
}
