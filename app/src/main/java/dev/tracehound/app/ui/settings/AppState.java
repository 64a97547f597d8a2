package dev.tracehound.app.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * What the app remembers between runs: the last case, recent cases (newest first) and the theme.
 * Unknown fields in an older or newer state file are ignored rather than failing the start.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AppState {
    static final int MAX_RECENT = 10;

    public String lastCase;
    public List<String> recentCases = new ArrayList<>();
    public String theme = "light";

    /** Records {@code caseDir} as the last and most recent case. */
    public void opened(String caseDir) {
        lastCase = caseDir;
        recentCases.remove(caseDir);
        recentCases.addFirst(caseDir);
        while (recentCases.size() > MAX_RECENT) recentCases.removeLast();
    }
}
