package dev.tracehound.app.ui;

import dev.tracehound.app.ui.settings.AppDirs;
import dev.tracehound.app.ui.settings.AppStateStore;
import dev.tracehound.app.ui.tasks.FxTaskRunner;
import dev.tracehound.app.ui.workbench.MainWindow;
import dev.tracehound.app.ui.workbench.StartupCase;
import dev.tracehound.app.ui.workbench.WorkbenchViewModel;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the workbench and opens the last case, or the bundled sample incident. */
public final class TracehoundApplication extends Application {
    private FxTaskRunner runner;
    private WorkbenchViewModel vm;

    @Override
    public void start(Stage stage) {
        AppDirs dirs = AppDirs.fromEnvironment();
        runner = new FxTaskRunner();
        vm = new WorkbenchViewModel(runner, new AppStateStore(dirs.stateFile()));
        MainWindow window = new MainWindow(vm, runner);
        window.show(stage);
        StartupCase startup = new StartupCase(vm, dirs);
        window.onOpenSample(() -> {
            vm.closeCase();
            startup.openSample();
        });
        startup.open();
    }

    @Override
    public void stop() {
        if (vm != null) vm.closeCase();
        if (runner != null) runner.shutdown();
    }
}
