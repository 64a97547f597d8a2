package dev.tracehound.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.ui.importing.ImportFile;
import dev.tracehound.app.ui.screenshots.FxThread;
import dev.tracehound.app.ui.settings.AppStateStore;
import dev.tracehound.app.ui.tasks.FxTaskRunner;
import dev.tracehound.app.ui.workbench.MainWindow;
import dev.tracehound.app.ui.workbench.WorkbenchViewModel;
import dev.tracehound.importers.run.ImportReport;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Importing a real export through the Import screen: detected format, progress, the report, and the events searchable. */
@ExtendWith(ApplicationExtension.class)
class ImportUiTest {
    @TempDir
    Path tmp;

    WorkbenchViewModel vm;
    FxTaskRunner runner;
    MainWindow window;
    final List<Double> progress = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path caseDir = tmp.resolve("case");
        Cases.create(caseDir, "import test").close();
        runner = new FxTaskRunner();
        vm = new WorkbenchViewModel(runner, new AppStateStore(tmp.resolve("state.json")));
        window = new MainWindow(vm, runner);
        window.show(stage);
        HeadlessScreen.pinTopLeft(stage);
        vm.openCase(caseDir);
    }

    @AfterEach
    void close() {
        FxThread.run(vm::closeCase);
        FxThread.waitUntil(() -> runner.busyProperty().get().isEmpty(), 20_000);
        FxThread.run(runner::shutdown);
    }

    @Test
    void importsAClaudeCodeTranscriptWithProgressAndAReport(FxRobot robot) throws Exception {
        Path shared = Path.of(System.getProperty("tracehound.shared", "../../shared"));
        Path export;
        try (var files = Files.walk(shared.resolve("samples/claude-code"))) {
            export = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().findFirst().orElseThrow();
        }
        FxThread.waitUntil(() -> vm.currentCaseProperty().get() != null, 20_000);
        var importVm = window.importViewModel();
        FxThread.run(() -> {
            window.selectTab("Import");
            importVm.add(List.of(export));
            importVm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        });
        ImportFile listed = FxThread.call(() -> importVm.files().getFirst());
        assertEquals("claude-code", listed.detectedFormat(), "the format is detected before importing");

        robot.clickOn(robot.from(window.scene().getRoot()).lookup("#import-start").<javafx.scene.Node>query());
        FxThread.waitUntil(() -> !importVm.runningProperty().get() && !importVm.reports().isEmpty(), 60_000);
        ImportReport report = FxThread.call(() -> importVm.reports().getFirst());
        assertTrue(report.ok(), String.valueOf(report.error()));
        assertTrue(report.events() > 0);
        assertEquals(1.0, robot.from(window.scene().getRoot()).lookup("#import-progress").queryAs(ProgressBar.class).getProgress());
        assertTrue(!progress.isEmpty(), "progress was reported while importing");
        String summary = robot.from(window.scene().getRoot()).lookup("#import-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("1 file(s): " + String.format("%,d", report.events()) + " events added"), summary);

        // the workbench refreshed: the imported events are searchable in the table
        FxThread.waitUntil(() -> vm.search().totalHitsProperty().get() == report.events(), 20_000);
    }
}
