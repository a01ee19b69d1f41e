-- Policy v1.2: the visits report counts, per Solar Hijri month and organisation, the families whose recorded last home
-- visit falls in it. A family decision's tally keeps the first day of that visit's Solar Hijri month beside its other
-- counts: the month the report needs, not the day the family told. Decisions recorded before this version kept none
-- and are not counted.
alter table decision_outcome add column home_visit_month date;

create index decision_outcome_visits_idx on decision_outcome (home_visit_month)
    include (organisation, subject_ref) where home_visit_month is not null;
