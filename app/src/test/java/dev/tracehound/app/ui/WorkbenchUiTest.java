package dev.tracehound.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.app.ui.screenshots.FxThread;
import dev.tracehound.app.ui.search.EventRow;
import dev.tracehound.timeline.event.EventKind;
import java.nio.file.Files;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The real workbench on the Headless platform, driven through its controls, over a real small case. */
class WorkbenchUiTest extends WorkbenchOnSmallCase {
    @Start
    void start(Stage stage) throws Exception {
        openWorkbench(stage);
    }

    @SuppressWarnings("unchecked")
    TableView<EventRow> table(FxRobot robot) {
        return robot.from(window.scene().getRoot()).lookup("#event-table").queryAs(TableView.class);
    }

    @Test
    void tickingAPlaybookStepIsStoredAndAudited(FxRobot robot) {
        FxThread.waitUntil(() -> !vm.playbooks().catalogue().isEmpty(), 20_000);
        FxThread.run(() -> {
            window.selectTab("Playbooks");
            @SuppressWarnings("unchecked")
            var box = (javafx.scene.control.ComboBox<Object>) window.scene().getRoot().lookup("#playbook-catalogue");
            box.getSelectionModel().select(0);
        });
        robot.clickOn(robot.from(window.scene().getRoot()).lookup("#playbook-start").<javafx.scene.Node>query());
        FxThread.waitUntil(() -> !vm.playbooks().steps().isEmpty(), 20_000);
        javafx.scene.control.CheckBox first = robot.from(window.scene().getRoot()).lookup(".playbook-step")
                .queryAllAs(javafx.scene.control.CheckBox.class).stream().filter(c -> !c.isDisabled()).findFirst().orElseThrow();
        String title = first.getText();
        robot.clickOn(first);
        waitIdle();
        var run = FxThread.call(() -> vm.playbooks().selectedProperty().get());
        var step = run.playbook().steps().stream().filter(st -> st.title().equals(title)).findFirst().orElseThrow();
        var c = vm.currentCaseProperty().get();
        assertTrue(new dev.tracehound.playbooks.run.PlaybookRuns(c).get(run.id()).state(step.id()).done(), "stored in the case");
        assertTrue(c.audit().entries().stream().anyMatch(e -> e.action().equals("playbook-tick")), "audited");
    }

    @Test
    void opensTheCaseWithItsSessionsEventsAndFindingBadge(FxRobot robot) {
        FxThread.waitUntil(() -> table(robot).getItems().size() == sample.events.size(), 20_000);
        waitIdle();
        assertEquals(3, FxThread.call(() -> vm.sessions().sessions().size()));
        assertEquals(sample.events.size() + " events", robot.from(window.scene().getRoot()).lookup("#hit-count").queryAs(Label.class).getText());
        assertTrue(robot.from(window.scene().getRoot()).lookup(".severity-high").tryQuery().isPresent(), "the injected session carries its finding badge");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void searchingShowsTheHitsAndABadQueryShowsTheErrorInline(FxRobot robot) {
        FxThread.waitUntil(() -> table(robot).getItems().size() == sample.events.size(), 20_000);
        robot.clickOn(robot.from(window.scene().getRoot()).lookup("#query-field").<javafx.scene.Node>query()).write("tool:send_email").sleep(400); // let the completion popup settle
        robot.type(KeyCode.ENTER);
        try {
            FxThread.waitUntil(() -> table(robot).getItems().size() == 2, 20_000);
        } catch (IllegalStateException e) {
            throw new AssertionError("query was '" + vm.search().queryProperty().get() + "', error '" + vm.search().errorProperty().get() + "'", e);
        }
        EventRow first = FxThread.call(() -> table(robot).getItems().get(0));
        assertEquals(EventKind.TOOL_CALL, first.event().kind());

        FxThread.run(() -> vm.search().queryProperty().set(""));
        robot.clickOn(robot.from(window.scene().getRoot()).lookup("#query-field").<javafx.scene.Node>query()).write("kind:TOOL_CALL AND (").sleep(400);
        robot.type(KeyCode.ENTER);
        try {
            FxThread.waitUntil(() -> robot.from(window.scene().getRoot()).lookup("#query-error").queryAs(Label.class).isVisible(), 20_000);
        } catch (IllegalStateException e) {
            throw new AssertionError("query was '" + vm.search().queryProperty().get() + "'", e);
        }
        String error = robot.from(window.scene().getRoot()).lookup("#query-error").queryAs(Label.class).getText();
        assertTrue(error.startsWith("Column "), error);
        assertEquals(2, FxThread.call(() -> table(robot).getItems().size()), "the last good results stay");
    }

    @Test
    void openingAnEventShowsItsContentAndEvidenceAndStarringIsAudited(FxRobot robot) throws Exception {
        FxThread.waitUntil(() -> table(robot).getItems().size() == sample.events.size(), 20_000);
        int row = sample.events.indexOf(sample.retrieval);
        FxThread.run(() -> {
            table(robot).getSelectionModel().clearAndSelect(row);
            table(robot).requestFocus();
        });
        waitIdle();
        assertTrue(robot.from(window.scene().getRoot()).lookup("#inspector-header").queryAs(Label.class).getText().startsWith("RETRIEVAL"));
        assertTrue(robot.from(window.scene().getRoot()).lookup(".bubble-text").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(SmallCase.INJECTION_TEXT)), "evidence text shown as plain text");
        String locator = robot.from(window.scene().getRoot()).lookup("#evidence-locator").queryAs(Label.class).getText();
        assertTrue(locator.contains(sample.retrieval.evidenceSha256()) && locator.contains("line:4"), locator);
        FxThread.run(() -> robot.from(window.scene().getRoot()).lookup("#inspector-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
        assertEquals(Files.readAllLines(tmp.resolve("export.jsonl")).get(3), robot.from(window.scene().getRoot()).lookup("#raw-record").queryAs(TextArea.class).getText());

        FxThread.run(() -> table(robot).requestFocus());
        robot.type(KeyCode.S); // the star shortcut
        waitIdle();
        var c = vm.currentCaseProperty().get();
        assertTrue(c.annotations().of(sample.retrieval.eventId()).starred(), "the star is stored in the case");
        assertTrue(c.audit().entries().stream().anyMatch(e -> e.action().equals("annotation.star")
                && e.details().contains(sample.retrieval.eventId())), "and audited");
        assertEquals("★ starred", robot.from(window.scene().getRoot()).lookup("#star-state").queryAs(Label.class).getText());
        String starCell = FxThread.call(() -> table(robot).getColumns().getFirst().getCellData(row).toString());
        assertEquals("★", starCell, "the star column shows it");

        FxThread.run(() -> table(robot).requestFocus());
        robot.type(KeyCode.J); // next event
        assertEquals(row + 1, (int) FxThread.call(() -> table(robot).getSelectionModel().getSelectedIndex()));

        // "show in session" narrows the table to the event's session and keeps the event selected there
        waitIdle();
        robot.clickOn(robot.from(window.scene().getRoot()).lookup("#show-in-context").<javafx.scene.Node>query());
        FxThread.waitUntil(() -> table(robot).getItems().size() == 7, 20_000);
        waitIdle();
        EventRow selected = FxThread.call(() -> table(robot).getSelectionModel().getSelectedItem());
        assertEquals(sample.events.get(row + 1).eventId(), selected.event().eventId());
    }
}
