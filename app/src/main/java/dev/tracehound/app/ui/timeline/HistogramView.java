package dev.tracehound.app.ui.timeline;

import dev.tracehound.app.format.TimeFormat;
import dev.tracehound.app.ui.search.SearchViewModel;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Events over time as bars. Dragging across it selects a time range, which filters the search (a {@code ts}
 * range); a click without dragging clears the range.
 */
public final class HistogramView extends Region {
    private static final double AXIS = 18;
    private final Canvas canvas = new Canvas();
    private final HistogramViewModel vm;
    private final SearchViewModel search;
    private Double dragStart;
    private Double dragEnd;

    public HistogramView(HistogramViewModel vm, SearchViewModel search) {
        this.vm = vm;
        this.search = search;
        setId("histogram");
        getStyleClass().add("histogram");
        setPrefHeight(110);
        setMinHeight(80);
        getChildren().add(canvas);
        vm.histogramProperty().addListener((o, a, b) -> draw());
        search.timeRangeProperty().addListener((o, a, b) -> draw());
        styleProperty().addListener((o, a, b) -> draw());
        canvas.setOnMousePressed(e -> {
            dragStart = e.getX();
            dragEnd = null;
        });
        canvas.setOnMouseDragged(e -> {
            dragEnd = e.getX();
            draw();
        });
        canvas.setOnMouseReleased(e -> {
            var h = vm.histogramProperty().get();
            if (h != null && dragStart != null && dragEnd != null && Math.abs(dragEnd - dragStart) > 3) {
                search.setTimeRange(timeAt(h, Math.min(dragStart, dragEnd)), timeAt(h, Math.max(dragStart, dragEnd)));
            } else if (search.timeRangeProperty().get() != null) {
                search.setTimeRange(null, null);
            }
            dragStart = dragEnd = null;
            draw();
        });
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private long timeAt(HistogramViewModel.Histogram h, double x) {
        double f = Math.max(0, Math.min(1, x / Math.max(1, getWidth())));
        return h.fromNanos() + (long) (f * (h.toNanos() - h.fromNanos()));
    }

    private double xOf(HistogramViewModel.Histogram h, long t) {
        return (double) (t - h.fromNanos()) / Math.max(1, h.toNanos() - h.fromNanos()) * getWidth();
    }

    private void draw() {
        double w = getWidth(), hgt = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        boolean dark = getScene() != null && getScene().getRoot().getStyleClass().contains("dark");
        Color bg = dark ? Color.web("#1e2227") : Color.web("#fbfcfd");
        Color bar = dark ? Color.web("#5b9bd5") : Color.web("#3b6ea5");
        Color text = dark ? Color.web("#aab2bd") : Color.web("#5a6572");
        g.setFill(bg);
        g.fillRect(0, 0, w, hgt);
        var h = vm.histogramProperty().get();
        g.setFont(Font.font(11));
        if (h == null) {
            g.setFill(text);
            g.fillText("No events over time to show.", 10, hgt / 2);
            return;
        }
        long max = Math.max(1, h.max());
        int n = h.counts().length;
        double bw = w / n;
        double plot = hgt - AXIS - 6;
        g.setFill(bar);
        for (int i = 0; i < n; i++) {
            if (h.counts()[i] == 0) continue;
            double bh = Math.max(2, plot * Math.sqrt((double) h.counts()[i] / max)); // sqrt keeps small bursts visible
            g.fillRect(i * bw + 1, 4 + plot - bh, Math.max(1, bw - 2), bh);
        }
        g.setFill(text);
        g.fillText(TimeFormat.human(h.fromNanos()) + " UTC", 4, hgt - 5);
        String end = TimeFormat.human(h.toNanos());
        g.fillText(end, Math.max(w / 2, w - 7 * end.length() - 4), hgt - 5);
        String scale = "max " + h.max() + " per " + TimeFormat.duration(h.binWidth());
        g.fillText(scale, w / 2 - 3.2 * scale.length(), hgt - 5);
        long[] r = search.timeRangeProperty().get();
        double a = -1, b = -1;
        if (dragStart != null && dragEnd != null) {
            a = Math.min(dragStart, dragEnd);
            b = Math.max(dragStart, dragEnd);
        } else if (r != null) {
            a = xOf(h, r[0]);
            b = xOf(h, r[1]);
        }
        if (a >= 0) {
            g.setFill(Color.web("#f0a030", 0.28));
            g.fillRect(a, 0, Math.max(2, b - a), hgt - AXIS);
            g.setStroke(Color.web("#d98a1c"));
            g.strokeRect(a, 0.5, Math.max(2, b - a), hgt - AXIS - 1);
        }
    }
}
