package dev.tracehound.app.ui.search;

/** A named query kept in the case (collection {@code saved-searches}). */
public record SavedSearch(String name, String query) {
    @Override
    public String toString() {
        return name;
    }
}
