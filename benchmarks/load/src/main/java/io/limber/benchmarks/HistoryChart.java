package io.limber.benchmarks;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The results' history as a PNG: one line per figure that is a ratio to a same-run yardstick
 * (those move less with the machine than absolute rates), one point per run.
 * {@code java -jar limber-benchmarks.jar chart --history FILE --out FILE.png}.
 */
final class HistoryChart {

    private final Path history;
    private final Path out;

    HistoryChart(Options o) {
        history = Path.of(o.get("history", "benchmarks/results/history.csv"));
        out = Path.of(o.get("out", "benchmarks/results/history.png"));
    }

    boolean run() throws IOException {
        System.setProperty("java.awt.headless", "true"); // drawn to a file, on machines with no display
        List<Results.Row> rows = Results.read(history);
        DefaultCategoryDataset ratios = new DefaultCategoryDataset();
        for (Results.Row row : rows) {
            if (row.value() != null && row.unit().equals("x yardstick")) {
                ratios.addValue(row.value(), row.figure(), row.run() + " " + row.commit());
            }
        }
        JFreeChart chart = ChartFactory.createLineChart(
                "Limber benchmarks: ratio to the same run's yardstick (higher is better)",
                "run",
                "x yardstick",
                ratios,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        renderer.setDefaultStroke(new BasicStroke(2f));
        ChartUtils.saveChartAsPNG(out.toFile(), chart, 1200, 700);
        System.out.println("Chart of " + ratios.getColumnCount() + " runs: " + out);
        return true;
    }
}
