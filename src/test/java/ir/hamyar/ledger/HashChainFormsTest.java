package ir.hamyar.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Names may hold the separator of the first chain forms ({@code |}): two records that differ only in where a {@code |}
 * falls between two fields hashed alike, so one could be passed off as the other. Form 3 prefixes each field with its
 * length, and they hash apart.
 */
class HashChainFormsTest {

    private static final UUID ID = UUID.fromString("01900000-0000-7000-8000-000000000001");
    private static final UUID KEY = UUID.fromString("01900000-0000-7000-8000-0000000000aa");
    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void aSeparatorInANameCannotMoveAFieldBoundaryInFormThree() {
        Asked oneWay = asked("intake|x", "resend-1");
        Asked otherWay = asked("intake", "x|resend-1");

        assertThat(HashChain.link(HashChain.GENESIS, 1, chained(oneWay, null)))
                .as("the first forms: the same text, the same hash")
                .isEqualTo(HashChain.link(HashChain.GENESIS, 1, chained(otherWay, null)));
        assertThat(HashChain.link(HashChain.GENESIS, 1, chained(oneWay, HashChain.LENGTH_PREFIXED)))
                .isNotEqualTo(HashChain.link(HashChain.GENESIS, 1, chained(otherWay, HashChain.LENGTH_PREFIXED)));
    }

    @Test
    void formThreeWritesEachFieldWithItsLengthAndNoneAsATilde() {
        assertThat(HashChain.lengthPrefixed("a|b")).isEqualTo("3:a|b");
        assertThat(HashChain.lengthPrefixed("")).isEqualTo("0:");
        assertThat(HashChain.lengthPrefixed(null)).isEqualTo("~");
    }

    private static Asked asked(String caller, String idempotencyKey) {
        return new Asked(
                ID,
                "family",
                "F-1",
                LocalDate.of(2026, 11, 20),
                AT,
                caller,
                "safe-house-tehran",
                idempotencyKey,
                "a".repeat(64),
                1,
                "b".repeat(64),
                null);
    }

    private static HashChain.Chained chained(Asked asked, Integer form) {
        return new HashChain.Chained(asked, AT, "c".repeat(64), "d".repeat(64), KEY, List.of("tiering/Rule"), form);
    }
}
