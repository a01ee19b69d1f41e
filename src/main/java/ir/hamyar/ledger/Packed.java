package ir.hamyar.ledger;

import ir.hamyar.privacy.Sealed;

/**
 * A decision on its way to the chain, its input and answer already deflated ({@link Sealed#deflate}): the request's
 * thread does that, so the one writer thread has only to seal the bytes under the subject's key.
 */
record Packed(Answered decision, byte[] input, byte[] response) {

    static Packed of(Answered decision) {
        return new Packed(decision, Sealed.deflate(decision.asked().input()), Sealed.deflate(decision.response()));
    }
}
