package dev.tracehound.replay.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointProfilesTest {

    @Test
    void storesVariableNamesNotKeys(@TempDir Path dir) throws Exception {
        Path configDir = EndpointProfiles.configDir(Map.of(EndpointProfiles.CONFIG_DIR_ENV, dir.toString()));
        EndpointProfiles profiles = new EndpointProfiles(configDir.resolve("endpoints.json"));
        profiles.put(new EndpointProfile("gpt", EndpointKind.OPENAI, "https://api.openai.com/v1/", "gpt-4o-mini", "OPENAI_API_KEY", 30, 2, 60, 3));
        profiles.put(EndpointProfile.of("local", EndpointKind.OLLAMA, "http://127.0.0.1:11434", "llama3.2", null));
        profiles.put(EndpointProfile.of("gpt", EndpointKind.OPENAI, "https://api.openai.com/v1", "gpt-4.1", "OPENAI_API_KEY"));

        assertEquals(2, profiles.list().size(), "same name replaces");
        EndpointProfile gpt = profiles.require("gpt");
        assertEquals("gpt-4.1", gpt.model());
        assertEquals("https://api.openai.com/v1", gpt.baseUrl(), "trailing slash dropped");
        String file = Files.readString(dir.resolve("endpoints.json"));
        assertTrue(file.contains("\"apiKeyEnv\" : \"OPENAI_API_KEY\""), file);
        assertTrue(file.contains("\"kind\" : \"openai\""), file);

        String key = "sk-live-abcdef0123456789";
        assertEquals(key, ApiKeys.of(Map.of("OPENAI_API_KEY", key)).keyFor(gpt).orElseThrow());
        assertFalse(Files.readString(dir.resolve("endpoints.json")).contains(key));
    }

    @Test
    void rejectsKeysWhereVariableNamesBelongAndOtherMistakes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> EndpointProfile.of("x", EndpointKind.OPENAI, "https://api.openai.com/v1", "m", "sk-live-abcdef0123456789"));
        assertTrue(e.getMessage().contains("takes the NAME of an environment variable"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EndpointProfile.of("x", EndpointKind.OPENAI, "ftp://host", "m", null));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EndpointProfile.of("x", EndpointKind.OPENAI, "https://user:pw@host/v1", "m", null)).getMessage().contains("not in the URL"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EndpointProfile.of("x", EndpointKind.OPENAI, "https://host/v1?key=sk-abc", "m", null)).getMessage().contains("no query string"));
        assertEquals("unknown endpoint kind 'gemini': use openai, anthropic or ollama",
                assertThrows(IllegalArgumentException.class, () -> EndpointKind.parse("gemini")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EndpointProfiles(Path.of("/nonexistent/e.json")).require("nope"))
                .getMessage().startsWith("no endpoint named 'nope'"));
    }
}
