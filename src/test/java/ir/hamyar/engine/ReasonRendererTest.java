package ir.hamyar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.facts.Text;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonRendererTest {

    private static final Map<String, Object> VALUES = Map.of(
            "age",
            13,
            "exitOn",
            LocalDate.of(2027, 3, 20),
            "domain",
            new Text("اقتصادی", "economic"),
            "signs",
            List.of(new Text("کار کودک", "child labour"), new Text("بی‌خانمانی", "homelessness")));

    @Test
    void persianReasonsShowPersianDigitsAndSolarHijriDates() {
        assertThat(ReasonRenderer.persian("پسر {age} سال دارد؛ خروج در {exitOn}، حوزه {domain}: {signs}.", VALUES))
                .isEqualTo("پسر ۱۳ سال دارد؛ خروج در ۱۴۰۵/۱۲/۲۹، حوزه اقتصادی: کار کودک؛ بی‌خانمانی.");
    }

    @Test
    void englishReasonsShowTheIsoDateWithItsSolarHijriTwin() {
        assertThat(ReasonRenderer.english("The son is {age}; exit on {exitOn}; {domain}: {signs}.", VALUES))
                .isEqualTo("The son is 13; exit on 2027-03-20 (1405-12-29); economic: child labour; homelessness.");
    }

    @Test
    void whatIsNotAKnownPlaceholderIsLeftAsWritten() {
        assertThat(ReasonRenderer.english("{unknown} {age}{age} {} { age} {age {ag-e} {{age}} end {", VALUES))
                .isEqualTo("{unknown} 1313 {} { age} {age {ag-e} {13} end {");
    }

    @Test
    void aTemplateWithoutPlaceholdersIsReturnedWhole() {
        assertThat(ReasonRenderer.english("Daughters stay at any age.", VALUES))
                .isEqualTo("Daughters stay at any age.");
        assertThat(ReasonRenderer.english(null, VALUES)).isNull();
    }
}
