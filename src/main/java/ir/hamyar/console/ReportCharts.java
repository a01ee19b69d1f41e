package ir.hamyar.console;

import ir.hamyar.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Lays out the reports' charts as SVG shapes for the page to draw: no script, no inline style (the console's CSP),
 * colours by class in console.css. A count shown as "<5" is drawn as nothing in bars and as its own shade in the
 * grid: the chart never tells more than the table beside it.
 */
final class ReportCharts {

    static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LABELS = 28;
    private static final int CELL = 110;
    private static final int ROW_LABELS = 210;

    private ReportCharts() {}

    /** One bar per row, stacked by the columns from {@code firstCount} on (tiers per month). */
    static Chart stackedBars(Report report, int firstCount, UnaryOperator<String> words) {
        List<List<Object>> rows = report.rows();
        long highest = 1;
        for (List<Object> row : rows) {
            long total = 0;
            for (int column = firstCount; column < row.size(); column++) {
                total += count(row.get(column));
            }
            highest = Math.max(highest, total);
        }
        int slot = Math.max(4, WIDTH / Math.max(1, rows.size()));
        int bar = Math.max(3, slot * 2 / 3);
        int every = Math.max(1, (rows.size() * 40 + WIDTH - 1) / WIDTH);
        List<Shape> shapes = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            int x = i * slot + (slot - bar) / 2;
            int top = HEIGHT;
            for (int column = firstCount; column < row.size(); column++) {
                long value = count(row.get(column));
                int height = (int) Math.round((double) value * (HEIGHT - 10) / highest);
                if (height > 0) {
                    top -= height;
                    shapes.add(new Shape(
                            x,
                            top,
                            bar,
                            height,
                            "value-" + report.columns().get(column),
                            words.apply(String.valueOf(row.get(0))) + " "
                                    + words.apply(report.columns().get(column)) + ": "
                                    + words.apply(String.valueOf(row.get(column)))));
                }
            }
            if (i % every == 0) {
                labels.add(new Label(x + bar / 2, HEIGHT + 18, words.apply(String.valueOf(row.get(0))), "middle"));
            }
        }
        return new Chart(Math.max(WIDTH, rows.size() * slot), HEIGHT + LABELS, shapes, labels);
    }

    /** A square per cell of a matrix whose first column names the row (transitions: first tier → latest tier). */
    static Chart heatGrid(Report report, UnaryOperator<String> words) {
        List<List<Object>> rows = report.rows();
        List<String> columns = report.columns().subList(1, report.columns().size());
        long highest = 1;
        for (List<Object> row : rows) {
            for (int column = 1; column < row.size(); column++) {
                highest = Math.max(highest, count(row.get(column)));
            }
        }
        List<Shape> shapes = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            labels.add(new Label(ROW_LABELS + c * CELL + CELL / 2, 20, words.apply(columns.get(c)), "middle"));
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            int y = LABELS + r * CELL;
            labels.add(new Label(ROW_LABELS - 8, y + CELL / 2 + 5, words.apply(String.valueOf(row.get(0))), "end"));
            for (int column = 1; column < row.size(); column++) {
                Object cell = row.get(column);
                long value = count(cell);
                String shade = cell instanceof String
                        ? "heat-small"
                        : value == 0 ? "heat-0" : "heat-" + Math.max(1, Math.round(4.0 * value / highest));
                int x = ROW_LABELS + (column - 1) * CELL;
                shapes.add(new Shape(
                        x,
                        y,
                        CELL - 2,
                        CELL - 2,
                        shade,
                        words.apply(String.valueOf(row.get(0))) + " → " + words.apply(columns.get(column - 1)) + ": "
                                + words.apply(String.valueOf(cell))));
                labels.add(new Label(x + CELL / 2 - 1, y + CELL / 2 + 5, words.apply(String.valueOf(cell)), "middle"));
            }
        }
        return new Chart(ROW_LABELS + columns.size() * CELL, LABELS + rows.size() * CELL, shapes, labels);
    }

    /** A horizontal bar per row, its count in the last column (safe-house outcomes). */
    static Chart bars(Report report, UnaryOperator<String> words) {
        List<List<Object>> rows = report.rows();
        int countColumn = report.columns().size() - 1;
        long highest = 1;
        for (List<Object> row : rows) {
            highest = Math.max(highest, count(row.get(countColumn)));
        }
        int height = 26;
        List<Shape> shapes = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            int y = r * height;
            long value = count(row.get(countColumn));
            int width = (int) Math.round((double) value * (WIDTH - ROW_LABELS - 60) / highest);
            labels.add(new Label(ROW_LABELS - 8, y + 17, words.apply(String.valueOf(row.get(1))), "end"));
            if (width > 0) {
                shapes.add(new Shape(
                        ROW_LABELS,
                        y + 4,
                        width,
                        height - 8,
                        "value-" + row.get(1),
                        words.apply(String.valueOf(row.get(1))) + ": "
                                + words.apply(String.valueOf(row.get(countColumn)))));
            }
            labels.add(new Label(
                    ROW_LABELS + width + 6, y + 17, words.apply(String.valueOf(row.get(countColumn))), "start"));
        }
        return new Chart(WIDTH, rows.size() * height, shapes, labels);
    }

    /**
     * One bar per row from its count column, with a mark at the height of its target column where it has one (home
     * visits per month against the unit's target); rows of several organisations are labelled with theirs.
     */
    static Chart barsAgainstTarget(
            Report report, int countColumn, int targetColumn, int organisationColumn, UnaryOperator<String> words) {
        List<List<Object>> rows = report.rows();
        boolean organisations =
                rows.stream().map(row -> row.get(organisationColumn)).distinct().count() > 1;
        long highest = 1;
        for (List<Object> row : rows) {
            highest = Math.max(highest, Math.max(count(row.get(countColumn)), count(row.get(targetColumn))));
        }
        int slot = Math.max(4, WIDTH / Math.max(1, rows.size()));
        int bar = Math.max(3, slot * 2 / 3);
        int every = Math.max(1, (rows.size() * 60 + WIDTH - 1) / WIDTH);
        List<Shape> shapes = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            String name =
                    words.apply(String.valueOf(row.get(0))) + (organisations ? " " + row.get(organisationColumn) : "");
            int x = i * slot + (slot - bar) / 2;
            int height = (int) Math.round((double) count(row.get(countColumn)) * (HEIGHT - 10) / highest);
            if (height > 0) {
                shapes.add(new Shape(
                        x,
                        HEIGHT - height,
                        bar,
                        height,
                        "visits",
                        name + ": " + words.apply(String.valueOf(row.get(countColumn)))));
            }
            if (row.get(targetColumn) instanceof Number target) {
                int y = HEIGHT - (int) Math.round(target.doubleValue() * (HEIGHT - 10) / highest);
                shapes.add(new Shape(
                        i * slot,
                        y - 1,
                        slot,
                        2,
                        "target",
                        name + " — " + words.apply("target") + ": " + words.apply(String.valueOf(target))));
            }
            if (i % every == 0) {
                labels.add(new Label(x + bar / 2, HEIGHT + 18, name, "middle"));
            }
        }
        return new Chart(Math.max(WIDTH, rows.size() * slot), HEIGHT + LABELS, shapes, labels);
    }

    /** A count as drawn: "<5" (1 to 4, not told) as 0. */
    private static long count(Object cell) {
        return cell instanceof Number number ? number.longValue() : 0;
    }

    /** What to draw: its size, its rectangles, its texts. */
    record Chart(int width, int height, List<Shape> shapes, List<Label> labels) {

        /** The chart read from the right, for a right-to-left page: labels on the right, first column rightmost. */
        Chart mirrored() {
            return new Chart(
                    width,
                    height,
                    shapes.stream()
                            .map(s -> new Shape(
                                    width - s.x() - s.width(), s.y(), s.width(), s.height(), s.shade(), s.title()))
                            .toList(),
                    labels.stream()
                            .map(l -> new Label(
                                    width - l.x(),
                                    l.y(),
                                    l.text(),
                                    switch (l.anchor()) {
                                        case "start" -> "end";
                                        case "end" -> "start";
                                        default -> l.anchor();
                                    }))
                            .toList());
        }
    }

    /** A rectangle, its class (colour) and what it says when pointed at. */
    record Shape(int x, int y, int width, int height, String shade, String title) {}

    /** A text at a point ({@code anchor}: start, middle, end), in the page's words and digits. */
    record Label(int x, int y, String text, String anchor) {}
}
