package dev.tracehound.app.ui.screenshots;

import dev.tracehound.app.ui.settings.AppStateStore;
import dev.tracehound.app.ui.tasks.FxTaskRunner;
import dev.tracehound.app.ui.workbench.MainWindow;
import dev.tracehound.app.ui.workbench.WorkbenchViewModel;
import dev.tracehound.replay.endpoint.EndpointKind;
import dev.tracehound.replay.endpoint.EndpointProfile;
import dev.tracehound.replay.endpoint.EndpointProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Opens a case in the real workbench on JavaFX's Headless platform and writes PNGs of the main screens with
 * {@code Scene.snapshot}. Uses a throwaway app state, so the user's last case and theme stay as they were.
 */
public final class Screenshots {
    private Path caseDir;
    private final Path outDir;
    private final PrintWriter log;
    private MainWindow window;
    private WorkbenchViewModel vm;
    private FxTaskRunner runner;

    public Screenshots(Path caseDir, Path outDir, PrintWriter log) {
        this.caseDir = caseDir;
        this.outDir = outDir;
        this.log = log;
    }

    /** Selects the Headless platform unless a display platform was asked for; must run before the toolkit starts. */
    public static void preferHeadless() {
        if (System.getProperty("glass.platform") == null) System.setProperty("glass.platform", "Headless");
        if (System.getProperty("prism.order") == null) System.setProperty("prism.order", "sw");
    }

    /** @param caseDir the case to show, or null for the bundled sample incident (prepared under {@code dataDir}) */
    public Screenshots(Path caseDir, Path outDir, PrintWriter log, Path dataDir) {
        this(caseDir, outDir, log);
        this.dataDir = dataDir;
    }

    private Path dataDir;

    public List<Path> run() throws IOException, InterruptedException {
        preferHeadless();
        startToolkit();
        if (caseDir == null) caseDir = prepareSample();
        // Work on a copy: the screenshots start a playbook run and star an event, which must not change the real case.
        Path copy = Files.createTempDirectory("tracehound-screenshots-case");
        copyCase(caseDir, copy);
        caseDir = copy;
        Path state = Files.createTempFile("tracehound-screenshots", ".json");
        Files.delete(state);
        FxThread.run(() -> {
            runner = new FxTaskRunner();
            vm = new WorkbenchViewModel(runner, new AppStateStore(state));
            vm.onError(m -> log.println("tracehound: " + m));
            window = new MainWindow(vm, runner);
            window.show(new Stage());
            vm.openCase(caseDir);
        });
        waitIdle();
        FxThread.waitUntil(() -> vm.currentCaseProperty().get() != null, 60_000);
        waitIdle();
        List<Path> written = new ArrayList<>();
        FxThread.run(() -> {
            if (!vm.sessions().sessions().isEmpty()) {
                // The session with the most findings tells the incident's story best.
                var best = vm.sessions().sessions().stream().max(java.util.Comparator.comparingInt(s -> s.findingCount())).orElseThrow();
                vm.sessions().selectedProperty().set(best);
            }
            window.selectTab("Timeline");
        });
        waitIdle();
        FxThread.run(() -> selectInterestingEvent());
        waitIdle();
        written.add(snap("01-timeline.png"));
        FxThread.run(() -> selectInspectorTab(2));
        waitIdle();
        written.add(snap("02-source-record.png"));
        written.add(swimlanesScreen());
        FxThread.run(() -> {
            selectInspectorTab(0);
            window.selectTab("Session tree");
        });
        waitIdle();
        written.add(snap("03-session-tree.png"));
        FxThread.run(() -> {
            window.selectTab("Findings");
            if (!vm.findings().findings().isEmpty()) vm.findings().selectedProperty().set(vm.findings().findings().getFirst());
            var table = (javafx.scene.control.TableView<?>) window.scene().lookup("#findings-table");
            if (table != null && !table.getItems().isEmpty()) table.getSelectionModel().select(0);
        });
        waitIdle();
        written.add(snap("04-findings.png"));
        FxThread.run(() -> window.selectTab("Report"));
        waitIdle();
        written.add(snap("07-report.png"));
        FxThread.run(() -> {
            window.selectTab("Playbooks");
            var playbooks = vm.playbooks();
            if (!playbooks.catalogue().isEmpty()) playbooks.start(playbooks.catalogue().getFirst());
        });
        waitIdle();
        FxThread.run(() -> {
            var playbooks = vm.playbooks();
            playbooks.steps().stream().filter(r -> !r.isHeading() && !r.step().isDecision()).findFirst()
                    .ifPresent(r -> playbooks.tick(r.step().id(), null));
        });
        waitIdle();
        FxThread.run(() -> vm.playbooks().runChecks());
        waitIdle();
        written.add(snap("08-playbooks.png"));
        written.add(replayScreen());
        FxThread.run(() -> {
            window.selectTab("Timeline");
            vm.search().queryProperty().set("kind:TOOL_CALL AND (");
            vm.search().search();
        });
        waitIdle();
        written.add(snap("05-search-error.png"));
        FxThread.run(() -> {
            vm.search().queryProperty().set("kind:TOOL_CALL");
            vm.search().search();
            vm.themeProperty().set("dark");
        });
        waitIdle();
        FxThread.run(() -> selectInterestingEvent());
        waitIdle();
        written.add(snap("06-dark-tool-calls.png"));
        FxThread.run(() -> vm.closeCase());
        waitIdle();
        FxThread.run(() -> {
            runner.shutdown();
            if (window.scene().getWindow() != null) window.scene().getWindow().hide();
        });
        try (var files = Files.walk(caseDir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            log.println("note: could not remove the temporary copy " + caseDir);
        }
        return written;
    }

    /** The selected session's swimlanes, the timeline's other view; switched back afterwards so later shots show the histogram. */
    private Path swimlanesScreen() throws IOException, InterruptedException {
        FxThread.run(() -> ((javafx.scene.control.ToggleButton) window.scene().lookup("#timeline-swimlanes")).fire());
        waitIdle();
        Path p = snap("10-swimlanes.png");
        FxThread.run(() -> ((javafx.scene.control.ToggleButton) window.scene().lookup("#timeline-histogram")).fire());
        waitIdle();
        return p;
    }

    /**
     * The Replay screen with the inspected model call's context and its first untrusted part dropped. Endpoints come
     * from a throwaway config folder holding one example profile, so the user's own profiles never show in a picture.
     */
    private Path replayScreen() throws IOException, InterruptedException {
        Path config = Files.createTempDirectory("tracehound-screenshots-config");
        new EndpointProfiles(config.resolve("endpoints.json"))
                .put(EndpointProfile.of("local-ollama", EndpointKind.OLLAMA, "http://localhost:11434", "llama3.1:8b", null));
        String previous = System.getProperty(EndpointProfiles.CONFIG_DIR_PROPERTY);
        System.setProperty(EndpointProfiles.CONFIG_DIR_PROPERTY, config.toString());
        try {
            dev.tracehound.timeline.event.Event call = callWithMostUntrustedParts();
            FxThread.run(() -> {
                vm.replay().reloadEndpoints();
                if (call != null) vm.inspector().show(call);
                window.selectTab("Replay");
            });
            waitIdle();
            FxThread.run(() -> {
                var replay = vm.replay();
                replay.trialsProperty().set(10);
                var untrusted = replay.parts().stream().filter(p -> p.untrusted()).findFirst();
                untrusted.ifPresent(p -> replay.drop(p.index()));
                var parts = (javafx.scene.control.TableView<?>) window.scene().lookup("#replay-parts");
                if (parts != null && untrusted.isPresent()) parts.getSelectionModel().select(untrusted.get().index());
            });
            waitIdle();
            return snap("09-replay.png");
        } finally {
            if (previous == null) System.clearProperty(EndpointProfiles.CONFIG_DIR_PROPERTY);
            else System.setProperty(EndpointProfiles.CONFIG_DIR_PROPERTY, previous);
            try (var files = Files.walk(config)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /**
     * What an investigator replays first: the shown session's earliest model call that read untrusted text and answered
     * with tool calls (the step an injection steers), else the call with the most untrusted parts.
     */
    private dev.tracehound.timeline.event.Event callWithMostUntrustedParts() {
        var selected = FxThread.call(() -> vm.sessions().selectedProperty().get());
        var c = FxThread.call(() -> vm.currentCaseProperty().get());
        if (selected == null || c == null) return null;
        var reconstructor = dev.tracehound.app.cli.ContextReconstructorFactory.forCase(c);
        dev.tracehound.timeline.event.Event best = null;
        long most = 0;
        for (var e : c.events().session(selected.summary().sessionId())) {
            if (e.kind() != dev.tracehound.timeline.event.EventKind.MODEL_CALL) continue;
            var ctx = reconstructor.contextOf(e.eventId()).orElse(null);
            if (ctx == null) continue;
            long untrusted = ctx.input().stream().filter(p -> p.trust() != null && p.trust().isUntrusted()).count();
            if (untrusted > 0 && ctx.output().stream().anyMatch(p -> !p.toolCalls().isEmpty())) return e;
            if (untrusted > most) {
                most = untrusted;
                best = e;
            }
        }
        return best;
    }

    private Path prepareSample() {
        log.println("preparing the sample incident case under " + dataDir + " …");
        log.flush();
        var task = new dev.tracehound.app.ui.workbench.SampleCasePreparer(dataDir);
        task.run();
        try (var c = task.get()) {
            return c.dir();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalArgumentException("could not prepare the sample incident: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void copyCase(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!p.getFileName().toString().endsWith(".lock")) Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void selectInterestingEvent() {
        var table = window.table();
        int n = Math.min(table.getItems().size(), 200);
        int pick = -1;
        for (int i = 0; i < n && pick < 0; i++) {
            var row = table.getItems().get(i);
            if (!row.isLoading() && row.event().kind() == dev.tracehound.timeline.event.EventKind.MODEL_CALL) pick = i;
        }
        if (pick < 0 && n > 0) pick = Math.min(3, n - 1);
        if (pick >= 0) {
            table.getSelectionModel().clearAndSelect(pick);
            table.scrollTo(Math.max(0, pick - 3));
        }
    }

    private void selectInspectorTab(int index) {
        var tabs = (TabPane) window.scene().lookup("#inspector-tabs");
        if (tabs != null) tabs.getSelectionModel().select(index);
    }

    private void waitIdle() throws InterruptedException {
        FxThread.waitUntil(() -> runner.busyProperty().get().isEmpty(), 120_000);
        Thread.sleep(250); // let layout and canvases settle after the last result arrived
        FxThread.run(() -> window.scene().getRoot().applyCss());
    }

    private Path snap(String name) {
        Path file = outDir.resolve(name);
        FxThread.run(() -> {
            window.scene().getRoot().layout();
            try {
                Png.write(window.scene().snapshot(null), file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        log.println("wrote " + file);
        log.flush();
        return file;
    }

    private static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        started.await();
    }
}
