package ir.hamyar.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A recorded decision, read back for {@code GET /api/v1/decisions/{id}}; written only by {@link DecisionStore}. */
@Entity
@Table(name = "decision")
public class DecisionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "caller")
    public String caller;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "response")
    public String response;
}
