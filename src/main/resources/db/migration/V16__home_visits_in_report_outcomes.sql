-- Policy v1.2: the visits report counts, per Solar Hijri month and organisation, the families whose recorded last home
-- visit falls in it. A family decision's tally keeps that one date beside its other counts (no other input); decisions
-- recorded before this version kept none and are not counted.
alter table decision_outcome add column home_visit_on date;

create index decision_outcome_visits_idx on decision_outcome (home_visit_on)
    include (organisation, subject_ref) where home_visit_on is not null;
