package dev.tracehound.app.cli;

import dev.tracehound.replay.endpoint.EndpointProfiles;
import dev.tracehound.replay.wire.Sampling;

/** The {@code --temperature} of the replay commands, checked before anything is opened. */
final class TemperatureOption {
    private TemperatureOption() {}

    /**
     * Holds the option to the range of the named endpoint's provider (0 to 1 for Anthropic), so the message gives the
     * range that applies; to the widest range any provider takes when there is no such endpoint (that is said next).
     */
    static void check(String profile, Double temperature) {
        EndpointProfiles.userDefault().get(profile).ifPresentOrElse(
                endpoint -> endpoint.kind().checkTemperature("--temperature", temperature),
                () -> Sampling.checkTemperature("--temperature", temperature));
    }
}
