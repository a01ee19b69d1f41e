-- The tier reports walk report_outcome_tiers_idx with index-only scans, which need the visibility map current: vacuum
-- after every 1 % of new rows, as decision_outcome was (V9; the default 20 % left rows to fetch from the heap).
alter table report_outcome set (autovacuum_vacuum_insert_scale_factor = 0.01);
