-- Overrides of chain form 3 (issue 32) are chained over a length-prefixed canonical form, as decisions are since V18,
-- so that a value holding the separator cannot pass for two fields.
alter table decision_override add column chain_form smallint;
