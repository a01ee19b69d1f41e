package ir.hamyar.engine;

import ir.hamyar.facts.Conclusion;
import ir.hamyar.facts.Domain;
import ir.hamyar.facts.Family;
import ir.hamyar.facts.Group;
import ir.hamyar.facts.GroupMember;
import ir.hamyar.facts.Helper;
import ir.hamyar.facts.Member;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The run-time half of the subset: every conclusion a rule inserts must be one the deciding version's
 * {@code conclusions.yaml} declares — its type, for this kind of profile, a declared value, and a subject of the kind
 * the type names (the profile, one of its members, one of its domains). The static check already reads every literal;
 * this catches whatever a rule computes. A refusal names the rule, never the value it tried to draw.
 */
final class ConclusionGuard {

    private final ConclusionCatalogue catalogue;
    private final String kind;
    private final String profileRef;
    private final Set<String> memberRefs = new HashSet<>();
    private final Set<String> domains = new HashSet<>();

    private ConclusionGuard(ConclusionCatalogue catalogue, List<Object> facts) {
        this.catalogue = catalogue;
        String foundKind = null;
        String foundRef = null;
        for (Object fact : facts) {
            if (fact instanceof Family family) {
                foundKind = "family";
                foundRef = family.getRef();
            } else if (fact instanceof Group group) {
                foundKind = "group";
                foundRef = group.getRef();
            } else if (fact instanceof Helper helper) {
                foundKind = "helper";
                foundRef = helper.getRef();
            } else if (fact instanceof Member member) {
                memberRefs.add(member.getRef());
            } else if (fact instanceof GroupMember member) {
                memberRefs.add(member.getRef());
            } else if (fact instanceof Domain domain) {
                domains.add(domain.getName());
            }
        }
        this.kind = foundKind;
        this.profileRef = foundRef;
    }

    /** The guard of one evaluation of {@code facts}; it checks nothing for a tree that declares no conclusions. */
    static ConclusionGuard of(ConclusionCatalogue catalogue, List<Object> facts) {
        return new ConclusionGuard(catalogue, facts);
    }

    /** Throws {@link UndeclaredConclusion} when {@code conclusion} is not one the catalogue declares for this profile. */
    void check(Conclusion conclusion) {
        if (!catalogue.isDeclared()) {
            return;
        }
        ConclusionCatalogue.ConclusionType type = catalogue.types().get(conclusion.getType());
        if (type == null) {
            throw new UndeclaredConclusion("a type conclusions.yaml does not declare");
        }
        if (kind != null && !type.kind().equals(kind)) {
            throw new UndeclaredConclusion(conclusion.getType() + ", which conclusions.yaml declares for " + type.kind()
                    + " profiles, on a " + kind + " profile");
        }
        if (conclusion.getValue() == null || !type.values().containsKey(conclusion.getValue())) {
            throw new UndeclaredConclusion(conclusion.getType() + " with a value conclusions.yaml does not declare");
        }
        if (!isSubjectOfItsKind(type.subject(), conclusion.getSubject())) {
            throw new UndeclaredConclusion(
                    conclusion.getType() + " about a subject that is not a " + type.subject() + " of the profile");
        }
    }

    private boolean isSubjectOfItsKind(String subjectKind, String subject) {
        if (subject == null) {
            return false;
        }
        return switch (subjectKind) {
            case "family", "group", "helper" -> subject.equals(profileRef);
            case "member", "applicant", "child" -> memberRefs.contains(subject);
            case "domain" -> domains.contains(subject);
            default -> false;
        };
    }

    /** A rule drew a conclusion the catalogue does not declare; the message says what kind of fault, not the value. */
    static final class UndeclaredConclusion extends RuntimeException {
        UndeclaredConclusion(String what) {
            super("drew " + what, null, false, false);
        }
    }
}
