package ir.hamyar.report;

import java.util.List;
import java.util.StringJoiner;

/** A report as CSV (RFC 4180, CRLF): the columns, then the rows; no cell may start a spreadsheet formula. */
final class ReportCsv {

    private ReportCsv() {}

    static String of(Report report) {
        StringBuilder csv = new StringBuilder();
        line(csv, List.copyOf(report.columns()));
        report.rows().forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> cells) {
        StringJoiner line = new StringJoiner(",");
        cells.forEach(cell -> line.add(cell(cell == null ? "" : String.valueOf(cell))));
        csv.append(line).append("\r\n");
    }

    private static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
