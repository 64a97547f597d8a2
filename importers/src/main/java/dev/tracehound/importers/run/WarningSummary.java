package dev.tracehound.importers.run;

/** All warnings of one code in one import: how many, and the first one's message and locator. */
public record WarningSummary(long count, String firstMessage, String firstLocator) {
    WarningSummary plusOne() {
        return new WarningSummary(count + 1, firstMessage, firstLocator);
    }
}
