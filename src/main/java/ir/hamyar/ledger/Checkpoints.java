package ir.hamyar.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import ir.hamyar.db.Jdbc;
import ir.hamyar.workers.Worker;
import ir.hamyar.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Periodically writes the heads of the decision chain's lanes and of the override chain (sequence, hash, time), signed
 * with HMAC-SHA256, outside the database: appended to a file and logged, for an operator to ship elsewhere.
 * Verification compares the chain with the latest checkpoint, so that removing the newest records — which leaves a
 * shorter, still consistent chain — is detected too. Every line of the file must verify, and the file must still hold
 * the last checkpoint written to it, and as many lines ({@code audit_checkpoint} keeps each one's HMAC, per writer: a
 * host and a file); a file missing or shortened since is unverified, not valid.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    private final LedgerConfig.Checkpoint config;
    static final int MIN_KEY_BYTES = 32;

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();
    private final Workers workers;
    private Worker timer;
    private Checkpoint last;
    /** Who writes this replica's checkpoints (a host name is looked up once, not at every checkpoint or verify). */
    private final String writer;

    public Checkpoints(LedgerConfig config, AgroalDataSource dataSource, ObjectMapper mapper, Workers workers) {
        this.config = config.checkpoint();
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.workers = workers;
        this.writer = writer(this.config.file());
    }

    /**
     * Fails closed: outside dev and test the service does not start without a checkpoint key, since without one the
     * removal of the newest records would go unnoticed, nor with a key shorter than 32 bytes.
     */
    void start(@Observes StartupEvent event) {
        checkKey(config.key(), LaunchMode.current().isDevOrTest());
        if (config.key().isEmpty()) {
            LOG.warn(
                    "No hamyar.audit.checkpoint.key (dev or test): the audit chain is not checkpointed, so removing its"
                            + " newest records would not be detected");
            return;
        }
        timer = workers.start("hamyar-audit-checkpoints", config.interval(), worker -> {
            while (!worker.stopping()) {
                Thread.sleep(config.interval().toMillis());
                write();
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            workers.stop(timer);
            writeSafely();
        }
    }

    static void checkKey(Optional<String> key, boolean devOrTest) {
        if (devOrTest) {
            return;
        }
        String make = "; make one with `openssl rand -hex 32` and keep it outside the database (docs/operations.md)";
        if (key.isEmpty()) {
            throw new IllegalStateException("hamyar.audit.checkpoint.key is not set: the service does not start without"
                    + " it, since removing the newest decision records would not be detected" + make);
        }
        if (key.get().getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalStateException(
                    "hamyar.audit.checkpoint.key is shorter than " + MIN_KEY_BYTES + " bytes" + make);
        }
    }

    /** Checkpoints the chains' heads now, unless none has moved since the last checkpoint. */
    public synchronized Optional<Checkpoint> write() {
        if (config.key().isEmpty()) {
            return Optional.empty();
        }
        List<Checkpoint.Head> heads = laneHeads();
        ChainHead overrides = head(ChainHead.OVERRIDES);
        Long overrideSeq = overrides.isEmpty() ? null : overrides.seq();
        if (heads.isEmpty()
                || last != null && last.heads().equals(heads) && Objects.equals(last.overrideSeq(), overrideSeq)) {
            return Optional.ofNullable(last);
        }
        Checkpoint.Head first = Lanes.of(heads.get(0).seq()) == 0 ? heads.get(0) : null;
        List<Checkpoint.Head> others = first == null ? heads : heads.subList(1, heads.size());
        Checkpoint unsigned = new Checkpoint(
                first == null ? 0 : first.seq(),
                first == null ? HashChain.GENESIS : first.hash(),
                overrideSeq,
                overrides.isEmpty() ? null : overrides.hash(),
                others.isEmpty() ? null : List.copyOf(others),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                "");
        Checkpoint checkpoint = unsigned.signedWith(sign(unsigned));
        try {
            String line = mapper.writeValueAsString(checkpoint);
            Files.writeString(
                    config.file(),
                    line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
            LOG.infof("Audit checkpoint %s", line);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write audit checkpoint to " + config.file(), e);
        }
        noteWritten(checkpoint);
        last = checkpoint;
        return Optional.of(checkpoint);
    }

    /**
     * The checkpoint file read whole: its latest checkpoint, or why it cannot be trusted — a line that does not
     * verify, a file missing or shorter than what was written to it.
     */
    public CheckpointFile read() {
        if (config.key().isEmpty()) {
            return CheckpointFile.NONE;
        }
        Written written = written();
        if (!Files.exists(config.file())) {
            return written.count() == 0
                    ? CheckpointFile.NONE
                    : CheckpointFile.unverified("the checkpoint file " + config.file() + " is missing: "
                            + written.count() + " checkpoint(s) were written to it");
        }
        List<Checkpoint> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(config.file(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(mapper.readValue(line, Checkpoint.class));
                }
            }
        } catch (IOException e) {
            return CheckpointFile.unverified(
                    "the checkpoint file " + config.file() + " cannot be read: a line is not a checkpoint");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!isAuthentic(lines.get(i))) {
                return CheckpointFile.unverified("line " + (i + 1) + " of the checkpoint file does not verify");
            }
        }
        if (lines.size() < written.count()
                || written.count() > 0
                        && lines.stream().noneMatch(line -> line.hmac().equals(written.lastHmac()))) {
            return CheckpointFile.unverified("the checkpoint file was shortened: it holds " + lines.size() + " line(s),"
                    + " and not the last of the " + written.count() + " checkpoint(s) written to it");
        }
        return lines.isEmpty() ? CheckpointFile.NONE : CheckpointFile.verified(lines.get(lines.size() - 1));
    }

    public boolean isAuthentic(Checkpoint checkpoint) {
        return MessageDigest.isEqual(
                sign(checkpoint).getBytes(StandardCharsets.US_ASCII),
                checkpoint.hmac().getBytes(StandardCharsets.US_ASCII));
    }

    private void writeSafely() {
        try {
            write();
        } catch (RuntimeException e) {
            LOG.errorf("Audit checkpoint failed: %s", e.getMessage());
        }
    }

    private String sign(Checkpoint checkpoint) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.key().orElseThrow().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(checkpoint.signed().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Notes the checkpoint as the next one this writer wrote to its file. */
    private void noteWritten(Checkpoint checkpoint) {
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_checkpoint (writer, n, hmac)"
                    + " select ?, coalesce(max(n), 0) + 1, ? from audit_checkpoint where writer = ?")) {
                insert.setString(1, writer);
                insert.setString(2, checkpoint.hmac());
                insert.setString(3, writer);
                return insert.executeUpdate();
            }
        });
    }

    private Written written() {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select n, hmac from audit_checkpoint where writer = ? order by n desc limit 1")) {
                select.setString(1, writer);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new Written(row.getLong(1), row.getString(2)) : new Written(0, null);
                }
            }
        });
    }

    /** Who writes this replica's checkpoints: its host and the file, as each writes a file of its own. */
    private static String writer(Path file) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String writer = host + ":" + file.toAbsolutePath().normalize();
        return writer.length() <= 512 ? writer : writer.substring(writer.length() - 512);
    }

    private record Written(long count, String lastHmac) {}

    private List<Checkpoint.Head> laneHeads() {
        return Jdbc.read(dataSource, connection -> {
            List<Checkpoint.Head> heads = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(Lanes.HEADS);
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    heads.add(new Checkpoint.Head(rows.getLong(1), rows.getString(2)));
                }
            }
            return heads;
        });
    }

    private ChainHead head(String query) {
        return Jdbc.read(dataSource, connection -> ChainHead.read(connection, query));
    }
}
