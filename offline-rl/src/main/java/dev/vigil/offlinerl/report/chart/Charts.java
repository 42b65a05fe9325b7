package dev.vigil.offlinerl.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders the figures reports share to PNG with JFreeChart, headless (no display needed: {@code java.awt.headless}
 * is set to true unless the JVM was started with a value). Colours are fixed so the same data gives the same picture.
 * NaN values are left out of line and scatter plots and drawn as empty cells in heat maps.
 */
public final class Charts {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Series colours, in order (colour-blind safe, Okabe-Ito). */
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(240, 228, 66),
        Color.DARK_GRAY};

    private Charts() {
    }

    /** A labelled point of a scatter plot. */
    public record LabelledPoint(String series, double x, double y) {
    }

    /**
     * Lines through (x, y) points, one series per map entry (in map order).
     *
     * @param series name to points {@code double[n][2]}
     */
    public static Figure lines(String name, String title, String xLabel, String yLabel,
            Map<String, double[][]> series, int width, int height) {
        XYSeriesCollection collection = new XYSeriesCollection();
        for (Map.Entry<String, double[][]> s : series.entrySet()) {
            XYSeries xy = new XYSeries(s.getKey(), false, true);
            for (double[] p : s.getValue()) {
                if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                    xy.add(p[0], p[1]);
                }
            }
            collection.addSeries(xy);
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        style(renderer, series.size());
        XYPlot plot = new XYPlot(collection, x, y, renderer);
        return render(name, title, plot, true, width, height);
    }

    /**
     * A scatter plot with a vertical reference line (e.g. the cost budget on the x axis).
     *
     * @param points grouped into series by {@link LabelledPoint#series()}, in first-seen order
     * @param referenceX where the vertical line goes, or NaN for none
     * @param referenceLabel the line's label
     */
    public static Figure scatter(String name, String title, String xLabel, String yLabel, List<LabelledPoint> points,
            double referenceX, String referenceLabel, int width, int height) {
        XYSeriesCollection collection = new XYSeriesCollection();
        for (LabelledPoint p : points) {
            int index = collection.getSeriesIndex(p.series());
            XYSeries s = index >= 0 ? collection.getSeries(index) : new XYSeries(p.series(), false, true);
            if (index < 0) {
                collection.addSeries(s);
            }
            if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
                s.add(p.x(), p.y());
            }
        }
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        style(renderer, collection.getSeriesCount());
        XYPlot plot = new XYPlot(collection, x, y, renderer);
        if (Double.isFinite(referenceX)) {
            ValueMarker marker = new ValueMarker(referenceX, Color.RED, new BasicStroke(2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel(referenceLabel);
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelOffset(new RectangleInsets(10, 10, 10, 10));
            plot.addDomainMarker(marker);
            // Keep the budget line in view even when every point lies to one side of it.
            double lo = Math.min(referenceX, collection.getDomainLowerBound(false));
            double hi = Math.max(referenceX, collection.getDomainUpperBound(false));
            if (Double.isFinite(lo) && Double.isFinite(hi)) {
                double pad = Math.max(1e-9, (hi - lo) * 0.1);
                x.setRange(Math.min(0, lo - pad), hi + pad);
            }
        }
        return render(name, title, plot, true, width, height);
    }

    /**
     * Grouped bars.
     *
     * @param values {@code [series][category]}
     */
    public static Figure bars(String name, String title, String yLabel, List<String> series, List<String> categories,
            double[][] values, int width, int height) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                dataset.addValue(Double.isFinite(values[s][c]) ? values[s][c] : null, series.get(s),
                        categories.get(c));
            }
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        CategoryPlot plot = new CategoryPlot(dataset, new org.jfree.chart.axis.CategoryAxis(null),
                new NumberAxis(yLabel), renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return render(name, title, plot, true, width, height);
    }

    /**
     * A heat map of a matrix, row 0 at the bottom, with a white-to-blue colour scale from 0 to the largest value.
     *
     * @param values {@code [row][column]}
     */
    public static Figure heatMap(String name, String title, String rowLabel, String columnLabel, double[][] values,
            int width, int height) {
        int rows = values.length;
        int columns = rows == 0 ? 0 : values[0].length;
        double[][] xyz = new double[3][rows * columns];
        double max = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int k = r * columns + c;
                xyz[0][k] = c;
                xyz[1][k] = r;
                xyz[2][k] = values[r][c];
                if (Double.isFinite(values[r][c])) {
                    max = Math.max(max, values[r][c]);
                }
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("values", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        PaintScale scale = new BlueScale(max > 0 ? max : 1);
        renderer.setPaintScale(scale);
        NumberAxis x = integerAxis(columnLabel, columns);
        NumberAxis y = integerAxis(rowLabel, rows);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
        NumberAxis scaleAxis = new NumberAxis(null);
        scaleAxis.setRange(0, max > 0 ? max : 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(5, 5, 5, 5));
        legend.setStripWidth(12);
        chart.addSubtitle(legend);
        return png(name, title, chart, width, height);
    }

    private static NumberAxis integerAxis(String label, int count) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(-0.5, count - 0.5);
        axis.setTickUnit(new NumberTickUnit(count > 12 ? 5 : 1));
        return axis;
    }

    private static void style(XYLineAndShapeRenderer renderer, int series) {
        for (int s = 0; s < series; s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
    }

    private static Figure render(String name, String title, org.jfree.chart.plot.Plot plot, boolean legend, int width,
            int height) {
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, legend);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        return png(name, title, chart, width, height);
    }

    private static Figure png(String name, String title, JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 14)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render figure " + name + " as PNG", e);
        }
        return new Figure(name, title, out.toByteArray(), width, height);
    }

    /** White (0) to dark blue (max); NaN is transparent. */
    private record BlueScale(double max) implements PaintScale {

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public java.awt.Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return new Color(0, 0, 0, 0);
            }
            double f = Math.max(0, Math.min(1, value / max));
            return new Color((int) Math.round(255 - f * 247), (int) Math.round(255 - f * 207),
                    (int) Math.round(255 - f * 148));
        }
    }
}
