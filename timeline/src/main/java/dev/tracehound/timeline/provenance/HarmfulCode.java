package dev.tracehound.timeline.provenance;

/**
 * What code does that nobody builds into a program on a stranger's word (BIPIA's code attacks): send data to
 * another host, run shell commands or downloaded code, delete, encrypt or rewrite files outside the project, or
 * run forever. Each is ordinary in some program; {@link CodeInjection} counts it only in code that third-party
 * text orders the model to merge into its work.
 */
final class HarmfulCode {
    private HarmfulCode() {}

    /** HTTP posts and uploads, socket sends, mail, copies to another machine, cookies sent along with a request. */
    static final String SENDS_DATA = "(?:\\brequests\\.(?:post|put)\\b|\\.request\\(\\s*[\"']POST\\b|\\.(?:sendall|sendto)\\s*\\(|\\b\\w*sock\\w*\\.send\\s*\\("
            + "|\\bstorbinary\\b|\\bsmtplib\\b|\\bsmtp(?:_ssl)?\\s*\\(|\\bsendmail\\b|\\b(?:scp|rsync)\\b|\\bcurl\\b[^\\n]{0,80}?\\s(?:-F|-d|--data|-X)\\b|[,(]\\s*cookies\\s*=)";
    /** Shell commands, evaluated strings, piped or unpickled downloads, remote shells and tunnels. */
    static final String RUNS_COMMANDS = "(?:\\bos\\.(?:system|popen|exec\\w{0,4}|fork)\\s*\\(|\\bsubprocess\\.|\\bpexpect\\.|(?<![\\w.])(?:exec|eval)\\s*\\("
            + "|\\|\\s*(?:sudo\\s+)?(?:ba)?sh\\b|\\bchmod\\s+\\+x\\b|\\bnc\\s+-e\\b|/bin/(?:ba)?sh\\b|\\bssh\\s+-[LR]\\b|\\bpickle\\.loads?\\s*\\(\\s*\\w{0,20}\\.content\\b)";
    /** System files removed or rewritten, a disk overwritten, a file encrypted where it lies. */
    static final String ALTERS_SYSTEM = "(?:\\brmtree\\s*\\(|\\bos\\.(?:remove|unlink|rmdir)\\s*\\(|\\brm\\s+-rf\\b|\\bdd\\s+if=|\\bauthorized_keys\\b"
            + "|\\bopen\\(\\s*[\"'](?:/etc/|/boot/|/lib|~?/\\.ssh)|[\"']r\\+b?[\"'][^`]{0,200}?\\.write\\([^`]{0,200}?\\bencrypt)";
    /** A loop without an exit: floods, fork bombs, resident collectors. */
    static final String NEVER_STOPS = "(?:^[ \\t]{0,8}while\\s+(?:true|1)\\s*:)";

    static final String ANY = "(?:" + SENDS_DATA + "|" + RUNS_COMMANDS + "|" + ALTERS_SYSTEM + "|" + NEVER_STOPS + ")";
}
