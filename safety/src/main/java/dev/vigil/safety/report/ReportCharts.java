package dev.vigil.safety.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;

/**
 * The few chart kinds reports draw, rendered headless to PNG with JFreeChart in one house style (white
 * background, the same two series colours everywhere: policy teal, clinicians grey).
 */
public final class ReportCharts {

    /** Policy, then clinicians: the order series are given in. */
    public static final List<Color> SERIES = List.of(new Color(0x0b, 0x6e, 0x79), new Color(0x9a, 0xa5, 0xb1),
            new Color(0xc0, 0x5a, 0x1b), new Color(0x5b, 0x3f, 0x9e));

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    static {
        // Charts are drawn on servers and in CI: never ask for a display.
        System.setProperty("java.awt.headless", "true");
    }

    private ReportCharts() {
    }

    /**
     * Grouped bars: one group per category, one bar per series.
     *
     * @param values series name -> (category -> value), series in insertion order
     */
    public static byte[] groupedBars(String title, String valueAxis, Map<String, Map<String, Double>> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((series, byCategory) -> byCategory.forEach((category, v) -> data.addValue(v, series, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, true,
                false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < values.size(); i++) {
            renderer.setSeriesPaint(i, SERIES.get(i % SERIES.size()));
        }
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        return png(chart);
    }

    /**
     * Histograms of several samples on one axis, with an optional vertical line (e.g. the cost budget).
     *
     * @param samples series name -> values
     * @param line x of the vertical line, or NaN for none
     */
    public static byte[] histogram(String title, String xAxis, Map<String, double[]> samples, int bins, double line,
            String lineLabel) {
        HistogramDataset data = new HistogramDataset();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] values : samples.values()) {
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!Double.isFinite(min)) {
            min = 0;
            max = 1;
        }
        if (max <= min) {
            max = min + 1;
        }
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            if (e.getValue().length > 0) {
                data.addSeries(e.getKey(), e.getValue(), bins, min, max);
            }
        }
        JFreeChart chart = ChartFactory.createHistogram(title, xAxis, "episodes", data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < samples.size(); i++) {
            Color c = SERIES.get(i % SERIES.size());
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
        }
        if (Double.isFinite(line)) {
            ValueMarker marker = new ValueMarker(line, new Color(0xa4, 0x16, 0x1a), new BasicStroke(2f));
            marker.setLabel(lineLabel);
            plot.addDomainMarker(marker);
        }
        return png(chart);
    }

    private static byte[] png(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
