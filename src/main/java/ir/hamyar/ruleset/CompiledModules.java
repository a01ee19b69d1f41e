package ir.hamyar.ruleset;

import ir.hamyar.db.Jdbc;
import ir.hamyar.db.StorageException;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleCompiler;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.privacy.MasterKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps the compiled KieModule of every tree in PostgreSQL, keyed by the tree's sha256, the Drools version and
 * Hamyar's build, so that a restart, or a new replica, loads a version's classes instead of compiling them again.
 * Those bytes are classes the service will run: each row is authenticated with a key derived from the master key,
 * and a row that does not authenticate (damaged, or not written by this service), does not load, or is missing is
 * compiled again and replaced. Off in dev mode, where the fact classes change under a running build.
 */
@ApplicationScoped
public class CompiledModules {

    static final String PURPOSE = "compiled rule module";
    /** Where the build puts the shipped rules' module (and its key) inside the jar (see ShippedRulesModule). */
    static final String SHIPPED = "hamyar/compiled-rules";

    private static final Logger LOG = Logger.getLogger(CompiledModules.class);

    private final DataSource dataSource;
    private final RuleCompiler compiler;
    private final MasterKeys keys;
    private final boolean keep;
    private final String build;

    public CompiledModules(DataSource dataSource, RuleCompiler compiler, MasterKeys keys, RulesConfig config) {
        this.dataSource = dataSource;
        this.compiler = compiler;
        this.keys = keys;
        this.keep = config.keepCompiled();
        this.build = thisBuild();
    }

    /**
     * The tree's ruleset: loaded from the module kept for it in the database, or shipped in the jar, when there is a
     * good one; else compiled and kept.
     */
    public Obtained obtain(RuleTree tree) {
        long started = System.nanoTime();
        Key key = Key.of(tree, build);
        if (keep) {
            Optional<CompiledRuleset> kept = kept(key).flatMap(module -> loaded(tree, module, "kept for it"));
            if (kept.isPresent()) {
                LOG.infof("Loaded the compiled rules of tree %s in %d ms", key.tree(), millisSince(started));
                return new Obtained(kept.get(), How.LOADED);
            }
            Optional<byte[]> shipped = shipped(key);
            Optional<CompiledRuleset> fromJar = shipped.flatMap(module -> loaded(tree, module, "shipped in the jar"));
            if (fromJar.isPresent()) {
                LOG.infof(
                        "Loaded the compiled rules of tree %s, shipped in the jar, in %d ms",
                        key.tree(), millisSince(started));
                store(key, shipped.get(), 0);
                return new Obtained(fromJar.get(), How.LOADED);
            }
        }
        RuleCompiler.Built built = compiler.build(tree);
        int compiledMs = (int) millisSince(started);
        LOG.infof("Compiled the rules of tree %s in %d ms", key.tree(), compiledMs);
        if (keep) {
            store(key, built.module(), compiledMs);
        }
        return new Obtained(built.ruleset(), How.COMPILED);
    }

    /** The module kept in the database under this key, when there is one and it authenticates. */
    private Optional<byte[]> kept(Key key) {
        Optional<KeptRow> row;
        try {
            row = Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "update compiled_module set used_at = now() where tree_sha256 = ? and drools_version = ?"
                                + " and build = ? returning module, mac")) {
                    key.bind(select);
                    try (ResultSet result = select.executeQuery()) {
                        return result.next()
                                ? Optional.of(new KeptRow(result.getBytes(1), result.getBytes(2)))
                                : Optional.<KeptRow>empty();
                    }
                }
            });
        } catch (StorageException e) {
            LOG.warnf("Compiled rules could not be read from the database (%s); compiling", e.getMessage());
            return Optional.empty();
        }
        if (row.isPresent()
                && !keys.authentic(
                        PURPOSE, key.signed(row.get().module()), row.get().mac())) {
            LOG.warnf(
                    "The compiled rules kept for tree %s do not authenticate (damaged, or not written by this service"
                            + " under this master key); compiling them again",
                    key.tree());
            return Optional.empty();
        }
        return row.map(KeptRow::module);
    }

    private Optional<CompiledRuleset> loaded(RuleTree tree, byte[] module, String from) {
        try {
            return Optional.of(compiler.load(tree, module));
        } catch (RuleCompiler.ModuleNotLoadable e) {
            LOG.warnf(
                    "The compiled rules of tree %s %s do not load (%s); compiling them again", tree.sha256(), from, e);
            return Optional.empty();
        }
    }

    /** The module the build compiled from the shipped rules, when this is their tree, this Drools and this build. */
    private static Optional<byte[]> shipped(Key key) {
        if (!key.equals(Key.of(resourceProperties(SHIPPED + "/module.properties")))) {
            return Optional.empty();
        }
        try (InputStream module = CompiledModules.class.getResourceAsStream("/" + SHIPPED + "/module")) {
            return module == null ? Optional.empty() : Optional.of(module.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void store(Key key, byte[] module, int compiledMs) {
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "insert into compiled_module (tree_sha256, drools_version, build, module, mac, compiled_ms)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict (tree_sha256, drools_version, build) do"
                                + " update set module = excluded.module, mac = excluded.mac,"
                                + " compiled_ms = excluded.compiled_ms, created_at = now(), used_at = now()")) {
                    key.bind(upsert);
                    upsert.setBytes(4, module);
                    upsert.setBytes(5, keys.authenticate(PURPOSE, key.signed(module)));
                    upsert.setInt(6, compiledMs);
                    upsert.executeUpdate();
                }
                try (PreparedStatement prune = connection.prepareStatement(
                        "delete from compiled_module where used_at < now() - interval '30 days'")) {
                    prune.executeUpdate();
                }
                return null;
            });
        } catch (StorageException e) {
            LOG.warnf("The compiled rules of tree %s could not be kept (%s)", key.tree(), e.getMessage());
        }
    }

    /** This build, as Maven wrote it into the jar; unknown, a value no other start shares (nothing kept is used). */
    static String thisBuild() {
        String build = resourceProperties("hamyar/build.properties").getProperty("build", "");
        return build.isBlank() || build.contains("${") ? "unknown-" + UUID.randomUUID() : build;
    }

    /** A properties file of the application's classes; empty when there is none. */
    private static Properties resourceProperties(String resource) {
        Properties properties = new Properties();
        try (InputStream in = CompiledModules.class.getResourceAsStream("/" + resource)) {
            if (in != null) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** How a ruleset was obtained. */
    public enum How {
        LOADED,
        COMPILED
    }

    public record Obtained(CompiledRuleset ruleset, How how) {}

    private record KeptRow(byte[] module, byte[] mac) {}

    /** What a compiled module is valid for: its tree, the Drools version that compiled it and Hamyar's build. */
    record Key(String tree, String drools, String build) {

        static Key of(RuleTree tree, String build) {
            return new Key(tree.sha256(), RuleCompiler.droolsVersion(), build);
        }

        static Key of(Properties properties) {
            return new Key(
                    properties.getProperty("tree"), properties.getProperty("drools"), properties.getProperty("build"));
        }

        Properties properties() {
            Properties properties = new Properties();
            properties.setProperty("tree", tree);
            properties.setProperty("drools", drools);
            properties.setProperty("build", build);
            return properties;
        }

        void bind(PreparedStatement statement) throws SQLException {
            Jdbc.bind(statement, List.of(tree, drools, build));
        }

        /** What the tag covers: the module and the key it is kept under, so no row's bytes pass for another's. */
        byte[] signed(byte[] module) {
            byte[] header = (tree + "\n" + drools + "\n" + build + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] signed = new byte[header.length + module.length];
            System.arraycopy(header, 0, signed, 0, header.length);
            System.arraycopy(module, 0, signed, header.length, module.length);
            return signed;
        }
    }
}
