package ir.hamyar.engine;

import ir.hamyar.facts.Text;
import java.util.function.Consumer;

/**
 * Checks what a rule's annotations or a parameter's fields say of its provenance. None at all is allowed, so that
 * every version stored before Policy v1.2 still compiles; the shipped policy is held to having one everywhere by its
 * tests. What is given must be whole: PROGRAMME names a known programme and quotes its words; ASSUMPTION says why in
 * both languages.
 */
final class ProvenanceReader {

    private ProvenanceReader() {}

    /** The fields as written, any of them null. */
    record Written(String kind, String programme, String words, Text why) {

        boolean isEmpty() {
            return kind == null && programme == null && words == null && why.fa() == null && why.en() == null;
        }
    }

    /** The provenance written, or null when none is (or it is wrong: each fault is handed to {@code problem}). */
    static Provenance read(Written written, ProgrammeCatalogue programmes, Consumer<String> problem) {
        if (written.isEmpty()) {
            return null;
        }
        if (Provenance.Kind.PROGRAMME.name().equals(written.kind())) {
            return programme(written, programmes, problem);
        }
        if (Provenance.Kind.ASSUMPTION.name().equals(written.kind())) {
            return assumption(written, problem);
        }
        problem.accept("provenance must be PROGRAMME or ASSUMPTION");
        return null;
    }

    private static Provenance programme(Written written, ProgrammeCatalogue programmes, Consumer<String> problem) {
        Text name = written.programme() == null ? null : programmes.name(written.programme());
        int faults = 0;
        if (name == null) {
            problem.accept("a PROGRAMME provenance names a programme of " + RuleTree.PROGRAMMES_FILE
                    + (written.programme() == null ? "" : "; there is no programme " + written.programme()));
            faults++;
        }
        if (isBlank(written.words())) {
            problem.accept("a PROGRAMME provenance quotes the Persian words of the programme text it reads");
            faults++;
        }
        if (written.why().fa() != null || written.why().en() != null) {
            problem.accept("a PROGRAMME provenance gives the programme's words, not a why");
            faults++;
        }
        return faults > 0
                ? null
                : new Provenance(Provenance.Kind.PROGRAMME, written.programme(), name, written.words(), null);
    }

    private static Provenance assumption(Written written, Consumer<String> problem) {
        int faults = 0;
        if (isBlank(written.why().fa()) || isBlank(written.why().en())) {
            problem.accept("an ASSUMPTION provenance says why in Persian and in English");
            faults++;
        }
        if (written.programme() != null || written.words() != null) {
            problem.accept("an ASSUMPTION provenance quotes no programme");
            faults++;
        }
        return faults > 0 ? null : new Provenance(Provenance.Kind.ASSUMPTION, null, null, null, written.why());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
