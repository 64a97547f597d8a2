package dev.tracehound.app.ui.workbench;

import dev.tracehound.app.ui.annotate.AnnotationIndex;
import dev.tracehound.app.ui.settings.AppDirs;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which case the app opens at start: the last one if it still exists, else the bundled sample incident (prepared
 * once under the data folder: imported and analysed), else none, with the status bar saying how to begin.
 */
public final class StartupCase {
    private final WorkbenchViewModel vm;
    private final AppDirs dirs;

    public StartupCase(WorkbenchViewModel vm, AppDirs dirs) {
        this.vm = vm;
        this.dirs = dirs;
    }

    public void open() {
        String last = vm.lastCase();
        if (last != null && Files.isRegularFile(Path.of(last, "case.json"))) {
            vm.openCase(Path.of(last));
            return;
        }
        if (SampleCasePreparer.chooseIncident() == null) {
            vm.statusProperty().set("No case open. Case ▸ New case… or Open case… to begin.");
            return;
        }
        openSample();
    }

    /** Prepares (first time) and opens the sample incident case. */
    public void openSample() {
        SampleCasePreparer task = new SampleCasePreparer(dirs.dataDir());
        task.setOnSucceeded(e -> {
            var c = task.getValue();
            if (c != null) vm.show(c, new AnnotationIndex(c.annotations()));
        });
        task.setOnFailed(e -> {
            vm.statusProperty().set("No case open. Case ▸ New case… or Open case… to begin.");
            vm.reportError("The sample incident could not be prepared: " + task.getException().getMessage()
                    + ". You can still create or open a case from the Case menu.");
        });
        vm.runLong(task);
    }
}
