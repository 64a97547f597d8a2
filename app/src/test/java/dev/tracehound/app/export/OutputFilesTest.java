package dev.tracehound.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tracehound.app.report.ReportFormat;
import dev.tracehound.app.report.Reports;
import dev.tracehound.timeline.store.Case;
import dev.tracehound.timeline.store.Cases;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports and exports are handed to others, so they get the permissions any new file gets in their folder (the user's
 * umask), not the owner-only ones of a temporary file, while still appearing whole or not at all.
 */
class OutputFilesTest {
    @TempDir Path tmp;

    @Test
    void aWrittenFileHasThePermissionsOfAPlainNewFileInItsFolder() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path out = tmp.resolve("out/report.txt");
        OutputFiles.writeAtomically(out, "for the legal team\n");
        assertEquals("for the legal team\n", Files.readString(out));
        assertEquals(permissionsOfANewFile(out.getParent()), permissions(out));

        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
        OutputFiles.writeAtomically(out, "again\n");
        assertEquals(permissionsOfANewFile(out.getParent()), permissions(out), "a replaced file is a new file too");
    }

    @Test
    void reportsAndExportsOfACaseHaveThePermissionsOfAPlainNewFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        try (Case c = Cases.create(tmp.resolve("case"), "permissions")) {
            Path report = Reports.write(c, ReportFormat.PDF, null).file();
            Path export = Exports.export(c, ExportFormat.CSV, null, tmp.resolve("elsewhere/events.csv")).file();
            assertEquals(permissionsOfANewFile(report.getParent()), permissions(report), report.toString());
            assertEquals(permissionsOfANewFile(export.getParent()), permissions(export), export.toString());
        }
    }

    @Test
    void aFailedWriteLeavesNeitherTheFileNorATemporaryOne() throws IOException {
        Path out = tmp.resolve("out/report.pdf");
        IOException failure = assertThrows(IOException.class, () -> OutputFiles.writeAtomically(out, os -> {
            os.write("%PDF-half".getBytes());
            throw new IOException("renderer failed");
        }));
        assertEquals("renderer failed", failure.getMessage());
        try (var files = Files.list(out.getParent())) {
            assertTrue(files.findAny().isEmpty(), "no file, no temporary file");
        }
    }

    /** What a file created the ordinary way in the folder gets: the umask applied to rw-rw-rw-. */
    private static Set<PosixFilePermission> permissionsOfANewFile(Path folder) throws IOException {
        Path plain = Files.createFile(folder.resolve("plain-" + System.nanoTime()));
        try {
            return permissions(plain);
        } finally {
            Files.delete(plain);
        }
    }

    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        return Files.getPosixFilePermissions(file);
    }
}
