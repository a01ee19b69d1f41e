package ir.hamyar.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A profile that met the contract, turned into the facts the rules see; {@code dates} are the dates it gave by field
 * path (relative to the profile), {@code assessedOn} first.
 */
public record ReadProfile(
        ProfileKind kind, String subjectRef, LocalDate assessedOn, List<Object> facts, Map<String, LocalDate> dates) {

    /**
     * The field whose date is {@code date}, for an error about the policy in force on it: {@code assessedOn} when it
     * is that date, else the first other date field (birth dates aside: the policy is never read on them).
     */
    public String fieldDated(LocalDate date) {
        return dates.entrySet().stream()
                .filter(entry ->
                        entry.getValue().equals(date) && !entry.getKey().endsWith("birthDate"))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("assessedOn");
    }
}
