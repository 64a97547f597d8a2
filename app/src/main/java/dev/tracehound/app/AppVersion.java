package dev.tracehound.app;

/** The version written into cases, reports and audit entries. */
public final class AppVersion {
    private AppVersion() {}

    public static String get() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
