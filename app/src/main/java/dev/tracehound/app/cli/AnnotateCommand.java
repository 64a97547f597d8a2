package dev.tracehound.app.cli;

import dev.tracehound.timeline.annotate.Annotations;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.store.Case;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracehound annotate --case DIR EVENT [--star|--unstar] [--tag T]... [--untag T]... [--note TEXT]}: what the
 * desktop's Star, Tag and Note buttons do, for scripts; each change is audited. Marked events make up a report's
 * key timeline.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Star, tag or add a note to an event (audited); marked events make up a report's key timeline.")
public final class AnnotateCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "EVENT", description = "The event id (see `tracehound search`).")
    String eventId;

    @Option(names = "--star", description = "Star the event.") boolean star;
    @Option(names = "--unstar", description = "Remove the star.") boolean unstar;
    @Option(names = "--tag", paramLabel = "TAG", description = "Add a tag (repeatable).") List<String> tags = List.of();
    @Option(names = "--untag", paramLabel = "TAG", description = "Remove a tag (repeatable).") List<String> untags = List.of();
    @Option(names = "--note", paramLabel = "TEXT", description = "Add a note.") String note;

    @Override
    public Integer call() {
        if (star && unstar) throw new CliException("give --star or --unstar, not both");
        if (!star && !unstar && tags.isEmpty() && untags.isEmpty() && note == null) {
            throw new CliException("nothing to do: give --star, --unstar, --tag, --untag or --note");
        }
        try (Case c = caseOption.open()) {
            if (c.events().get(eventId).isEmpty()) {
                throw new CliException("no event with id " + eventId + " in this case; find ids with `tracehound search --case "
                        + caseOption.dir() + " QUERY --json`");
            }
            String actor = Actors.current();
            if (star || unstar) c.annotations().star(eventId, star, actor);
            for (String t : tags) c.annotations().tag(eventId, t, actor);
            for (String t : untags) c.annotations().untag(eventId, t, actor);
            if (note != null) c.annotations().note(eventId, note, actor);
            Annotations a = c.annotations().of(eventId);
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("event", eventId);
                m.put("starred", a.starred());
                m.put("tags", a.tags().stream().sorted().toList());
                m.put("notes", a.notes());
                output.printJson(m);
            } else {
                output.out().printf("%s: %s, tags %s, %d note(s)%n", eventId, a.starred() ? "starred" : "not starred",
                        a.tags().stream().sorted().toList(), a.notes().size());
                output.out().flush();
            }
            return 0;
        }
    }
}
