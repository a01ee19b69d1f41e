package ir.hamyar.profile;

import java.time.LocalDate;
import java.util.List;

/** A profile that met the contract, turned into the facts the rules see. */
public record ReadProfile(ProfileKind kind, String subjectRef, LocalDate assessedOn, List<Object> facts) {}
