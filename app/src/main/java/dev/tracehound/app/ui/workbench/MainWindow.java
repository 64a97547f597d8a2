package dev.tracehound.app.ui.workbench;

import dev.tracehound.app.ui.findings.FindingsView;
import dev.tracehound.app.ui.importing.ImportView;
import dev.tracehound.app.ui.importing.ImportViewModel;
import javafx.scene.control.Button;
import dev.tracehound.app.ui.inspector.InspectorView;
import dev.tracehound.app.ui.notify.Notifier;
import dev.tracehound.app.ui.search.EventTable;
import dev.tracehound.app.ui.search.FacetPanel;
import dev.tracehound.app.ui.search.SearchBar;
import dev.tracehound.app.ui.sessions.SessionListView;
import dev.tracehound.app.ui.tasks.FxTaskRunner;
import dev.tracehound.app.ui.theme.Themes;
import dev.tracehound.app.ui.timeline.HistogramView;
import dev.tracehound.app.ui.timeline.SessionTreeView;
import dev.tracehound.app.ui.timeline.SwimlaneView;
import dev.tracehound.timeline.event.Event;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.controlsfx.control.MasterDetailPane;
import org.controlsfx.control.StatusBar;

/**
 * The workbench window: menus, the query bar, sessions and filters on the left, the screens in tabs, the
 * inspector on the right, a status bar below. Only layout and wiring; state lives in {@link WorkbenchViewModel}.
 */
public final class MainWindow {
    private final WorkbenchViewModel vm;
    private final FxTaskRunner runner;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final TabPane tabs = new TabPane();
    private final Map<String, Tab> tabsByName = new LinkedHashMap<>();
    private final SearchBar searchBar;
    private final EventTable table;
    private final InspectorView inspector;
    private final Notifier notifier;
    private final ImportViewModel importVm = new ImportViewModel();
    private Runnable openSample = () -> {};
    private Stage stage;

    public MainWindow(WorkbenchViewModel vm, FxTaskRunner runner) {
        this.vm = vm;
        this.runner = runner;
        this.notifier = new Notifier(root);
        vm.onError(notifier::error);

        searchBar = new SearchBar(vm.search());
        table = new EventTable(vm.search(), vm::annotationIndex);
        inspector = new InspectorView(vm.inspector(), this::showEvent, this::showInSession);
        vm.inspector().onAnnotationChanged(id -> table.refresh());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && !row.isLoading()) vm.inspector().show(row.event());
        });

        HistogramView histogram = new HistogramView(vm.histogram(), vm.search());
        VBox timeline = new VBox(histogram, table);
        timeline.getChildren().addFirst(timelineSwitch(timeline, histogram, new SwimlaneView(vm.swimlanes(), this::showEvent)));
        VBox.setVgrow(table, Priority.ALWAYS);
        addTab("Timeline", timeline);
        addTab("Session tree", new SessionTreeView(vm.sessions(), this::showEvent));
        addTab("Findings", new FindingsView(vm.findings(), this::showEvent));
        addTab("Import", new ImportView(importVm, () -> vm.currentCaseProperty().get(), reports -> {
            vm.refresh();
            notifier.info("Import finished", importVm.summaryProperty().get());
        }));
        addTab("Replay", new dev.tracehound.app.ui.replay.ReplayView(vm.replay(), vm::runLong, notifier::error));
        addTab("Playbooks", new dev.tracehound.app.ui.playbooks.PlaybooksView(vm.playbooks()));
        addTab("Report", new dev.tracehound.app.ui.reporting.ReportView(vm.report()));
        tabs.setId("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.sessions().selectedProperty().addListener((o, a, s) -> {
            if (s != null) tabs.getSelectionModel().select(tabsByName.get("Session tree"));
        });

        MasterDetailPane center = new MasterDetailPane(Side.RIGHT, tabs, inspector, true);
        center.setDividerPosition(0.69);

        Label sessionsTitle = new Label("SESSIONS");
        sessionsTitle.getStyleClass().add("pane-title");
        SessionListView sessions = new SessionListView(vm.sessions());
        VBox sessionsBox = new VBox(sessionsTitle, sessions);
        VBox.setVgrow(sessions, Priority.ALWAYS);
        Label filtersTitle = new Label("FILTERS");
        filtersTitle.getStyleClass().add("pane-title");
        FacetPanel facets = new FacetPanel(vm.search());
        VBox filtersBox = new VBox(filtersTitle, facets);
        VBox.setVgrow(facets, Priority.ALWAYS);
        SplitPane left = new SplitPane(sessionsBox, filtersBox);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.55);

        SplitPane main = new SplitPane(left, center);
        main.setDividerPositions(0.17);
        SplitPane.setResizableWithParent(left, false);

        StatusBar status = statusBar();

        root.setTop(new VBox(menuBar(), searchBar));
        root.setCenter(main);
        root.setBottom(status);
        scene = new Scene(root, 1440, 900);
        Themes.apply(scene, vm.themeProperty().get());
        vm.themeProperty().addListener((o, a, t) -> Themes.apply(scene, t));
        installShortcuts();
    }

    /** "Histogram | Swimlanes" above the table: both brush the same time range, so switching keeps the filter. */
    private javafx.scene.layout.HBox timelineSwitch(VBox timeline, HistogramView histogram, SwimlaneView swimlanes) {
        var group = new javafx.scene.control.ToggleGroup();
        var histogramButton = new javafx.scene.control.ToggleButton("Histogram");
        histogramButton.setId("timeline-histogram");
        var swimlanesButton = new javafx.scene.control.ToggleButton("Swimlanes");
        swimlanesButton.setId("timeline-swimlanes");
        histogramButton.setToggleGroup(group);
        swimlanesButton.setToggleGroup(group);
        group.selectToggle(histogramButton);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                group.selectToggle(was); // one view is always shown
                return;
            }
            timeline.getChildren().set(1, now == swimlanesButton ? swimlanes : histogram); // the slot above the table
        });
        var bar = new javafx.scene.layout.HBox(4, histogramButton, swimlanesButton);
        bar.getStyleClass().add("timeline-switch");
        bar.setPadding(new javafx.geometry.Insets(3, 6, 3, 6));
        return bar;
    }

    /** Status text, the current background work, and for long work its progress and a cancel button. */
    private StatusBar statusBar() {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        Label busy = new Label();
        Button cancel = new Button("Cancel");
        cancel.setId("long-task-cancel");
        cancel.setVisible(false);
        status.getRightItems().addAll(busy, cancel);
        Runnable update = () -> {
            javafx.concurrent.Task<?> t = vm.longTaskProperty().get();
            status.textProperty().unbind();
            status.progressProperty().unbind();
            busy.textProperty().unbind();
            if (t != null) {
                status.textProperty().bind(t.messageProperty());
                status.progressProperty().bind(t.progressProperty());
                busy.setText(t.getTitle());
                cancel.setVisible(true);
                cancel.setOnAction(e -> t.cancel());
            } else {
                status.textProperty().bind(vm.statusProperty());
                busy.textProperty().bind(runner.busyProperty());
                status.setProgress(runner.busyProperty().get().isEmpty() ? 0 : -1);
                cancel.setVisible(false);
            }
        };
        runner.busyProperty().addListener((o, a, b) -> {
            if (vm.longTaskProperty().get() == null) status.setProgress(b.isEmpty() ? 0 : -1);
        });
        vm.longTaskProperty().addListener((o, a, b) -> update.run());
        update.run();
        return status;
    }

    /** What Case ▸ Open sample incident does (set by the application, which knows the data folder). */
    public void onOpenSample(Runnable action) {
        openSample = action;
    }

    private void addTab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setId("tab-" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        tabsByName.put(name, t);
        tabs.getTabs().add(t);
    }

    /** Shows an event in the inspector (from the tree, the context list or the provenance graph). */
    private void showEvent(Event e) {
        vm.inspector().show(e);
    }

    /** Filters the table to the event's session and selects the event there, so the events around it are in view. */
    private void showInSession(Event e) {
        if (e == null || e.sessionId() == null) return;
        selectTab("Timeline");
        vm.search().queryProperty().set("session:" + dev.tracehound.app.ui.search.QueryBuilder.quote(e.sessionId()));
        javafx.beans.value.ChangeListener<javafx.collections.ObservableList<dev.tracehound.app.ui.search.EventRow>> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.collections.ObservableList<dev.tracehound.app.ui.search.EventRow>> o,
                    javafx.collections.ObservableList<dev.tracehound.app.ui.search.EventRow> a, javafx.collections.ObservableList<dev.tracehound.app.ui.search.EventRow> rows) {
                vm.search().resultsProperty().removeListener(this);
                // the first page is in memory; a session's event further down is found by scrolling
                for (int i = 0; i < Math.min(rows.size(), 200); i++) {
                    var r = rows.get(i);
                    if (!r.isLoading() && r.event().eventId().equals(e.eventId())) {
                        table.getSelectionModel().clearAndSelect(i);
                        table.scrollTo(Math.max(0, i - 5));
                        return;
                    }
                }
            }
        };
        vm.search().resultsProperty().addListener(once);
        vm.search().search();
    }

    private MenuBar menuBar() {
        Menu caseMenu = new Menu("Case");
        MenuItem create = new MenuItem("New case…");
        create.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        create.setOnAction(e -> newCase());
        MenuItem open = new MenuItem("Open case…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> openCase());
        Menu recent = new Menu("Open recent");
        Runnable rebuildRecent = () -> {
            recent.getItems().clear();
            for (String dir : vm.recentCases()) {
                MenuItem item = new MenuItem(dir);
                item.setMnemonicParsing(false);
                item.setOnAction(e -> vm.openCase(Path.of(dir)));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        vm.recentCases().addListener((ListChangeListener<String>) c -> rebuildRecent.run());
        rebuildRecent.run();
        MenuItem close = new MenuItem("Close case");
        close.setOnAction(e -> vm.closeCase());
        close.disableProperty().bind(vm.currentCaseProperty().isNull());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> {
            if (stage != null) stage.close();
        });
        MenuItem sample = new MenuItem("Open sample incident");
        sample.setOnAction(e -> openSample.run());
        MenuItem importFiles = new MenuItem("Import files…");
        importFiles.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        importFiles.setOnAction(e -> selectTab("Import"));
        importFiles.disableProperty().bind(vm.currentCaseProperty().isNull());
        caseMenu.getItems().addAll(create, open, recent, sample, close, new SeparatorMenuItem(), importFiles, new SeparatorMenuItem(), quit);

        Menu analyze = new Menu("Analyze");
        MenuItem detectors = new MenuItem("Run detectors");
        detectors.setId("run-detectors");
        detectors.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        detectors.setOnAction(e -> vm.analyze());
        detectors.disableProperty().bind(vm.currentCaseProperty().isNull().or(vm.longTaskProperty().isNotNull()));
        analyze.getItems().add(detectors);

        Menu view = new Menu("View");
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("dark-theme-toggle");
        dark.setSelected("dark".equals(vm.themeProperty().get()));
        dark.setOnAction(e -> vm.themeProperty().set(dark.isSelected() ? "dark" : "light"));
        vm.themeProperty().addListener((o, a, t) -> dark.setSelected("dark".equals(t)));
        MenuItem refresh = new MenuItem("Refresh");
        refresh.setAccelerator(KeyCombination.keyCombination("F5"));
        refresh.setOnAction(e -> vm.refresh());
        view.getItems().addAll(dark, refresh);

        Menu help = new Menu("Help");
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> notifier.info("Keyboard shortcuts",
                "Ctrl+F search · J/K or ↓/↑ next/previous event · S star · T tag · Ctrl+O open case · F5 refresh"));
        help.getItems().add(keys);
        MenuBar bar = new MenuBar(caseMenu, view, analyze, help);
        bar.setId("menu-bar");
        return bar;
    }

    private void newCase() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the new case (empty or new)");
        File dir = chooser.showDialog(stage);
        if (dir == null) return;
        TextInputDialog name = new TextInputDialog(dir.getName());
        name.setTitle("New case");
        name.setHeaderText("Name of the case");
        name.showAndWait().ifPresent(n -> vm.createCase(dir.toPath(), n));
    }

    private void openCase() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a case folder");
        File dir = chooser.showDialog(stage);
        if (dir != null) vm.openCase(dir.toPath());
    }

    private void installShortcuts() {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
                searchBar.field().requestFocus();
                searchBar.field().selectAll();
                e.consume();
                return;
            }
            if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) return;
            switch (e.getCode()) {
                case J -> move(1, e);
                case K -> move(-1, e);
                case S -> {
                    vm.inspector().toggleStar();
                    e.consume();
                }
                case T -> {
                    inspector.askTag();
                    e.consume();
                }
                default -> {}
            }
        });
    }

    private void move(int delta, KeyEvent e) {
        int i = table.getSelectionModel().getSelectedIndex();
        int next = Math.max(0, Math.min(table.getItems().size() - 1, i + delta));
        if (table.getItems().isEmpty()) return;
        table.getSelectionModel().clearAndSelect(next);
        table.scrollTo(Math.max(0, next - 5));
        e.consume();
    }

    public void show(Stage stage) {
        this.stage = stage;
        stage.titleProperty().bind(vm.titleProperty());
        stage.setScene(scene);
        stage.show();
    }

    public Scene scene() {
        return scene;
    }

    /** Brings a tab to the front by its name (for screenshots and tests). */
    public void selectTab(String name) {
        Tab t = tabsByName.get(name);
        if (t != null) tabs.getSelectionModel().select(t);
    }

    public ImportViewModel importViewModel() {
        return importVm;
    }

    public EventTable table() {
        return table;
    }

    public FxTaskRunner runner() {
        return runner;
    }
}
