-- Auditor searches list decisions newest first by decision time (seq breaks ties, so the order is stable). Each
-- filter's index ends in (decided_at, seq), so it both finds the rows and gives them in that order: a time range
-- that excludes the latest records no longer walks the whole chain backwards.
drop index decision_subject_seq_idx;
drop index decision_kind_seq_idx;
drop index decision_ruleset_seq_idx;
drop index decision_decided_at_seq_idx;
create index decision_subject_time_idx on decision (subject_ref, decided_at, seq);
create index decision_kind_time_idx on decision (kind, decided_at, seq);
create index decision_ruleset_time_idx on decision (ruleset_version, decided_at, seq);
create index decision_time_idx on decision (decided_at, seq);
