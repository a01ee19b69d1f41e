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
        String reason = reason(body);
        Erasures.Erasure erased = erasures.erase(
                subjectRef, caller.name(), reason, clock.instant().truncatedTo(ChronoUnit.MICROS));
        metrics.counter("hamyar_erasures_total").increment();
        LOG.infof("%s erased a subject: %d decision(s)", caller.name(), erased.decisions());
        return erased;
    }

    private static String reason(byte[] body) {
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
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the erasure request does not meet the contract", errors);
        }
        return reason;
    }
}
