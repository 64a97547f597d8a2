package dev.tracehound.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.ui.screenshots.FxThread;
import dev.tracehound.app.ui.timeline.SwimlaneView;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The swimlanes in the real workbench on the Headless platform: shown for the injected session, brushed, clicked. */
class SwimlaneUiTest extends WorkbenchOnSmallCase {
    @Start
    void start(Stage stage) throws Exception {
        openWorkbench(stage);
    }

    @Test
    void theInjectedSessionsLanesBrushTheTableAndAMarkOpensItsEvent(FxRobot robot) {
        FxThread.waitUntil(() -> vm.sessions().sessions().size() == 3, 20_000);
        FxThread.run(() -> {
            vm.sessions().selectedProperty().set(vm.sessions().sessions().stream()
                    .filter(s -> s.summary().sessionId().equals("s-alpha")).findFirst().orElseThrow());
            window.selectTab("Timeline");
        });
        robot.clickOn(robot.from(window.scene().getRoot()).lookup("#timeline-swimlanes").<Node>query());
        FxThread.waitUntil(() -> vm.swimlanes().swimlanesProperty().get() != null
                && vm.swimlanes().swimlanesProperty().get().lanes().size() == 5, 20_000);
        waitIdle();
        SwimlaneView view = robot.from(window.scene().getRoot()).lookup("#swimlanes").queryAs(SwimlaneView.class);
        assertTrue(FxThread.call(() -> view.getScene() != null && view.getHeight() >= 5 * 20), "the lanes are on screen");
        assertEquals(sample.events.size(), FxThread.call(() -> vm.search().totalHitsProperty().get()));

        double[] first = FxThread.call(() -> view.markCentre(sample.events.getFirst().eventId()));
        double[] last = FxThread.call(() -> view.markCentre(sample.events.get(6).eventId()));
        Point2D from = FxThread.call(() -> view.localToScreen(first[0] - 6, first[1]));
        Point2D to = FxThread.call(() -> view.localToScreen(last[0] + 6, first[1]));
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();
        FxThread.waitUntil(() -> vm.search().timeRangeProperty().get() != null, 20_000);
        waitIdle();
        assertEquals(7, FxThread.call(() -> vm.search().totalHitsProperty().get()), "the brush keeps s-alpha's seven events");
        assertTrue(FxThread.call(() -> vm.search().effectiveQueryProperty().get()).contains("ts:"), "the same ts range as the histogram's brush");

        double[] retrieval = FxThread.call(() -> view.markCentre(sample.retrieval.eventId()));
        assertNotNull(retrieval);
        robot.clickOn(FxThread.call(() -> view.localToScreen(retrieval[0], retrieval[1])));
        FxThread.waitUntil(() -> vm.inspector().eventProperty().get() != null
                && vm.inspector().eventProperty().get().eventId().equals(sample.retrieval.eventId()), 20_000);
        assertEquals(7, FxThread.call(() -> vm.search().totalHitsProperty().get()), "clicking a mark keeps the brush");
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
