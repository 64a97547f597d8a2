package dev.tracehound.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Checks a report package: the manifest's hash matches {@code manifest.sha256}, every listed file is present with its
 * hash and size, and nothing is in the zip that the manifest does not list (including a second entry of the same
 * name, a way to smuggle a changed copy past tools that read only the first). Entries are hashed while streaming;
 * limits on entry count and total size keep a hostile zip from exhausting the machine.
 */
public final class ReportPackageVerifier {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024 * 1024;
    static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param problems one line per problem, each starting with the file it concerns; empty when intact */
    public record Result(Path zip, int filesChecked, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private record Seen(String sha256, long size) {}

    public Result verify(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) throw new NoSuchFileException(zip.toString());
        Map<String, Seen> seen = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        byte[] manifestBytes = null;
        byte[] hashBytes = null;
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) throw new IOException(zip + " has more than " + MAX_ENTRIES + " entries; not a report package");
                String name = e.getName();
                if (seen.containsKey(name)) problems.add(name + ": appears more than once in the zip");
                boolean keep = name.equals(ReportPackage.MANIFEST) || name.equals(ReportPackage.MANIFEST_HASH);
                Hashing h = hash(in, keep, MAX_TOTAL_BYTES - total);
                total += h.size;
                seen.putIfAbsent(name, new Seen(h.sha256, h.size));
                if (name.equals(ReportPackage.MANIFEST) && manifestBytes == null) manifestBytes = h.kept;
                if (name.equals(ReportPackage.MANIFEST_HASH) && hashBytes == null) hashBytes = h.kept;
            }
        } catch (ZipException ex) {
            throw new IOException(zip + " is not a readable zip: " + ex.getMessage(), ex);
        }
        if (entries == 0) throw new IOException(zip + " is not a zip file (or an empty one); expected a Tracehound report package");
        if (manifestBytes == null) return new Result(zip, 0, List.of(ReportPackage.MANIFEST + ": missing; not a Tracehound report package"));
        if (hashBytes == null) problems.add(ReportPackage.MANIFEST_HASH + ": missing");
        else {
            String expected = new String(hashBytes, StandardCharsets.US_ASCII).strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
            if (!expected.equals(seen.get(ReportPackage.MANIFEST).sha256())) {
                problems.add(ReportPackage.MANIFEST + ": its SHA-256 does not match " + ReportPackage.MANIFEST_HASH + " (the manifest was changed)");
            }
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (IOException ex) {
            problems.add(ReportPackage.MANIFEST + ": not valid JSON (" + ex.getMessage() + ")");
            return new Result(zip, 0, problems);
        }
        int checked = 0;
        java.util.Set<String> listed = new java.util.HashSet<>(List.of(ReportPackage.MANIFEST, ReportPackage.MANIFEST_HASH));
        for (JsonNode f : manifest.path("files")) {
            String path = f.path("path").asText();
            listed.add(path);
            Seen s = seen.get(path);
            checked++;
            if (s == null) problems.add(path + ": listed in the manifest but missing from the zip");
            else if (!s.sha256().equalsIgnoreCase(f.path("sha256").asText())) problems.add(path + ": SHA-256 differs from the manifest (the file was changed)");
            else if (f.has("size") && f.path("size").asLong() != s.size()) problems.add(path + ": size differs from the manifest");
        }
        for (String name : seen.keySet()) if (!listed.contains(name)) problems.add(name + ": in the zip but not in the manifest");
        return new Result(zip, checked, problems);
    }

    private record Hashing(String sha256, long size, byte[] kept) {}

    private static Hashing hash(InputStream entry, boolean keep, long budget) throws IOException {
        MessageDigest md = sha256();
        java.io.ByteArrayOutputStream copy = keep ? new java.io.ByteArrayOutputStream() : null;
        long size = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            int n;
            while ((n = entry.read(buf)) > 0) {
                size += n;
                if (size > budget) throw new IOException("the zip expands beyond " + MAX_TOTAL_BYTES + " bytes; not a report package");
                if (keep && size > MAX_MANIFEST_BYTES) throw new IOException("the manifest is over " + MAX_MANIFEST_BYTES + " bytes; not a report package");
                sink.write(buf, 0, n);
                if (keep) copy.write(buf, 0, n);
            }
        }
        return new Hashing(HexFormat.of().formatHex(md.digest()), size, keep ? copy.toByteArray() : null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
