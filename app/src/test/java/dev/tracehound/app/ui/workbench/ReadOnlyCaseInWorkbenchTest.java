package dev.tracehound.app.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.app.testing.DirectTaskRunner;
import dev.tracehound.app.testing.SmallCase;
import dev.tracehound.app.ui.settings.AppStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench opens a read-only case (read-only media, or every write bit taken away) and says so in its title. */
class ReadOnlyCaseInWorkbenchTest {
    @TempDir Path tmp;

    @Test
    void aReadOnlyCaseOpensAndTheTitleAndStatusSaySo() throws Exception {
        SmallCase sample = SmallCase.build(tmp);
        setWrite(sample.dir, false);
        try {
            WorkbenchViewModel vm = new WorkbenchViewModel(new DirectTaskRunner(), new AppStateStore(tmp.resolve("state.json")));
            List<String> errors = new ArrayList<>();
            vm.onError(errors::add);
            vm.openCase(sample.dir);
            assertEquals(List.of(), errors);
            assertEquals("Tracehound — Small test case (read-only)", vm.titleProperty().get());
            assertTrue(vm.statusProperty().get().endsWith(" · read-only: the case folder grants no one write permission"), vm.statusProperty().get());
            vm.closeCase();
        } finally {
            setWrite(sample.dir, true);
        }
    }

    private static void setWrite(Path dir, boolean write) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
                if (write) perms.add(PosixFilePermission.OWNER_WRITE);
                else perms.removeAll(List.of(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }
}
