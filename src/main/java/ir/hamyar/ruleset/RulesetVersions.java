package ir.hamyar.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.json.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored ruleset versions: immutable trees (content-addressed files) with their lifecycle. Every change of
 * lifecycle happens in one transaction with its event and a NOTIFY on {@link #CHANNEL}, so replicas hear of it only
 * once it is committed.
 */
@ApplicationScoped
public class RulesetVersions {

    public static final String CHANNEL = "hamyar_ruleset";
    static final String CREATED = "created:";
    static final String ACTIVATED = "activated:";

    private static final String COLUMNS = "v.version, v.sha256, v.status, v.source, v.created_at, v.created_by,"
            + " v.comment, v.activated_at, v.activated_by, v.report::text,"
            + " (select count(*) from ruleset_file f where f.version = v.version),"
            + " (select json_agg(json_build_object('by', e.actor, 'at', e.at, 'comment', e.comment) order by e.id)"
            + " from ruleset_event e where e.version = v.version and e.action = 'APPROVED')::text, "
            + VersionSeals.SEALED_TEXT + ", v.mac, v.mac_key";
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('" + CHANNEL + "'))";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final VersionSeals seals;

    public RulesetVersions(AgroalDataSource dataSource, ObjectMapper mapper, VersionSeals seals) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.seals = seals;
    }

    public List<RulesetVersion> all() {
        return Jdbc.read(dataSource, connection -> select(connection, "true order by v.version"));
    }

    public Optional<RulesetVersion> find(int version) {
        return Jdbc.read(dataSource, connection -> first(select(connection, "v.version = ?", version)));
    }

    public Optional<RulesetVersion> findBySha(String sha256) {
        return Jdbc.read(dataSource, connection -> first(select(connection, "v.sha256 = ?", sha256)));
    }

    /** The active version and the id of the event that activated it, which orders activations across replicas. */
    public Optional<Activation> currentActivation() {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select v.version, v.sha256, (select max(e.id) from ruleset_event e where e.version = v.version"
                            + " and e.action in ('ACTIVATED', 'ROLLED_BACK'))"
                            + " from ruleset_version v where v.status = 'ACTIVE'")) {
                try (ResultSet result = statement.executeQuery()) {
                    return result.next()
                            ? Optional.of(new Activation(result.getInt(1), result.getString(2), result.getLong(3)))
                            : Optional.empty();
                }
            }
        });
    }

    public RuleTree tree(int version) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select f.path, b.content from ruleset_file f join ruleset_blob b using (sha256)"
                            + " where f.version = ?")) {
                statement.setInt(1, version);
                Map<String, byte[]> files = new HashMap<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        files.put(result.getString(1), result.getBytes(2));
                    }
                }
                return new RuleTree(files);
            }
        });
    }

    /**
     * The tree of a version that is what the service sealed, to compile, activate or build on: a 409 naming the
     * version when its seal does not verify or its files are not the tree its sha256 names.
     */
    public RuleTree verifiedTree(int version) {
        RulesetVersion stored = find(version).orElseThrow(() -> RulesetProblems.unknownVersion(version));
        if (stored.integrity() == VersionSeals.Integrity.BROKEN) {
            throw RulesetProblems.integrityBroken(version);
        }
        RuleTree tree = tree(version);
        if (!tree.sha256().equals(stored.sha256())) {
            throw RulesetProblems.integrityBroken(version);
        }
        return tree;
    }

    public List<StoredFile> files(int version) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select f.path, f.sha256, length(b.content) from ruleset_file f join ruleset_blob b"
                            + " using (sha256) where f.version = ? order by f.path")) {
                statement.setInt(1, version);
                List<StoredFile> files = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        files.add(new StoredFile(result.getString(1), result.getString(2), result.getInt(3)));
                    }
                }
                return files;
            }
        });
    }

    public Optional<byte[]> file(int version, String path) {
        if (path.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select b.content from ruleset_file f join ruleset_blob b using (sha256)"
                            + " where f.version = ? and f.path = ?")) {
                statement.setInt(1, version);
                statement.setString(2, path);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() ? Optional.of(result.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Stores a validated tree as a DRAFT (CREATED event) or REJECTED (REJECTED event). Empty when a version with the
     * same sha256 already exists: nothing is stored twice.
     */
    public Optional<Integer> insert(NewVersion draft) {
        return Jdbc.inTransaction(dataSource, connection -> {
            Optional<Integer> version = insertVersion(connection, draft);
            if (version.isEmpty()) {
                return version;
            }
            insertFiles(connection, version.get(), draft.tree());
            RulesetAction action =
                    draft.status() == RulesetStatus.REJECTED ? RulesetAction.REJECTED : RulesetAction.CREATED;
            insertEvent(connection, draft.createdBy(), action, version.get(), null, draft.comment());
            seals.reseal(connection, version.get());
            notify(connection, CREATED + version.get());
            return version;
        });
    }

    /**
     * Makes a DRAFT or RETIRED version the active one and retires the one before, with an ACTIVATED or ROLLED_BACK
     * event; concurrent activations on any replica are serialised by an advisory lock. A DRAFT needs
     * {@code approvalsRequired} approvals first (a 409 names what is missing); a RETIRED one was approved before.
     */
    public RulesetEvent activate(int version, String actor, String comment, int approvalsRequired) {
        return Jdbc.inTransaction(dataSource, connection -> {
            lock(connection);
            RulesetVersion target = first(select(connection, "v.version = ? for update", version))
                    .orElseThrow(() -> RulesetProblems.unknownVersion(version));
            RulesetProblems.checkActivatable(target);
            if (target.status() == RulesetStatus.DRAFT) {
                RulesetProblems.checkApproved(target, approvalsRequired);
            }
            Integer previous = activeVersion(connection);
            update(connection, "update ruleset_version set status = 'RETIRED' where status = 'ACTIVE'");
            markActive(connection, version, actor);
            RulesetAction action =
                    target.status() == RulesetStatus.RETIRED ? RulesetAction.ROLLED_BACK : RulesetAction.ACTIVATED;
            RulesetEvent event = insertEvent(connection, actor, action, version, previous, comment);
            seals.reseal(connection, version);
            if (previous != null && previous != version) {
                seals.reseal(connection, previous);
            }
            notify(connection, ACTIVATED + version);
            return event;
        });
    }

    /**
     * A policy user other than its author approves a DRAFT: an APPROVED event. 403 for the author, 409 for a version
     * that is not a DRAFT or that this user approved already.
     */
    public RulesetEvent approve(int version, String approver, String comment) {
        return Jdbc.inTransaction(dataSource, connection -> {
            lock(connection);
            RulesetVersion target = first(select(connection, "v.version = ? for update", version))
                    .orElseThrow(() -> RulesetProblems.unknownVersion(version));
            RulesetProblems.checkApprovable(target, approver);
            RulesetEvent event = insertEvent(connection, approver, RulesetAction.APPROVED, version, null, comment);
            seals.reseal(connection, version);
            return event;
        });
    }

    /**
     * On a database with no active version (a first start), makes {@code tree} the active version: a new one, or the
     * existing version with the same content. If another replica got there first, its version is kept.
     */
    public Optional<Activation> bootstrap(NewVersion initial) {
        return Jdbc.inTransaction(dataSource, connection -> {
            lock(connection);
            Optional<RulesetVersion> active = first(select(connection, "v.status = 'ACTIVE'"));
            if (active.isPresent()) {
                return Optional.empty();
            }
            Optional<RulesetVersion> existing =
                    first(select(connection, "v.sha256 = ?", initial.tree().sha256()));
            int version;
            if (existing.isPresent()) {
                version = existing.get().version();
                if (!existing.get().hasFiles()) {
                    insertFiles(connection, version, initial.tree());
                }
                update(
                        connection,
                        "update ruleset_version set report = coalesce(report, ?::json) where version = ?",
                        json(initial.report()),
                        version);
            } else {
                version = insertVersion(connection, initial).orElseThrow();
                insertFiles(connection, version, initial.tree());
                insertEvent(connection, initial.createdBy(), RulesetAction.CREATED, version, null, initial.comment());
            }
            markActive(connection, version, initial.createdBy());
            RulesetEvent event = insertEvent(
                    connection, initial.createdBy(), RulesetAction.ACTIVATED, version, null, initial.comment());
            seals.reseal(connection, version);
            notify(connection, ACTIVATED + version);
            return Optional.of(new Activation(version, initial.tree().sha256(), event.id()));
        });
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.execute();
        }
    }

    private static void markActive(Connection connection, int version, String actor) throws SQLException {
        update(
                connection,
                "update ruleset_version set status = 'ACTIVE', activated_at = clock_timestamp(), activated_by = ?"
                        + " where version = ?",
                actor,
                version);
    }

    private Optional<Integer> insertVersion(Connection connection, NewVersion draft) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into ruleset_version (sha256, source, status, created_by, comment, report)"
                        + " values (?, ?, ?, ?, ?, ?::json) on conflict (sha256) do nothing returning version")) {
            insert.setString(1, draft.tree().sha256());
            insert.setString(2, draft.source().length() > 300 ? draft.source().substring(0, 300) : draft.source());
            insert.setString(3, draft.status().name());
            insert.setString(4, draft.createdBy());
            insert.setString(5, draft.comment());
            insert.setString(6, json(draft.report()));
            try (ResultSet result = insert.executeQuery()) {
                return result.next() ? Optional.of(result.getInt(1)) : Optional.empty();
            }
        }
    }

    private static void insertFiles(Connection connection, int version, RuleTree tree) throws SQLException {
        try (PreparedStatement blob = connection.prepareStatement(
                        "insert into ruleset_blob (sha256, content) values (?, ?) on conflict do nothing");
                PreparedStatement file = connection.prepareStatement(
                        "insert into ruleset_file (version, path, sha256) values (?, ?, ?)")) {
            for (Map.Entry<String, byte[]> entry : tree.files().entrySet()) {
                String sha256 = Sha256.hex(entry.getValue());
                blob.setString(1, sha256);
                blob.setBytes(2, entry.getValue());
                blob.addBatch();
                file.setInt(1, version);
                file.setString(2, entry.getKey());
                file.setString(3, sha256);
                file.addBatch();
            }
            blob.executeBatch();
            file.executeBatch();
        }
    }

    private static RulesetEvent insertEvent(
            Connection connection, String actor, RulesetAction action, int version, Integer previous, String comment)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into ruleset_event (actor, action, version, previous_version, comment)"
                        + " values (?, ?, ?, ?, ?) returning id, at")) {
            insert.setString(1, actor);
            insert.setString(2, action.name());
            insert.setInt(3, version);
            insert.setObject(4, previous);
            insert.setString(5, comment);
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                return new RulesetEvent(
                        result.getLong(1),
                        result.getObject(2, OffsetDateTime.class),
                        actor,
                        action,
                        version,
                        previous,
                        comment);
            }
        }
    }

    private static Integer activeVersion(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("select version from ruleset_version where status = 'ACTIVE'");
                ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getInt(1) : null;
        }
    }

    private static void notify(Connection connection, String payload) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, payload);
            statement.execute();
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Jdbc.bind(statement, List.of(parameters));
            statement.executeUpdate();
        }
    }

    private List<RulesetVersion> select(Connection connection, String where, Object... parameters) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select " + COLUMNS + " from ruleset_version v where " + where)) {
            Jdbc.bind(statement, List.of(parameters));
            List<RulesetVersion> versions = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    versions.add(new RulesetVersion(
                            result.getInt(1),
                            result.getString(2),
                            RulesetStatus.valueOf(result.getString(3)),
                            result.getString(4),
                            result.getObject(5, OffsetDateTime.class),
                            result.getString(6),
                            result.getString(7),
                            result.getObject(8, OffsetDateTime.class),
                            result.getString(9),
                            report(result.getString(10)),
                            result.getInt(11),
                            approvals(result.getString(12)),
                            seals.verify(result.getString(13), result.getBytes(14), result.getString(15))));
                }
            }
            return versions;
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }

    private String json(ValidationReport report) {
        try {
            return report == null ? null : mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validation report cannot be written as JSON", e);
        }
    }

    private List<RulesetVersion.Approval> approvals(String json) {
        try {
            return json == null ? List.of() : List.of(mapper.readValue(json, RulesetVersion.Approval[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a version's approvals cannot be read", e);
        }
    }

    private ValidationReport report(String json) {
        try {
            return json == null ? null : mapper.readValue(json, ValidationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored validation report cannot be read", e);
        }
    }

    /** The active version as the database has it, with the id of the event that activated it. */
    public record Activation(int version, String sha256, long eventId) {}

    /** A tree to store, validated, with who brought it, from where and why. */
    public record NewVersion(
            RuleTree tree,
            RulesetStatus status,
            String source,
            String createdBy,
            String comment,
            ValidationReport report) {}
}
