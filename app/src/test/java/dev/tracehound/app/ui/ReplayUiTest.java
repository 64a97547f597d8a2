package dev.tracehound.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.app.ui.replay.ContextPartRow;
import dev.tracehound.app.ui.replay.FakeChatServer;
import dev.tracehound.app.ui.replay.TrialRow;
import dev.tracehound.app.ui.screenshots.FxThread;
import dev.tracehound.app.ui.search.EventRow;
import dev.tracehound.app.ui.settings.AppStateStore;
import dev.tracehound.app.ui.tasks.FxTaskRunner;
import dev.tracehound.app.ui.workbench.MainWindow;
import dev.tracehound.app.ui.workbench.WorkbenchViewModel;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.endpoint.EndpointProfiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Replay screen in the real workbench on the Headless platform: pick the model call in the timeline, drop the
 * injected part, run 3 trials against a local OpenAI-compatible endpoint, and read the rates, the trials and the diff.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayUiTest {
    @TempDir
    Path tmp;

    SmallCase sample;
    FakeChatServer server;
    WorkbenchViewModel vm;
    FxTaskRunner runner;
    MainWindow window;
    final List<String> errors = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        sample = SmallCase.build(tmp);
        server = new FakeChatServer();
        System.setProperty(EndpointProfiles.CONFIG_DIR_PROPERTY, tmp.resolve("config").toString());
        EndpointProfiles.userDefault().put(EndpointProfile.of("local-fake", EndpointKind.OPENAI, server.baseUrl(), "gpt-4o-mini", null));
        runner = new FxTaskRunner();
        vm = new WorkbenchViewModel(runner, new AppStateStore(tmp.resolve("state.json")));
        window = new MainWindow(vm, runner);
        vm.onError(errors::add);
        window.show(stage);
        HeadlessScreen.pinTopLeft(stage);
        vm.openCase(sample.dir);
    }

    @AfterEach
    void close() {
        FxThread.run(vm::closeCase);
        FxThread.waitUntil(() -> runner.busyProperty().get().isEmpty(), 20_000);
        FxThread.run(runner::shutdown);
        server.close();
        System.clearProperty(EndpointProfiles.CONFIG_DIR_PROPERTY);
    }

    <T extends Node> T find(FxRobot robot, String query) {
        return robot.from(window.scene().getRoot()).lookup(query).query();
    }

    @Test
    @SuppressWarnings("unchecked")
    void dropsTheInjectedPartRunsThreeTrialsAndShowsTheRateTrialsAndAudit(FxRobot robot) {
        TableView<EventRow> events = find(robot, "#event-table");
        FxThread.waitUntil(() -> events.getItems().size() == sample.events.size(), 20_000);
        int row = sample.events.indexOf(sample.modelCall);
        FxThread.run(() -> events.getSelectionModel().clearAndSelect(row));
        FxThread.run(() -> window.selectTab("Replay"));
        TableView<ContextPartRow> parts = find(robot, "#replay-parts");
        FxThread.waitUntil(() -> parts.getItems().size() == 3, 20_000);
        assertEquals("local-fake", FxThread.call(() -> vm.replay().endpointProperty().get().name()), "the saved endpoint is offered");

        FxThread.run(() -> parts.getSelectionModel().select(2));
        assertEquals("TOOL_OUTPUT", FxThread.call(() -> parts.getSelectionModel().getSelectedItem().origin()));
        robot.clickOn((Node) find(robot, "#replay-drop"));
        assertEquals("dropped", FxThread.call(() -> parts.getItems().get(2).editState()));
        assertTrue(FxThread.call(() -> vm.replay().planJsonProperty().get()).contains("\"op\" : \"remove\""));

        Spinner<Integer> trials = find(robot, "#replay-trials");
        FxThread.run(() -> trials.getValueFactory().setValue(3));
        robot.clickOn((Node) find(robot, "#replay-run"));
        FxThread.waitUntil(() -> !vm.replay().runningProperty().get() && !vm.replay().resultProperty().get().isEmpty(), 30_000);

        assertEquals("With edits: reproduced 0/3 (95% Wilson interval 0.00–0.56)", ((Label) find(robot, "#replay-result")).getText());
        assertEquals("Baseline: reproduced 3/3 (95% Wilson interval 0.44–1.00)", ((Label) find(robot, "#replay-baseline")).getText());
        TableView<TrialRow> trialTable = find(robot, "#replay-trials-table");
        assertEquals(6, FxThread.call(() -> trialTable.getItems().size()));
        assertEquals(3, server.bodies.size() - server.requestsContaining(FakeChatServer.TRIGGER), "3 edited trials without the injection");

        FxThread.run(() -> trialTable.getSelectionModel().select(5));
        TextFlow diff = find(robot, "#replay-diff");
        List<Text> struck = FxThread.call(() -> diff.getChildren().stream().map(n -> (Text) n).filter(Text::isStrikethrough).toList());
        assertFalse(struck.isEmpty(), "words only in the recorded answer are struck through");
        assertTrue(struck.stream().anyMatch(t -> t.getText().contains("send_email")));

        var c = vm.currentCaseProperty().get();
        assertEquals(2, c.audit().entries().stream().filter(e -> e.action().equals("replay")).count(), "baseline and edited run in the audit log");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aTypedTrialCountOutOfRangeIsShownRefusedAndNotClamped(FxRobot robot) {
        TableView<EventRow> events = find(robot, "#event-table");
        FxThread.waitUntil(() -> events.getItems().size() == sample.events.size(), 20_000);
        int row = sample.events.indexOf(sample.modelCall);
        FxThread.run(() -> events.getSelectionModel().clearAndSelect(row));
        FxThread.run(() -> window.selectTab("Replay"));
        TableView<ContextPartRow> parts = find(robot, "#replay-parts");
        FxThread.waitUntil(() -> parts.getItems().size() == 3, 20_000);
        Button run = find(robot, "#replay-run");
        assertFalse(FxThread.call(run::isDisabled), "a call and an endpoint are chosen: Run is offered");

        Spinner<Integer> trials = find(robot, "#replay-trials");
        robot.clickOn(trials.getEditor());
        FxThread.run(() -> trials.getEditor().selectAll());
        robot.write("5000").type(KeyCode.ENTER);

        assertEquals("5000", FxThread.call(() -> trials.getEditor().getText()), "the typed count stays as typed");
        assertEquals(5000, FxThread.call(trials::getValue));
        Label problem = find(robot, "#replay-trials-problem");
        assertEquals("Trials must be between 1 and 1000, not 5000", FxThread.call(problem::getText));
        assertTrue(FxThread.call(problem::isVisible));
        assertTrue(FxThread.call(run::isDisabled), "Run is refused while the count is out of range");
        robot.clickOn(run);
        assertFalse(FxThread.call(() -> vm.replay().runningProperty().get()));
        assertEquals(0, server.bodies.size(), "no trial was sent");

        robot.clickOn(trials.getEditor());
        FxThread.run(() -> trials.getEditor().selectAll());
        robot.write("3").type(KeyCode.ENTER);
        assertFalse(FxThread.call(problem::isVisible), "a count in range clears the message");
        assertFalse(FxThread.call(run::isDisabled));
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
