package ir.hamyar.report;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A report as one table, the same in JSON and CSV: its columns and rows, each count a number from 5 up, 0, or the
 * text {@code "<5"} (a count from 1 to 4, which could identify a family). Over the decisions of one organisation, or
 * of every organisation ({@code *}), made in [from, to] (days in Asia/Tehran, both included).
 */
@Schema(name = "Report")
public record Report(
        @Schema(enumeration = {"tiers", "transitions", "safehouse", "visits"}) String report,
        LocalDate from,
        String fromJalali,
        LocalDate to,
        String toJalali,
        @Schema(description = "month or quarter (Solar Hijri); tiers and visits only", nullable = true) String interval,
        @Schema(
                        description = "the organisation counted, * for every organisation, none for records of none",
                        nullable = true)
                String organisation,
        List<String> columns,
        @Schema(
                        type = SchemaType.ARRAY,
                        description =
                                "rows of cells: labels as text, counts as numbers or \"<5\", a target and whether it was met")
                List<List<Object>> rows) {}
