package dev.tracehound.timeline.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Per-feature JSON documents in the {@code documents} table. */
public final class H2CaseDocuments implements CaseDocuments {
    private final H2Database db;

    public H2CaseDocuments(H2Database db) {
        this.db = db;
    }

    @Override
    public void put(String collection, String id, String json) {
        db.inTransaction("save document " + collection + "/" + id, c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE documents SET json = ? WHERE collection = ? AND id = ?")) {
                up.setString(1, json);
                up.setString(2, collection);
                up.setString(3, id);
                if (up.executeUpdate() > 0) return null;
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO documents (collection, id, json) VALUES (?,?,?)")) {
                ins.setString(1, collection);
                ins.setString(2, id);
                ins.setString(3, json);
                ins.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> get(String collection, String id) {
        return db.read("read document " + collection + "/" + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM documents WHERE collection = ? AND id = ?")) {
                ps.setString(1, collection);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public List<Document> list(String collection) {
        return db.read("list documents of " + collection, c -> {
            List<Document> docs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, json FROM documents WHERE collection = ? ORDER BY ord")) {
                ps.setString(1, collection);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) docs.add(new Document(rs.getString(1), rs.getString(2)));
                }
            }
            return docs;
        });
    }
}
