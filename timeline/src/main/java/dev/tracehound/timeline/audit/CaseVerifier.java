package dev.tracehound.timeline.audit;

import dev.tracehound.timeline.evidence.EvidenceRecord;
import dev.tracehound.timeline.evidence.Hashing;
import dev.tracehound.timeline.evidence.LocalEvidenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Recomputes every evidence file's SHA-256 and the audit hash chain, and says precisely where either is broken:
 * which file changed, which entry was edited, where entries are missing.
 */
public final class CaseVerifier {
    private final LocalEvidenceStore evidence;
    private final H2AuditLog audit;

    public CaseVerifier(LocalEvidenceStore evidence, H2AuditLog audit) {
        this.evidence = evidence;
        this.audit = audit;
    }

    public VerifyReport verify() {
        List<String> problems = new ArrayList<>();
        long entries = verifyChain(problems);
        int files = verifyEvidence(problems);
        return new VerifyReport(files, entries, List.copyOf(problems));
    }

    private int verifyEvidence(List<String> problems) {
        List<EvidenceRecord> records = evidence.list();
        Set<String> known = new HashSet<>();
        for (EvidenceRecord r : records) {
            known.add(r.sha256());
            Path file = evidence.stored(r.sha256());
            String label = "evidence " + Hashing.shortHash(r.sha256()) + " (" + r.originalPath() + ")";
            if (!Files.isRegularFile(file)) {
                problems.add(label + ": the stored file is missing (deleted?)");
                continue;
            }
            try {
                String actual = Hashing.sha256Hex(file);
                if (!actual.equals(r.sha256())) problems.add(label + ": content hash is " + actual + " (file changed)");
                else if (Files.size(file) != r.size()) problems.add(label + ": size is " + Files.size(file) + ", recorded " + r.size());
            } catch (IOException e) {
                problems.add(label + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        try (Stream<Path> s = Files.list(evidence.dir())) {
            s.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !known.contains(name))
                    .sorted()
                    .forEach(name -> problems.add("evidence/" + name + ": a file no evidence record names (added outside Tracehound?)"));
        } catch (IOException e) {
            problems.add("evidence folder cannot be listed (" + e.getMessage() + ")");
        }
        return records.size();
    }

    private long verifyChain(List<String> problems) {
        long[] state = {0}; // last seq seen
        String[] lastHash = {AuditChain.GENESIS};
        long[] count = {0};
        audit.forEachRaw(e -> {
            count[0]++;
            long expected = state[0] + 1;
            if (e.seq() > expected) {
                problems.add(e.seq() - 1 == expected
                        ? "audit entry " + expected + ": missing, sequence gap (deleted?)"
                        : "audit entries " + expected + ".." + (e.seq() - 1) + ": sequence gap (deleted?)");
            } else if (!e.prevHash().equals(lastHash[0])) {
                problems.add("audit entry " + e.seq() + ": its previous hash does not match entry " + state[0] + " (chain broken)");
            }
            if (!e.recomputedHash().equals(e.hash())) {
                problems.add("audit entry " + e.seq() + ": hash does not match its contents (edited?)");
            }
            state[0] = e.seq();
            lastHash[0] = e.hash();
        });
        Optional<AuditHead> head;
        try {
            head = AuditHead.read(audit.headFile());
        } catch (IOException e) {
            problems.add("audit head " + audit.headFile().getFileName() + " is unreadable (" + e.getMessage() + ")");
            return count[0];
        }
        if (pendingNames(state[0], lastHash[0])) return count[0]; // a crash between the last commit and its head's move
        if (head.isEmpty()) {
            if (count[0] > 0) problems.add("audit head file " + audit.headFile().getFileName() + " is missing (deleted?); the log has " + count[0] + " entries");
        } else if (head.get().seq() > state[0]) {
            long h = head.get().seq();
            problems.add((h == state[0] + 1 ? "audit entry " + h : "audit entries " + (state[0] + 1) + ".." + h)
                    + ": missing at the end of the log; audit.head records entry " + h + " (deleted?)");
        } else if (head.get().seq() < state[0]) {
            problems.add("audit entries " + (head.get().seq() + 1) + ".." + state[0] + ": not recorded in audit.head (appended outside Tracehound, or the head file was replaced)");
        } else if (!head.get().hash().equals(lastHash[0])) {
            problems.add("audit entry " + state[0] + ": hash differs from the one in audit.head (last entry replaced?)");
        }
        return count[0];
    }

    private boolean pendingNames(long seq, String hash) {
        try {
            return AuditHead.read(AuditHead.pending(audit.headFile())).map(p -> p.names(seq, hash)).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }
}
