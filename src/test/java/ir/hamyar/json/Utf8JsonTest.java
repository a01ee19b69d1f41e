package ir.hamyar.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Utf8JsonTest {

    @Test
    void theBytesAreTheTextEncodedToUtf8EvenOutsideTheBmp() {
        Map<String, String> value = Map.of("reason", "خانواده 😀 family");
        Utf8Json written = Utf8Json.write(value);
        assertThat(written.utf8())
                .as("4-byte UTF-8 as the String path sent it, not surrogate escapes")
                .isEqualTo(Json.write(value).getBytes(StandardCharsets.UTF_8));
        assertThat(written.text()).isEqualTo("{\"reason\":\"خانواده 😀 family\"}");
    }

    @Test
    void aLoneSurrogateKeepsItsEscapeInsteadOfFailingTheAnswer() {
        assertThat(Utf8Json.write(Map.of("ref", "a\ud800b")).text()).isEqualTo("{\"ref\":\"a\\uD800b\"}");
    }

    @Test
    void textReadBackStaysTheTextAndNullStaysNull() {
        assertThat(Utf8Json.ofText("{\"a\":1}").utf8()).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(Utf8Json.ofText(null)).isNull();
    }
}
