package ir.hamyar.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hamyar.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What people type into console forms: Persian, Arabic-Indic and Latin digits, Solar Hijri or ISO dates. */
class ConsoleInputTest {

    @Test
    void aDateIsReadInSolarHijriOrIsoInAnyDigits() {
        assertThat(ConsoleInput.date("۱۴۰۵/۰۱/۰۱", "from")).isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(ConsoleInput.date("١٤٠٥-٠٩-١١", "from")).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(ConsoleInput.date(" 2026-03-21 ", "from")).isEqualTo(LocalDate.of(2026, 3, 21));
    }

    @Test
    void anImpossibleOrUnreadableDateIsRefusedNamingItsField() {
        assertThatThrownBy(() -> ConsoleInput.date("1404/12/30", "from"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(
                                ((InvalidInputException) e).errors().get(0).field())
                        .isEqualTo("from"));
        assertThatThrownBy(() -> ConsoleInput.date("2026-02-30", "from")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ConsoleInput.date("next spring", "from")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aNumberIsReadInAnyDigitsWithPersianSeparators() {
        assertThat(ConsoleInput.number("۱۴", "value")).isEqualByComparingTo("14");
        assertThat(ConsoleInput.number("۵۰٬۰۰۰", "value")).isEqualByComparingTo(new BigDecimal("50000"));
        assertThat(ConsoleInput.number("۲٫۵", "value")).isEqualByComparingTo("2.5");
        assertThatThrownBy(() -> ConsoleInput.number("چهارده", "value")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void textKeepsItsDigitsAndTakesPersianLetters() {
        assertThat(ConsoleInput.text("پسران تا ۱۴ سالگي در خانه امن مي‌مانند؛ كودك"))
                .isEqualTo("پسران تا ۱۴ سالگی در خانه امن می‌مانند؛ کودک");
    }
}
