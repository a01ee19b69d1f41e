package ir.hamyar.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The chain heads at a moment, signed: {@code hmac = HMAC-SHA256(key, seq + "|" + hash + "|" + at)}, followed by
 * {@code "|" + overrideSeq + "|" + overrideHash} once the override chain has a record, and by {@code "|lanes|" +
 * seq:hash,seq:hash…} once a lane of the decision chain other than the first has one (a checkpoint written before
 * either keeps the shorter form, so earlier checkpoint lines verify as they did). {@code seq} and {@code hash} are the
 * first lane's head (0 and the genesis hash while it has no record), {@code lanes} the other lanes' heads in lane
 * order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Checkpoint(
        long seq, String hash, Long overrideSeq, String overrideHash, List<Head> lanes, Instant at, String hmac) {

    /** A lane's newest record: its seq (which says the lane) and hash. */
    public record Head(long seq, String hash) {

        public int lane() {
            return Lanes.of(seq);
        }
    }

    /** The text the HMAC signs (docs/audit.md's command rebuilds it from the checkpoint line). */
    public String signed() {
        String decisions = seq + "|" + hash + "|" + at;
        String overrides = overrideSeq == null ? "" : "|" + overrideSeq + "|" + overrideHash;
        String otherLanes = lanes == null
                ? ""
                : "|lanes|"
                        + lanes.stream()
                                .map(head -> head.seq() + ":" + head.hash())
                                .collect(Collectors.joining(","));
        return decisions + overrides + otherLanes;
    }

    /** Every lane's head this checkpoint signs, the first lane's included when it has a record. */
    public List<Head> heads() {
        List<Head> first = seq == 0 ? List.of() : List.of(new Head(seq, hash));
        return lanes == null
                ? first
                : Stream.concat(first.stream(), lanes.stream()).toList();
    }

    Checkpoint signedWith(String hmac) {
        return new Checkpoint(seq, hash, overrideSeq, overrideHash, lanes, at, hmac);
    }
}
