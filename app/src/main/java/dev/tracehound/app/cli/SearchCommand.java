package dev.tracehound.app.cli;

import dev.tracehound.app.format.EventJson;
import dev.tracehound.app.format.TextTable;
import dev.tracehound.app.format.TimeFormat;
import dev.tracehound.timeline.event.EventFlag;
import dev.tracehound.app.format.Texts;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.search.SearchPage;
import dev.tracehound.timeline.search.SearchRequest;
import dev.tracehound.timeline.search.SearchSort;
import dev.tracehound.timeline.store.Case;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tracehound search --case DIR [--limit N] [--cursor C] [--sort time|score] QUERY}. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search a case's events in Lucene query syntax.",
            "Fields: text kind actor tool model provider session trace evidence trust ts. A bare term searches text.",
            "Examples: tool:send_email AND session:abc*   \"ignore previous instructions\"   kind:TOOL_CALL AND ts:[2025-01-01 TO 2025-01-02]"})
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CaseOption caseOption;

    @Mixin
    OutputOptions output;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Events per page (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "C", description = "Continue after a previous page (its next cursor).")
    String cursor;

    @Option(names = "--sort", paramLabel = "time|score", defaultValue = "time", description = "Order: time (default) or score.")
    String sort;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query; words are joined with spaces. Empty matches everything.")
    List<String> query;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 10_000) throw new CliException("--limit must be between 1 and 10000, not " + limit);
        SearchSort order = parseSort(sort);
        String q = query == null ? "" : String.join(" ", query).strip();
        try (Case c = caseOption.openForReading()) {
            SearchPage page = c.search().search(new SearchRequest(q, limit, cursor, order));
            // the page's own total may be a lower bound; the user is told the exact number
            long total = page.totalIsExact() ? page.totalHits() : c.search().count(q);
            if (output.json()) printJson(page, total);
            else printTable(page, total);
        }
        return 0;
    }

    static SearchSort parseSort(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "time" -> SearchSort.TIME;
            case "score" -> SearchSort.SCORE;
            default -> throw new CliException("--sort must be time or score, not '" + s + "'");
        };
    }

    private void printJson(SearchPage page, long total) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", total);
        m.put("next_cursor", page.nextCursor());
        m.put("events", page.events().stream().map(EventJson::of).toList());
        output.printJson(m);
    }

    private void printTable(SearchPage page, long total) {
        var out = output.out();
        TextTable t = new TextTable("TIME (UTC)", "KIND", "ACTOR", "TOOL", "SESSION", "TEXT");
        boolean inferred = false;
        for (Event e : page.events()) {
            boolean guessed = e.has(EventFlag.TIME_INFERRED);
            inferred |= guessed;
            t.row(TimeFormat.human(e.startNanos(), guessed), e.kind(), Texts.oneLine(e.actor(), 20), Texts.oneLine(e.toolName(), 24),
                    Texts.shortId(e.sessionId(), 12), Texts.oneLine(e.text(), 80));
        }
        t.print(out);
        if (inferred) out.println(TimeFormat.INFERRED_LEGEND);
        out.println(page.events().size() + " of " + total + " matching events shown.");
        if (page.nextCursor() != null) out.println("More: add --cursor " + page.nextCursor());
        out.flush();
    }
}
