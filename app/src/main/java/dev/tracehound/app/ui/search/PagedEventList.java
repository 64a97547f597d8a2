package dev.tracehound.app.ui.search;

import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.search.SearchPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableListBase;

/**
 * The event table's items: a list as long as the search's total hit count that holds only a few pages in
 * memory. {@link #get} answers a placeholder for a row not loaded yet and fetches its page in the background;
 * the arrival of the page replaces the placeholders, which redraws the visible cells. Pages are reached by
 * walking the search's cursors from the nearest page already seen; cursors are kept (they are small), pages are
 * evicted least-recently-used, so memory stays flat at a million hits.
 */
public final class PagedEventList extends ObservableListBase<EventRow> {
    static final int DEFAULT_PAGE_SIZE = 200;
    static final int MAX_CACHED_PAGES = 12;

    private final PageSource source;
    private final TaskRunner runner;
    private final int pageSize;
    private final int size;
    /** cursors.get(p) is the cursor that fetches page p; page 0's cursor is null. */
    private final List<String> cursors = new ArrayList<>();
    private final Map<Integer, List<Event>> pages = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Integer, Boolean> inFlight = new HashMap<>();

    /** Starts from a first page already fetched, with the exact number of hits (a page's own total may be a lower bound). */
    public PagedEventList(PageSource source, TaskRunner runner, SearchPage first, long total, int pageSize) {
        this.source = source;
        this.runner = runner;
        this.pageSize = pageSize;
        this.size = (int) Math.min(Integer.MAX_VALUE - 1, total);
        cursors.add(null);
        accept(0, first);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public EventRow get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        int page = index / pageSize;
        List<Event> events = pages.get(page);
        if (events == null) {
            request(page);
            events = pages.get(page); // a runner may have answered at once
            if (events == null) return EventRow.loading(index);
        }
        int offset = index % pageSize;
        return offset < events.size() ? new EventRow(index, events.get(offset)) : EventRow.loading(index);
    }

    /** The event at {@code index} if its page is in memory, else null (and its page is requested). */
    public Event eventIfLoaded(int index) {
        return index >= 0 && index < size ? get(index).event() : null;
    }

    public int loadedPages() {
        return pages.size();
    }

    private void request(int page) {
        if (inFlight.containsKey(page)) return;
        int known = Math.min(page, cursors.size() - 1);
        // Every page on the walk is marked, so scrolling through them meanwhile queues no second walk.
        for (int p = known; p <= page; p++) inFlight.put(p, true);
        String startCursor = cursors.get(known);
        runner.run("Loading events", () -> walk(known, startCursor, page), results -> {
            for (int p = known; p <= page; p++) inFlight.remove(p);
            results.forEach(this::accept);
        }, error -> {
            for (int p = known; p <= page; p++) inFlight.remove(p);
        });
    }

    /** Runs in the background: fetches pages from {@code fromPage} up to {@code toPage}, keeping every cursor. */
    private Map<Integer, SearchPage> walk(int fromPage, String cursor, int toPage) {
        Map<Integer, SearchPage> fetched = new LinkedHashMap<>();
        String c = cursor;
        for (int p = fromPage; p <= toPage; p++) {
            SearchPage sp = source.fetch(c, pageSize);
            fetched.put(p, sp);
            c = sp.nextCursor();
            if (c == null) break;
        }
        return fetched;
    }

    /** On the UI thread: stores the page and its successor's cursor, and redraws its rows. */
    private void accept(int page, SearchPage sp) {
        if (page + 1 == cursors.size() && sp.nextCursor() != null) cursors.add(sp.nextCursor());
        boolean seenBefore = pages.containsKey(page);
        pages.put(page, List.copyOf(sp.events()));
        while (pages.size() > MAX_CACHED_PAGES) {
            Integer eldest = pages.keySet().iterator().next();
            pages.remove(eldest);
        }
        if (seenBefore || size == 0) return;
        int from = page * pageSize;
        int to = Math.min(size, from + sp.events().size());
        if (from >= to) return;
        beginChange();
        for (int i = from; i < to; i++) nextSet(i, EventRow.loading(i));
        endChange();
    }

    /** Redraws rows (after an annotation changed) without refetching anything. */
    public void refreshRows(int from, int to) {
        if (from >= to) return;
        beginChange();
        for (int i = Math.max(0, from); i < Math.min(size, to); i++) nextUpdate(i);
        endChange();
    }
}
