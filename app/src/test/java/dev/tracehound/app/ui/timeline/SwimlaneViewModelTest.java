package dev.tracehound.app.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.app.ui.search.SearchViewModel;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwimlaneViewModelTest {
    @TempDir
    Path tmp;

    SmallCase sample;
    Case c;
    SearchViewModel search;
    SwimlaneViewModel vm;

    @BeforeEach
    void open() throws Exception {
        sample = SmallCase.build(tmp);
        c = Cases.open(sample.dir);
        var runner = new DirectTaskRunner();
        search = new SearchViewModel(runner);
        search.open(c);
        vm = new SwimlaneViewModel(runner, search);
    }

    @AfterEach
    void close() {
        c.close();
    }

    @Test
    void aSessionGetsOneLanePerToolOrActorInOrderOfFirstEvent() {
        vm.refresh(c, "s-alpha", "");
        var s = vm.swimlanesProperty().get();
        assertEquals(List.of("system", "user", "assistant", "search_inbox", "send_email"), s.lanes().stream().map(SwimlaneViewModel.Lane::key).toList());
        assertEquals(List.of(1, 1, 2, 1, 2), s.lanes().stream().map(l -> l.marks().size()).toList());
        assertFalse(s.capped());
        var sendEmail = s.lanes().get(4).marks();
        assertEquals(List.of(sample.toolCall.eventId(), sample.events.get(6).eventId()), sendEmail.stream().map(m -> m.event().eventId()).toList(),
                "the tool's call and its result share the tool's lane, in time order");
        var retrieval = s.lanes().get(3).marks().getFirst();
        assertTrue(retrieval.untrusted(), "a retrieved document is an untrusted origin");
        assertTrue(retrieval.flagged(), "the finding cites the retrieval");
        var system = s.lanes().getFirst().marks().getFirst();
        assertFalse(system.untrusted());
        assertFalse(system.flagged());
        assertTrue(s.fromNanos() < SmallCase.T0 + 1_000_000_000L && s.toNanos() > SmallCase.T0 + 7_000_000_000L, "every mark lies inside the axis");
    }

    @Test
    void withoutASessionTheQuerysHitsAreLaidOut() {
        vm.refresh(c, null, "tool:lookup_flight");
        var s = vm.swimlanesProperty().get();
        assertEquals(List.of("lookup_flight"), s.lanes().stream().map(SwimlaneViewModel.Lane::key).toList());
        long expected = sample.events.stream().filter(e -> "lookup_flight".equals(e.toolName())).count();
        assertEquals(expected, s.lanes().getFirst().marks().size());
    }

    @Test
    void brushingSetsTheSearchsTimeRangeAndClickingOffAMarkClearsIt() {
        vm.refresh(c, "s-alpha", "");
        var s = vm.swimlanesProperty().get();
        vm.brush(1.0, 0.0);
        assertArrayEquals(new long[] {s.fromNanos(), s.toNanos()}, search.timeRangeProperty().get());
        assertEquals(7, search.totalHitsProperty().get(), "the table shows only s-alpha's seven events, which fill the axis");
        vm.brush(0.0, s.fractionOf(SmallCase.T0 + 2_500_000_000L));
        assertEquals(2, search.totalHitsProperty().get(), "the first two events");
        vm.clearBrush();
        assertNull(search.timeRangeProperty().get());
        assertEquals(sample.events.size(), search.totalHitsProperty().get());
    }

    @Test
    void laneKeysFallBackFromToolToActorToKind() {
        var noActor = dev.tracehound.timeline.event.Event.builder("abc", "line:1").kind(dev.tracehound.timeline.event.EventKind.NOTE).build();
        assertEquals("NOTE", SwimlaneViewModel.laneKey(noActor));
        assertEquals("send_email", SwimlaneViewModel.laneKey(sample.toolCall));
        assertEquals("assistant", SwimlaneViewModel.laneKey(sample.modelCall));
    }
}
