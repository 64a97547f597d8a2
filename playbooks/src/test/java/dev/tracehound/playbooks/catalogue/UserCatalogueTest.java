package dev.tracehound.playbooks.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracehound.playbooks.format.PlaybookException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCatalogueTest {
    @TempDir Path tmp;

    @Test
    void aBrokenFileInTheFolderIsReportedNotFatalAndAnImportShadowsTheBuiltIn() throws Exception {
        Path dir = tmp.resolve("playbooks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("broken.yaml"), "id: x\ntitle: [\n");
        String jailbreak = BuiltInPlaybooks.load().stream().filter(e -> e.playbook().id().equals("jailbreak")).findFirst().orElseThrow().yaml();
        Path adapted = tmp.resolve("our-jailbreak.yaml");
        Files.writeString(adapted, jailbreak.replace("version: 1.0.0", "version: 1.1.0-acme"));
        CatalogueEntry imported = new UserCatalogue(dir).importFile(adapted, false);
        assertEquals(Files.readString(adapted), Files.readString(dir.resolve("jailbreak.yaml")), "stored as written");

        Catalogue c = Catalogue.load(dir);
        assertEquals(1, c.problems().size());
        assertTrue(c.problems().getFirst().toString().startsWith(dir.resolve("broken.yaml") + ":3:1: malformed YAML"), c.problems().toString());
        assertEquals("1.1.0-acme", c.get("jailbreak").playbook().version());
        assertEquals(CatalogueEntry.USER, c.get("jailbreak").origin());
        assertEquals(imported.playbook(), c.get("jailbreak").playbook());
        assertEquals(CatalogueEntry.BUILT_IN, c.get("supply-chain").origin());
    }

    @Test
    void anInvalidFileIsNeverImported() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "id: ok\ntitle: t\nversion: 1\nincidentType: x\nphases:\n  containment:\n    - {id: a, title: A}\n");
        PlaybookException e = assertThrows(PlaybookException.class, () -> new UserCatalogue(tmp.resolve("p")).importFile(bad, false));
        assertTrue(e.getMessage().contains(bad + ":7:7: step 'a' has no 'guidance'"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("p/ok.yaml")));
    }
}
