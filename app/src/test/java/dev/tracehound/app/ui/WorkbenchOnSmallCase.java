package dev.tracehound.app.ui;

import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.app.ui.screenshots.FxThread;
import dev.tracehound.app.ui.settings.AppStateStore;
import dev.tracehound.app.ui.tasks.FxTaskRunner;
import dev.tracehound.app.ui.workbench.MainWindow;
import dev.tracehound.app.ui.workbench.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The real workbench on the Headless platform over a real small case, opened before each test and closed after it;
 * UI tests extend it, open it from their {@code @Start} method and drive the controls.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WorkbenchOnSmallCase {
    @TempDir
    static Path tmp;

    static SmallCase sample;

    WorkbenchViewModel vm;
    FxTaskRunner runner;
    MainWindow window;
    final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void buildCase() throws Exception {
        sample = SmallCase.build(tmp);
    }

    /** Subclasses call this from their own {@code @Start} method: TestFX looks for it on the test class only. */
    void openWorkbench(Stage stage) throws Exception {
        runner = new FxTaskRunner();
        Path state = Files.createTempDirectory(tmp, "cfg").resolve("state.json");
        vm = new WorkbenchViewModel(runner, new AppStateStore(state));
        window = new MainWindow(vm, runner);
        vm.onError(errors::add);
        window.show(stage);
        HeadlessScreen.pinTopLeft(stage);
        vm.openCase(sample.dir);
    }

    @AfterEach
    void closeCase() {
        FxThread.run(vm::closeCase);
        waitIdle();
        FxThread.run(runner::shutdown);
    }

    void waitIdle() {
        FxThread.waitUntil(() -> runner.busyProperty().get().isEmpty(), 20_000);
    }
}
