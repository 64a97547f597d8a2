package dev.tracehound.app.ui.timeline;

import dev.tracehound.app.format.TimeFormat;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.event.EventKind;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.util.Duration;

/**
 * Swimlanes on a canvas: a lane per tool or actor, a mark per event coloured by kind, untrusted origins outlined
 * in the warning colour and events cited by a finding marked with a red dot. Dragging brushes a time range (the
 * search's, as in the histogram), a click on a mark inspects its event, a click elsewhere clears the range.
 */
public final class SwimlaneView extends Region {
    static final double LABELS = 130;
    static final double LANE = 20;
    private static final double AXIS = 18;
    private static final double TOP = 4;
    private static final Color WARNING = Color.web("#e07b00");
    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private final SwimlaneViewModel vm;
    private Double dragStart;
    private Double dragEnd;

    public SwimlaneView(SwimlaneViewModel vm, Consumer<Event> inspect) {
        this.vm = vm;
        setId("swimlanes");
        getStyleClass().add("swimlanes");
        setMinHeight(80);
        getChildren().add(canvas);
        tip.setShowDelay(Duration.millis(150));
        vm.swimlanesProperty().addListener((o, a, b) -> {
            requestLayout();
            draw();
        });
        vm.timeRangeProperty().addListener((o, a, b) -> draw());
        canvas.setOnMousePressed(e -> {
            dragStart = Math.max(LABELS, e.getX());
            dragEnd = null;
        });
        canvas.setOnMouseDragged(e -> {
            dragEnd = Math.max(LABELS, Math.min(getWidth(), e.getX()));
            draw();
        });
        canvas.setOnMouseReleased(e -> {
            if (dragStart != null && dragEnd != null && Math.abs(dragEnd - dragStart) > 3) {
                vm.brush(fraction(dragStart), fraction(dragEnd));
            } else {
                Event hit = markAt(e.getX(), e.getY());
                if (hit != null) inspect.accept(hit);
                else vm.clearBrush();
            }
            dragStart = dragEnd = null;
            draw();
        });
        canvas.setOnMouseMoved(e -> {
            Event hit = markAt(e.getX(), e.getY());
            if (hit == null) {
                Tooltip.uninstall(canvas, tip);
                return;
            }
            // plain text in a Tooltip: evidence is hostile and nothing here interprets markup
            tip.setText(TimeFormat.human(hit.startNanos()) + " UTC · " + hit.kind() + "\n" + shortText(hit.text()));
            Tooltip.install(canvas, tip);
        });
    }

    @Override
    protected double computePrefHeight(double width) {
        var s = vm.swimlanesProperty().get();
        return TOP + (s == null ? 3 : Math.max(3, s.lanes().size())) * LANE + 2 * AXIS + 4;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - LABELS - 8);
    }

    private double fraction(double x) {
        return (x - LABELS) / plotWidth();
    }

    private double xOf(SwimlaneViewModel.Swimlanes s, long t) {
        return LABELS + s.fractionOf(t) * plotWidth();
    }

    /** The event whose mark is nearest the point, within a few pixels, or null. */
    Event markAt(double x, double y) {
        var s = vm.swimlanesProperty().get();
        if (s == null) return null;
        int lane = (int) Math.floor((y - TOP) / LANE);
        if (lane < 0 || lane >= s.lanes().size()) return null;
        Event best = null;
        double bestDx = 5;
        for (var m : s.lanes().get(lane).marks()) {
            double dx = Math.abs(xOf(s, m.event().startNanos()) - x);
            if (dx < bestDx) {
                bestDx = dx;
                best = m.event();
            }
        }
        return best;
    }

    /** The centre of an event's mark, for tests that click it; null when not drawn. */
    public double[] markCentre(String eventId) {
        var s = vm.swimlanesProperty().get();
        if (s == null) return null;
        for (int i = 0; i < s.lanes().size(); i++) {
            for (var m : s.lanes().get(i).marks()) {
                if (m.event().eventId().equals(eventId)) return new double[] {xOf(s, m.event().startNanos()), TOP + i * LANE + LANE / 2};
            }
        }
        return null;
    }

    static String shortText(String text) {
        if (text == null || text.isBlank()) return "(no text)";
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 160 ? one.substring(0, 159) + "…" : one;
    }

    static Color colourOf(EventKind kind) {
        return switch (kind) {
            case SYSTEM_PROMPT -> Color.web("#7f8c8d");
            case USER_MESSAGE -> Color.web("#2e86de");
            case MODEL_CALL, MODEL_RESPONSE -> Color.web("#8e44ad");
            case TOOL_CALL, TOOL_LISTING -> Color.web("#16a085");
            case TOOL_RESULT -> Color.web("#27ae60");
            case RETRIEVAL -> Color.web("#b7950b");
            case MEMORY_WRITE -> Color.web("#a04000");
            case ERROR -> Color.web("#c0392b");
            default -> Color.web("#5d6d7e");
        };
    }

    private static final EventKind[] LEGEND = {EventKind.USER_MESSAGE, EventKind.MODEL_RESPONSE, EventKind.TOOL_CALL,
            EventKind.TOOL_RESULT, EventKind.RETRIEVAL, EventKind.ERROR};

    /** What the colours, the outline and the dot mean, in one line under the axis. */
    private void legend(GraphicsContext g, double baseline, Color text) {
        double x = LABELS;
        for (EventKind k : LEGEND) {
            g.setFill(colourOf(k));
            g.fillRect(x, baseline - 9, 6, 10);
            g.setFill(text);
            String name = k == EventKind.MODEL_RESPONSE ? "model" : k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            g.fillText(name, x + 10, baseline);
            x += 18 + 6.5 * name.length();
        }
        g.setStroke(WARNING);
        g.setLineWidth(2);
        g.strokeRect(x, baseline - 10, 8, 12);
        g.setLineWidth(1);
        g.setFill(text);
        g.fillText("untrusted origin", x + 13, baseline);
        x += 20 + 6.5 * 16;
        g.setFill(Color.web("#d62728"));
        g.fillOval(x, baseline - 8, 6, 6);
        g.setFill(text);
        g.fillText("cited by a finding", x + 10, baseline);
    }

    private void draw() {
        double w = getWidth(), hgt = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        boolean dark = getScene() != null && getScene().getRoot().getStyleClass().contains("dark");
        Color bg = dark ? Color.web("#1e2227") : Color.web("#fbfcfd");
        Color stripe = dark ? Color.web("#252a30") : Color.web("#f0f3f6");
        Color text = dark ? Color.web("#aab2bd") : Color.web("#5a6572");
        g.setFill(bg);
        g.fillRect(0, 0, w, hgt);
        g.setFont(Font.font(11));
        var s = vm.swimlanesProperty().get();
        if (s == null) {
            g.setFill(text);
            g.fillText("No events over time to show.", 10, hgt / 2);
            return;
        }
        for (int i = 0; i < s.lanes().size(); i++) {
            var lane = s.lanes().get(i);
            double y = TOP + i * LANE;
            if (i % 2 == 0) {
                g.setFill(stripe);
                g.fillRect(0, y, w, LANE);
            }
            g.setFill(text);
            // the key is cut so it never runs under the marks (about 6.5 px per character at 11 px)
            String count = " (" + lane.marks().size() + ")";
            int room = (int) ((LABELS - 10) / 6.5) - count.length();
            String label = lane.key().length() > room ? lane.key().substring(0, Math.max(1, room - 1)) + "…" : lane.key();
            g.fillText(label + count, 6, y + LANE - 6);
            for (var m : lane.marks()) {
                double x = xOf(s, m.event().startNanos());
                g.setFill(colourOf(m.event().kind()));
                g.fillRect(x - 3, y + 4, 6, LANE - 8);
                if (m.untrusted()) {
                    g.setStroke(WARNING);
                    g.setLineWidth(2);
                    g.strokeRect(x - 4, y + 3, 8, LANE - 6);
                    g.setLineWidth(1);
                }
                if (m.flagged()) {
                    g.setFill(Color.web("#d62728"));
                    g.fillOval(x - 3, y - 1, 6, 6);
                }
            }
        }
        double axisY = TOP + s.lanes().size() * LANE;
        g.setFill(text);
        g.fillText(TimeFormat.human(s.fromNanos()) + " UTC", LABELS, axisY + 14);
        String end = TimeFormat.human(s.toNanos());
        g.fillText(end, Math.max(LABELS + plotWidth() / 2, w - 7 * end.length() - 4), axisY + 14);
        legend(g, axisY + 2 * AXIS - 2, text);
        if (s.capped()) g.fillText("first " + SwimlaneViewModel.MAX_EVENTS + " events", LABELS + plotWidth() / 2 - 50, axisY + 14);
        long[] r = vm.timeRangeProperty().get();
        double a = -1, b = -1;
        if (dragStart != null && dragEnd != null) {
            a = Math.min(dragStart, dragEnd);
            b = Math.max(dragStart, dragEnd);
        } else if (r != null) {
            a = Math.max(LABELS, xOf(s, r[0]));
            b = Math.min(w, xOf(s, r[1]));
        }
        if (a >= 0 && b >= a) {
            g.setFill(Color.web("#f0a030", 0.22));
            g.fillRect(a, 0, Math.max(2, b - a), axisY);
            g.setStroke(Color.web("#d98a1c"));
            g.strokeRect(a, 0.5, Math.max(2, b - a), axisY - 1);
        }
    }
}
