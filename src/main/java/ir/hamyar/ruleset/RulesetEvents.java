package ir.hamyar.ruleset;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import ir.hamyar.query.Page;
import ir.hamyar.query.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the ruleset events, newest first, filtered by version, action and time. */
@ApplicationScoped
public class RulesetEvents {

    private final AgroalDataSource dataSource;

    public RulesetEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Page<RulesetEvent> find(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        if (filter.version() != null) {
            where.append(" and version = ?");
            parameters.add(filter.version());
        }
        if (filter.action() != null) {
            where.append(" and action = ?");
            parameters.add(filter.action().name());
        }
        if (filter.from() != null) {
            where.append(" and at >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and at < ?");
            parameters.add(filter.to());
        }
        return Jdbc.read(dataSource, connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from ruleset_event" + where)) {
                Jdbc.bind(count, parameters);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    total = result.getLong(1);
                }
            }
            List<RulesetEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, at, actor, action, version, previous_version, comment from ruleset_event" + where
                            + " order by id desc limit ? offset ?")) {
                List<Object> paged = new ArrayList<>(parameters);
                paged.add(page.size());
                paged.add(page.offset());
                Jdbc.bind(select, paged);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        events.add(new RulesetEvent(
                                result.getLong(1),
                                result.getObject(2, OffsetDateTime.class),
                                result.getString(3),
                                RulesetAction.valueOf(result.getString(4)),
                                result.getInt(5),
                                (Integer) result.getObject(6),
                                result.getString(7)));
                    }
                }
            }
            return Page.counted(events, page, total);
        });
    }

    public record Filter(Integer version, RulesetAction action, OffsetDateTime from, OffsetDateTime to) {}
}
