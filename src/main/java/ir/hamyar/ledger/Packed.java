package ir.hamyar.ledger;

import ir.hamyar.privacy.Sealed;

/**
 * A decision on its way to the chain, its input and answer already compressed ({@link Sealed#compress}): the request's
 * thread does that, so the writer threads have only to seal the bytes under the subject's key.
 */
record Packed(Answered decision, Sealed.Compressed input, Sealed.Compressed response) {

    static Packed of(Answered decision) {
        return new Packed(
                decision,
                Sealed.compress(decision.asked().input()),
                Sealed.compress(decision.response().utf8()));
    }
}
