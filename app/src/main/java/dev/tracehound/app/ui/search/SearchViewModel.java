package dev.tracehound.app.ui.search;

import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.search.QuerySyntaxException;
import dev.tracehound.timeline.search.SearchPage;
import dev.tracehound.timeline.search.SearchSort;
import dev.tracehound.timeline.store.Case;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * State and commands of the search screen: the query, its inline syntax error, facet filters, the brushed time
 * range, the lazily paged result list and saved searches. Knows nothing about controls.
 */
public final class SearchViewModel {
    /** Keyword fields offered as facet filters. */
    public static final List<String> FACET_FIELDS = List.of("kind", "actor", "tool", "model", "evidence");
    static final int FACET_VALUES = 12;

    private final TaskRunner runner;
    private Case current;
    private int generation;

    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final IntegerProperty errorColumn = new SimpleIntegerProperty(0);
    private final LongProperty totalHits = new SimpleLongProperty(0);
    private final StringProperty effectiveQuery = new SimpleStringProperty("*:*");
    private final ObjectProperty<SearchSort> sort = new SimpleObjectProperty<>(SearchSort.TIME);
    private final ObjectProperty<ObservableList<EventRow>> results =
            new SimpleObjectProperty<>(FXCollections.observableArrayList());
    private final ObservableMap<String, Map<String, Long>> facetCounts = FXCollections.observableHashMap();
    private final Map<String, List<String>> selectedFacets = new LinkedHashMap<>();
    private final ObjectProperty<long[]> timeRange = new SimpleObjectProperty<>(null);
    private final ObservableList<SavedSearch> savedSearches = FXCollections.observableArrayList();
    private final ObservableList<String> fieldNames = FXCollections.observableArrayList();

    public SearchViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    /** Shows a freshly opened case: everything, by time. */
    public void open(Case c) {
        this.current = c;
        selectedFacets.clear();
        timeRange.set(null);
        query.set("");
        runner.run("Reading case", () -> new Object[] {c.search().fieldNames(), SavedSearches.list(c)}, r -> {
            @SuppressWarnings("unchecked") List<String> names = (List<String>) r[0];
            @SuppressWarnings("unchecked") List<SavedSearch> saved = (List<SavedSearch>) r[1];
            fieldNames.setAll(names);
            savedSearches.setAll(saved);
        }, e -> {});
        search();
    }

    public void close() {
        current = null;
        generation++;
        results.set(FXCollections.observableArrayList());
        totalHits.set(0);
        facetCounts.clear();
        savedSearches.clear();
    }

    /** Runs the query with the current filters; a syntax error is shown inline and keeps the previous results. */
    public void search() {
        Case c = current;
        if (c == null) return;
        String q = QueryBuilder.combine(query.get(), selectedFacets,
                timeRange.get() == null ? null : timeRange.get()[0], timeRange.get() == null ? null : timeRange.get()[1]);
        int gen = ++generation;
        SearchSort order = sort.get();
        PageSource source = PageSource.of(c.search(), q, order);
        runner.run("Searching", () -> {
            SearchPage first = source.fetch(null, PagedEventList.DEFAULT_PAGE_SIZE);
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            for (String f : FACET_FIELDS) facets.put(f, c.search().facet(q, f, FACET_VALUES));
            // a page's total may be a lower bound (the search stops counting); the virtual table needs the exact size
            long total = first.totalIsExact() ? first.totalHits() : c.search().count(q);
            return new Outcome(first, total, facets);
        }, outcome -> {
            if (gen != generation) return; // a newer search superseded this one
            error.set("");
            errorColumn.set(0);
            effectiveQuery.set(q);
            totalHits.set(outcome.total);
            results.set(new PagedEventList(source, runner, outcome.first, outcome.total, PagedEventList.DEFAULT_PAGE_SIZE));
            facetCounts.clear();
            facetCounts.putAll(outcome.facets);
        }, failure -> {
            if (gen != generation) return;
            if (failure instanceof QuerySyntaxException qse) {
                error.set(qse.getMessage());
                errorColumn.set(qse.column());
            } else {
                error.set("Search failed: " + failure.getMessage());
                errorColumn.set(0);
            }
        });
    }

    private record Outcome(SearchPage first, long total, Map<String, Map<String, Long>> facets) {}

    /** Adds or removes a facet value filter and searches again. */
    public void toggleFacet(String field, String value) {
        List<String> values = selectedFacets.computeIfAbsent(field, f -> new ArrayList<>());
        if (!values.remove(value)) values.add(value);
        search();
    }

    public boolean isFacetSelected(String field, String value) {
        return selectedFacets.getOrDefault(field, List.of()).contains(value);
    }

    /** Filters to an inclusive time range (from the histogram brush), or clears it with null. */
    public void setTimeRange(Long fromNanos, Long toNanos) {
        timeRange.set(fromNanos == null || toNanos == null ? null : new long[] {Math.min(fromNanos, toNanos), Math.max(fromNanos, toNanos)});
        search();
    }

    public void clearFilters() {
        selectedFacets.clear();
        timeRange.set(null);
        search();
    }

    public void saveCurrent(String name) {
        Case c = current;
        if (c == null) return;
        SavedSearch s = new SavedSearch(name, query.get());
        runner.run("Saving search", () -> {
            SavedSearches.save(c, s, Actors.current());
            return SavedSearches.list(c);
        }, savedSearches::setAll, e -> error.set(e.getMessage()));
    }

    public void applySaved(SavedSearch s) {
        query.set(s.query());
        search();
    }

    public StringProperty queryProperty() { return query; }
    public StringProperty errorProperty() { return error; }
    public IntegerProperty errorColumnProperty() { return errorColumn; }
    public LongProperty totalHitsProperty() { return totalHits; }
    public StringProperty effectiveQueryProperty() { return effectiveQuery; }
    public ObjectProperty<SearchSort> sortProperty() { return sort; }
    public ObjectProperty<ObservableList<EventRow>> resultsProperty() { return results; }
    public ObservableMap<String, Map<String, Long>> facetCounts() { return facetCounts; }
    public ObjectProperty<long[]> timeRangeProperty() { return timeRange; }
    public ObservableList<SavedSearch> savedSearches() { return savedSearches; }
    public ObservableList<String> fieldNames() { return fieldNames; }
    public Case currentCase() { return current; }
}
