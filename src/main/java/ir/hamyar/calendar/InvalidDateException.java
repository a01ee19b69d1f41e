package ir.hamyar.calendar;

/** A date that cannot be read or does not exist; the message is safe to show and never repeats the input. */
public class InvalidDateException extends RuntimeException {

    public InvalidDateException(String message) {
        super(message, null, false, false);
    }
}
