package dev.tracehound.app.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppStateStoreTest {
    @TempDir
    Path tmp;

    @Test
    void remembersLastAndRecentCasesNewestFirstAndTheTheme() {
        AppStateStore store = new AppStateStore(tmp.resolve("cfg/state.json"));
        AppState s = store.load();
        s.opened("/cases/a");
        s.opened("/cases/b");
        s.opened("/cases/a");
        s.theme = "dark";
        store.save(s);
        AppState back = store.load();
        assertEquals("/cases/a", back.lastCase);
        assertEquals(List.of("/cases/a", "/cases/b"), back.recentCases);
        assertEquals("dark", back.theme);
    }

    @Test
    void anUnreadableStateFileGivesAFreshStart() throws Exception {
        Path f = tmp.resolve("state.json");
        Files.writeString(f, "{not json");
        AppState s = new AppStateStore(f).load();
        assertNull(s.lastCase);
        assertEquals("light", s.theme);
    }
}
