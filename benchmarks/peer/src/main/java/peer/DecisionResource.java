package peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import ir.hamyar.facts.Conclusion;
import ir.hamyar.facts.Family;
import ir.hamyar.facts.Member;
import ir.hamyar.facts.Parameters;
import ir.hamyar.facts.SafeHouseRequest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieRuntimeBuilder;
import org.kie.api.runtime.KieSession;

/**
 * One family's safe-house decision: the request read, the rules fired in a new KieSession, the answer and the fired
 * rules stored with one INSERT (autocommit: one transaction per request), the answer returned.
 */
@Path("/api/v1/decisions/family")
public class DecisionResource {

    @Inject
    KieRuntimeBuilder runtime;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    private final Parameters params = new Parameters();

    public record MemberIn(String ref, String role, String sex, LocalDate birthDate, boolean inCustody) {}

    public record SafeHouseIn(String applicantRef, LocalDate admissionOn, int requestedMonths, boolean immediateDanger) {}

    public record FamilyIn(
            String familyRef,
            LocalDate assessedOn,
            List<MemberIn> members,
            Map<String, Integer> indicators,
            List<String> circumstances,
            SafeHouseIn safeHouse) {}

    public record Answer(String familyRef, List<Conclusion> conclusions, List<String> firedRules) {}

    void createTable(@Observes StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists peer_decision (id bigserial primary key,"
                    + " family_ref text not null, decided_at timestamptz not null default now(),"
                    + " request jsonb not null, answer jsonb not null, fired_rules text[] not null)");
            statement.execute("create index if not exists peer_decision_family on peer_decision (family_ref)");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String decide(String body) throws Exception {
        FamilyIn family = mapper.readValue(body, FamilyIn.class);
        List<String> fired = new ArrayList<>();
        List<Conclusion> conclusions = new ArrayList<>();
        KieSession session = runtime.newKieSession();
        try {
            session.setGlobal("params", params);
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getPackageName() + "/"
                            + event.getMatch().getRule().getName());
                }
            });
            session.insert(new Family(
                    family.familyRef(), family.indicators(), new HashSet<>(family.circumstances())));
            for (MemberIn member : family.members()) {
                session.insert(new Member(
                        member.ref(), member.role(), member.sex(), member.birthDate(), member.inCustody()));
            }
            SafeHouseIn request = family.safeHouse();
            if (request != null) {
                session.insert(new SafeHouseRequest(
                        request.applicantRef(),
                        request.admissionOn(),
                        request.requestedMonths(),
                        request.immediateDanger()));
            }
            session.fireAllRules();
            for (Object fact : session.getObjects(fact -> fact instanceof Conclusion)) {
                conclusions.add((Conclusion) fact);
            }
        } finally {
            session.dispose();
        }
        String answer = mapper.writeValueAsString(new Answer(family.familyRef(), conclusions, fired));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into peer_decision"
                        + " (family_ref, request, answer, fired_rules) values (?, ?::jsonb, ?::jsonb, ?)")) {
            insert.setString(1, family.familyRef());
            insert.setString(2, body);
            insert.setString(3, answer);
            insert.setArray(4, connection.createArrayOf("text", fired.toArray()));
            insert.executeUpdate();
        }
        return answer;
    }
}
