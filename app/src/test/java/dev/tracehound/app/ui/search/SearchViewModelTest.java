package dev.tracehound.app.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchViewModelTest {
    @TempDir
    Path tmp;

    SmallCase sample;
    Case c;
    SearchViewModel vm;

    @BeforeEach
    void open() throws Exception {
        sample = SmallCase.build(tmp);
        c = Cases.open(sample.dir);
        vm = new SearchViewModel(new DirectTaskRunner());
        vm.open(c);
    }

    @AfterEach
    void close() {
        c.close();
    }

    @Test
    void opensWithEveryEventInTimeOrderAndTheFieldNames() {
        assertEquals(sample.events.size(), vm.totalHitsProperty().get());
        var rows = vm.resultsProperty().get();
        assertEquals(sample.events.size(), rows.size());
        assertEquals(sample.events.getFirst().eventId(), rows.getFirst().event().eventId());
        assertTrue(vm.fieldNames().containsAll(List.of("text", "kind", "tool", "ts")));
    }

    @Test
    void aQueryNarrowsAndABadOneShowsTheErrorAndKeepsTheResults() {
        vm.queryProperty().set("tool:send_email");
        vm.search();
        assertEquals(2, vm.totalHitsProperty().get());
        assertEquals("", vm.errorProperty().get());

        vm.queryProperty().set("kind:TOOL_CALL AND (");
        vm.search();
        assertTrue(vm.errorProperty().get().contains("column"), vm.errorProperty().get());
        assertTrue(vm.errorColumnProperty().get() > 0);
        assertEquals(2, vm.totalHitsProperty().get(), "previous results stay while the query is wrong");
    }

    @Test
    void facetsAndTheBrushedTimeRangeFilter() {
        assertEquals(7L, vm.facetCounts().get("kind").get("tool_call"));
        vm.toggleFacet("kind", "tool_call");
        assertEquals(7, vm.totalHitsProperty().get());
        assertTrue(vm.isFacetSelected("kind", "tool_call"));
        vm.toggleFacet("kind", "tool_call");
        assertEquals(sample.events.size(), vm.totalHitsProperty().get());

        // events are one second apart from T0 + 1 s: lines 2..4 inclusive
        vm.setTimeRange(SmallCase.T0 + 2_000_000_000L, SmallCase.T0 + 4_000_000_000L);
        assertEquals(3, vm.totalHitsProperty().get());
        vm.clearFilters();
        assertEquals(sample.events.size(), vm.totalHitsProperty().get());
    }

    @Test
    void savedSearchesLiveInTheCaseAndAreAudited() {
        vm.queryProperty().set("\"ignore previous instructions\"");
        vm.saveCurrent("injections");
        assertEquals(List.of(new SavedSearch("injections", "\"ignore previous instructions\"")), vm.savedSearches());
        assertTrue(c.audit().entries().stream().anyMatch(e -> e.action().equals("search.save")));

        SearchViewModel fresh = new SearchViewModel(new DirectTaskRunner());
        fresh.open(c);
        assertEquals(1, fresh.savedSearches().size());
        fresh.applySaved(fresh.savedSearches().getFirst());
        assertEquals(c.search().count("\"ignore previous instructions\""), fresh.totalHitsProperty().get());
        assertTrue(fresh.totalHitsProperty().get() >= 1);
        assertFalse(fresh.resultsProperty().get().isEmpty());
    }
}
