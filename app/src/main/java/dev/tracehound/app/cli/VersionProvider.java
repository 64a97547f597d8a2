package dev.tracehound.app.cli;

import dev.tracehound.app.AppVersion;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Tracehound " + AppVersion.get()};
    }
}
