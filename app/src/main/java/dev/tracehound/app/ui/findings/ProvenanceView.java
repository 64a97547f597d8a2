package dev.tracehound.app.ui.findings;

import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.findings.Finding;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * A finding's flow as a small left-to-right graph: the untrusted source, the events in between, the sink. Nodes
 * are coloured by role (source amber, sink red) and labelled with kind, actor/tool and a short text (drawn as text,
 * never interpreted).
 */
public final class ProvenanceView extends Region {
    private static final double NODE_W = 170, NODE_H = 62, GAP = 34;
    private final Canvas canvas = new Canvas();
    private final FindingsViewModel vm;

    public ProvenanceView(FindingsViewModel vm) {
        this.vm = vm;
        setId("provenance");
        getStyleClass().add("provenance");
        setPrefHeight(NODE_H + 40);
        setMinHeight(NODE_H + 30);
        getChildren().add(canvas);
        vm.flow().addListener((ListChangeListener<Event>) c -> requestLayout());
        vm.selectedProperty().addListener((o, a, b) -> requestLayout());
    }

    @Override
    protected void layoutChildren() {
        List<Event> flow = vm.flow();
        double needed = 20 + flow.size() * (NODE_W + GAP);
        setMinWidth(Math.max(300, needed));
        canvas.setWidth(Math.max(getWidth(), needed));
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        boolean dark = getScene() != null && getScene().getRoot().getStyleClass().contains("dark");
        Color bg = dark ? Color.web("#1e2227") : Color.web("#fbfcfd");
        Color fg = dark ? Color.web("#d7dce2") : Color.web("#1f2a36");
        g.setFill(bg);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Finding f = vm.selectedProperty().get();
        List<Event> flow = vm.flow();
        if (f == null || flow.isEmpty()) {
            g.setFill(fg);
            g.setFont(Font.font(12));
            g.fillText(f == null ? "Select a finding to see its flow." : "This finding names no flow events.", 12, 24);
            return;
        }
        double y = Math.max(8, (getHeight() - NODE_H) / 2);
        for (int i = 0; i < flow.size(); i++) {
            Event e = flow.get(i);
            double x = 10 + i * (NODE_W + GAP);
            boolean source = e.eventId().equals(f.sourceEventId());
            boolean sink = e.eventId().equals(f.sinkEventId());
            Color fill = source ? Color.web("#f6c453") : sink ? Color.web("#e5534b") : (dark ? Color.web("#39424e") : Color.web("#e3e9f0"));
            Color text = source ? Color.web("#2b2100") : sink ? Color.WHITE : fg;
            g.setFill(fill);
            g.fillRoundRect(x, y, NODE_W, NODE_H, 10, 10);
            g.setFill(text);
            g.setFont(Font.font(null, FontWeight.BOLD, 11));
            g.fillText((source ? "SOURCE · " : sink ? "SINK · " : "") + e.kind(), x + 8, y + 16, NODE_W - 16);
            g.setFont(Font.font(11));
            String who = e.toolName() != null ? e.toolName() : e.actor() != null ? e.actor() : e.trust().name();
            g.fillText(Texts.oneLine(who, 26), x + 8, y + 32, NODE_W - 16);
            g.fillText(Texts.oneLine(e.text(), 28), x + 8, y + 48, NODE_W - 16);
            if (i < flow.size() - 1) {
                double ax = x + NODE_W + 2, bx = x + NODE_W + GAP - 2, ay = y + NODE_H / 2;
                g.setStroke(fg);
                g.setLineWidth(1.5);
                g.strokeLine(ax, ay, bx, ay);
                g.setFill(fg);
                g.fillPolygon(new double[] {bx, bx - 7, bx - 7}, new double[] {ay, ay - 4, ay + 4}, 3);
            }
        }
    }
}
