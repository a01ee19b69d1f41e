package ir.hamyar.evaluation;

import ir.hamyar.profile.ReadProfile;
import java.util.List;

/** A profile decided: the profile as read, its conclusions as the contract answers them, and every rule fired in order. */
public record Evaluated(ReadProfile profile, List<ConclusionView> conclusions, List<String> firedRules) {}
