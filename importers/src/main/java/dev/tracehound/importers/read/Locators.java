package dev.tracehound.importers.read;

/** Locator suffixes for records that give several events ({@code line:12#msg3}, {@code line:12#msg3/tool_call1}). */
public final class Locators {
    private Locators() {}

    public static String part(String locator, String part) {
        return locator + (locator.indexOf('#') >= 0 ? "/" : "#") + part;
    }
}
