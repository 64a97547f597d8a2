package dev.tracehound.replay.endpoint;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads endpoint keys from the environment at call time. The key stays in memory only for the request that
 * needs it; nothing in the replay module writes it anywhere. The lookup is injectable so tests can supply a key
 * without touching the process environment.
 */
public final class ApiKeys {
    private final Function<String, String> env;

    public ApiKeys(Function<String, String> env) {
        this.env = env;
    }

    public static ApiKeys fromEnvironment() {
        return new ApiKeys(System::getenv);
    }

    public static ApiKeys of(Map<String, String> values) {
        return new ApiKeys(values::get);
    }

    /** The key for {@code profile}: empty when it needs none; a clear error when its variable is unset. */
    public Optional<String> keyFor(EndpointProfile profile) {
        if (profile.apiKeyEnv() == null) return Optional.empty();
        String key = env.apply(profile.apiKeyEnv());
        if (key == null || key.isBlank())
            throw new IllegalArgumentException("endpoint " + profile.name() + " reads its key from $" + profile.apiKeyEnv()
                    + ", which is not set; export it in this shell and run again");
        return Optional.of(key.strip());
    }
}
