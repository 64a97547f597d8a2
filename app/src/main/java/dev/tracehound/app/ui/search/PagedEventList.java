package dev.tracehound.app.ui.search;

import dev.tracehound.app.ui.tasks.TaskRunner;
import dev.tracehound.timeline.event.Event;
import dev.tracehound.timeline.search.SearchPage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The event table's items: a list as long as the search's total hit count that holds only a few pages in
 * memory. {@link #get} answers a placeholder for a row not loaded yet and fetches its page in the background;
 * the arrival of the page replaces the placeholders, which redraws the visible cells. A page whose cursor is known
 * (the next page while scrolling) is fetched with it; any other page (a jump down the scrollbar) first asks the
 * search for the cursor at its first row ({@link PageSource#cursorAt}), so reaching row 700,000 costs one seek and
 * one page, never the pages before it. Cursors are kept (a few dozen bytes each), pages are evicted
 * least-recently-used, so memory stays flat at a million hits.
 */
public final class PagedEventList extends ObservableListBase<EventRow> {
    static final int DEFAULT_PAGE_SIZE = 200;
    static final int MAX_CACHED_PAGES = 12;

    private final PageSource source;
    private final TaskRunner runner;
    private final int pageSize;
    private final int size;
    /** The cursor that fetches each page reached so far; page 0's is null. */
    private final Map<Integer, String> cursors = new HashMap<>();
    private final Map<Integer, List<Event>> pages = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Integer> inFlight = new HashSet<>();
    /**
     * The page asked for last. Dragging the scrollbar asks for every page it passes; the background thread skips
     * those more than a page away from this one when it reaches them, so the page let go on loads next, not last.
     */
    private volatile int newestRequest;

    /** Starts from a first page already fetched, with the exact number of hits (a page's own total may be a lower bound). */
    public PagedEventList(PageSource source, TaskRunner runner, SearchPage first, long total, int pageSize) {
        this.source = source;
        this.runner = runner;
        this.pageSize = pageSize;
        this.size = (int) Math.min(Integer.MAX_VALUE - 1, total);
        cursors.put(0, null);
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
        if (!inFlight.add(page)) return;
        newestRequest = page;
        boolean known = cursors.containsKey(page);
        String knownCursor = cursors.get(page);
        runner.run("Loading events", () -> {
            if (Math.abs(page - newestRequest) > 1) return null; // scrolled past meanwhile
            String cursor = known ? knownCursor : source.cursorAt((long) page * pageSize);
            return new Fetched(cursor, source.fetch(cursor, pageSize));
        }, fetched -> {
            inFlight.remove(page);
            if (fetched == null) return; // a later get() asks again if the page is still in view
            cursors.put(page, fetched.cursor());
            accept(page, fetched.page());
        }, error -> inFlight.remove(page));
    }

    private record Fetched(String cursor, SearchPage page) {}

    /** On the UI thread: stores the page and its successor's cursor, and redraws its rows. */
    private void accept(int page, SearchPage sp) {
        if (sp.nextCursor() != null) cursors.putIfAbsent(page + 1, sp.nextCursor());
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
