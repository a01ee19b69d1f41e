package ir.hamyar.problem;

/**
 * What a service says went wrong, in its own terms; {@link ProblemResponses#of(DomainException)} alone decides the
 * HTTP status of each kind. {@code slug} names the problem type ({@code urn:hamyar:problem:<slug>}).
 */
public abstract class DomainException extends RuntimeException {

    private final String slug;
    private final String title;

    protected DomainException(String slug, String title, String detail) {
        super(detail, null, false, false);
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Nothing the caller may see is there. */
    public static class NotFound extends DomainException {
        public NotFound() {
            super("not-found", "Not found", "no such resource");
        }

        public NotFound(String detail) {
            super("not-found", "Not found", detail);
        }
    }

    /** The request conflicts with the state of what it acts on. */
    public static class Conflict extends DomainException {
        public Conflict(String slug, String title, String detail) {
            super(slug, title, detail);
        }

        /** What was asked needs a record's input or answer, and a subject's erasure wiped them; the detail says which. */
        public static Conflict erased(String detail) {
            return new Conflict("erased", "Decision erased", detail);
        }
    }

    /** The caller is known and may use this endpoint, but not on this resource (an author approving her own draft). */
    public static class Forbidden extends DomainException {
        public Forbidden(String slug, String title, String detail) {
            super(slug, title, detail);
        }
    }

    /** The service cannot do it now; the same request may succeed later. */
    public static class Unavailable extends DomainException {
        public Unavailable(String slug, String title, String detail) {
            super(slug, title, detail);
        }
    }

    /** Too many such requests are running or waiting; the same request may be sent again after {@code retryAfter}. */
    public static class Busy extends DomainException {
        private final long retryAfterSeconds;

        public Busy(String detail, long retryAfterSeconds) {
            super("busy", "Too many requests of this kind", detail);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** The body is not in a form the service reads (an encoding, a compression). */
    public static class Unsupported extends DomainException {
        public Unsupported(String slug, String title, String detail) {
            super(slug, title, detail);
        }
    }
}
