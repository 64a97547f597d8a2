package dev.tracehound.app.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.app.ui.annotate.AnnotationIndex;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectorViewModelTest {
    @TempDir
    Path tmp;

    SmallCase sample;
    Case c;
    InspectorViewModel vm;
    final List<String> changed = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        sample = SmallCase.build(tmp);
        c = Cases.open(sample.dir);
        vm = new InspectorViewModel(new DirectTaskRunner());
        vm.open(c, new AnnotationIndex(c.annotations()));
        vm.onAnnotationChanged(changed::add);
    }

    @AfterEach
    void close() {
        c.close();
    }

    @Test
    void aModelCallShowsItsInputAsAConversationAndItsSourceLine() throws Exception {
        vm.show(sample.modelCall);
        assertEquals(List.of("system", "user", "tool"), vm.conversation().stream().map(ChatMessage::role).toList());
        assertEquals(SmallCase.INJECTION_TEXT, vm.conversation().get(2).text());
        String line3 = Files.readAllLines(tmp.resolve("export.jsonl")).get(2);
        assertEquals(line3, vm.rawRecordProperty().get(), "the exact bytes of line 3 of the stored evidence");
        assertTrue(vm.evidenceLocatorProperty().get().contains(sample.modelCall.evidenceSha256()));
        assertTrue(vm.evidenceLocatorProperty().get().contains("line:3"));
        assertEquals(sample.events.subList(0, 7), List.copyOf(vm.context()), "the call and up to five events either side: all of s-alpha");
    }

    @Test
    void aToolCallShowsPrettyArguments() {
        vm.show(sample.toolCall);
        assertTrue(vm.toolArgumentsProperty().get().contains("\"to\" : \"attacker@evil.example\""), vm.toolArgumentsProperty().get());
        assertTrue(vm.headerProperty().get().startsWith("TOOL_CALL  send_email"));
    }

    @Test
    void starTagAndNotePersistAndAreAudited() {
        vm.show(sample.retrieval);
        long auditBefore = c.audit().entries().size();
        vm.toggleStar();
        vm.addTag("injection");
        vm.addNote("the payload hides in an e-mail footer");
        var stored = c.annotations().of(sample.retrieval.eventId());
        assertTrue(stored.starred());
        assertEquals(java.util.Set.of("injection"), stored.tags());
        assertEquals(List.of("the payload hides in an e-mail footer"), stored.notes());
        assertEquals(stored, vm.annotationsProperty().get());
        var actions = c.audit().entries().stream().skip(auditBefore).map(e -> e.action()).toList();
        assertEquals(List.of("annotation.star", "annotation.tag", "annotation.note"), actions);
        assertEquals(3, changed.size());

        vm.toggleStar();
        assertFalse(c.annotations().of(sample.retrieval.eventId()).starred());
    }
}
