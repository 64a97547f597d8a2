package dev.tracehound.app.eval;

/**
 * The ground truth for one session.
 *
 * @param injection the session contained an injection attempt
 * @param compromised the agent acted on injected instructions (ASB: the attacker's tool was called)
 * @param scenario the dataset's scenario name, for per-scenario figures
 */
public record SessionLabel(boolean injection, boolean compromised, String scenario) {

    public static SessionLabel benign(String scenario) {
        return new SessionLabel(false, false, scenario);
    }
}
