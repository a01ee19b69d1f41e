package ir.hamyar.erasure;

import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.json.JsonLimits;
import ir.hamyar.json.StrictJson;
import ir.hamyar.ledger.Erasures;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.profile.Reasons;
import ir.hamyar.profile.Refs;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Checks an erasure request and has the ledger forget the subject. */
@ApplicationScoped
public class SubjectErasure {

    private static final Logger LOG = Logger.getLogger(SubjectErasure.class);

    private final Erasures erasures;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public SubjectErasure(Erasures erasures, MeterRegistry metrics) {
        this.erasures = erasures;
        this.metrics = metrics;
    }

    public Erasures.Erasure erase(String subjectRef, byte[] body, Caller caller) {
        if (subjectRef == null || !subjectRef.matches(Refs.PATTERN)) {
            throw new InvalidInputException(new FieldError("subjectRef", Refs.MESSAGE));
        }
        ErasureRequest request = request(body);
        String organisation = organisation(subjectRef, request, caller);
        Erasures.Erasure erased = erasures.erase(
                organisation,
                subjectRef,
                caller.name(),
                request.reason(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        metrics.counter("hamyar_erasures_total").increment();
        LOG.infof("%s erased a subject: %d decision(s)", caller.name(), erased.decisions());
        return erased;
    }

    /**
     * Whose subject: the organisation named, else the admin's own; an admin of no organisation may leave it out when
     * the ref is on record in one organisation only (a ref of several is refused, naming the field).
     */
    private String organisation(String subjectRef, ErasureRequest request, Caller caller) {
        if (request.organisation() != null || caller.recordedOrganisation() != null) {
            return request.organisation() != null ? request.organisation() : caller.recordedOrganisation();
        }
        List<String> organisations = erasures.organisationsOf(subjectRef);
        if (organisations.size() > 1) {
            throw new InvalidInputException(new FieldError(
                    "organisation",
                    "this ref is a subject of " + organisations.size() + " organisations: name the one to erase"));
        }
        return organisations.isEmpty() ? null : organisations.get(0);
    }

    private static ErasureRequest request(byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        ErasureRequest request = StrictJson.bind(
                StrictJson.parse(body == null ? new byte[0] : body, JsonLimits.PROFILE),
                ErasureRequest.class,
                "",
                errors);
        if (request == null) {
            throw new InvalidInputException(new FieldError("", "must be an object with reason"));
        }
        String reason = Reasons.check(request.reason(), "say why the subject is erased", errors);
        if (request.organisation() != null && !Caller.isOrganisationName(request.organisation())) {
            errors.add(new FieldError(
                    "organisation",
                    "must be an organisation's name (1-64 letters, digits, spaces," + " dots, dashes or underscores)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the erasure request does not meet the contract", errors);
        }
        return new ErasureRequest(reason, request.organisation());
    }
}
