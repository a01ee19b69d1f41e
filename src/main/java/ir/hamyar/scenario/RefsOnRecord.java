package ir.hamyar.scenario;

import java.util.Collection;
import java.util.Set;

/** Which of these refs name a subject of the record: a scenario may never hold a real person's ref. */
public interface RefsOnRecord {

    Set<String> of(Collection<String> refs);
}
