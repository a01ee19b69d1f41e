-- :rows synthetic family decisions for benchmarks/reports/at_scale.sh: 200,000 families (or rows/5) in three
-- organisations, each decided about five times at random moments of the year before 2026-12-01, tiers drawn at
-- random (10 % HARMED, 30 % AT_RISK, 55 % STABLE, 5 % INSUFFICIENT_DATA), one decision in twenty with a safe-house
-- request. Appended after the existing records as the service would (decision, then report_outcome).
\set families '(greatest(:rows / 5, 1))'
create temporary table synthetic as
select g,
       'S-' || lpad((g % :families)::text, 7, '0') as subject_ref,
       'org-' || (g % :families % 3) as organisation,
       timestamptz '2025-12-01 00:00+03:30' + random() * interval '365 days' as decided_at,
       random() as r,
       random() < 0.05 as safe_house
  from generate_series(1, :rows) g;

create temporary table synthetic_decision as
select gen_random_uuid() as id, 'family' as kind, s.subject_ref, s.decided_at::date as assessed_on, s.decided_at,
       s.decided_at as recorded_at, 'synthetic' as caller, null as idempotency_key, repeat('0', 64) as request_sha256,
       v.version as ruleset_version, v.sha256 as ruleset_sha256, s.organisation, '{}' as input,
       json_build_object('conclusions', json_build_array(json_build_object('type', 'TIER', 'value',
           case when s.r < 0.10 then 'HARMED' when s.r < 0.40 then 'AT_RISK' when s.r < 0.95 then 'STABLE'
                else 'INSUFFICIENT_DATA' end))) as response,
       h.seq + s.g as seq, repeat('0', 64) as previous_hash, repeat('0', 64) as hash,
       -- what audit searches read (V10): the fired rules and conclusions as a family decision of that tier has them
       array['tiering/DomainWithEveryIndicatorSafeAndAMeanOnTheSafeLineIsStable',
             'tiering/DomainWithAVulnerableIndicatorOrAMeanBelowTheSafeLineIsAtRisk',
             case when s.r < 0.10 then 'tiering/CurrentDomesticViolenceIsASignOfHarm'
                  when s.r < 0.40 then 'tiering/DomainWithAVulnerableIndicatorOrAMeanBelowTheSafeLineIsAtRisk'
                  else 'tiering/DomainWithEveryIndicatorSafeAndAMeanOnTheSafeLineIsStable' end]
         || case when s.safe_house then array['safehouse/AdultWomanFacingViolenceIsEligible',
                                               'safehouse/EligibleApplicantInImmediateDangerIsOfferedResidence']
                 else array[]::text[] end as fired_rules,
       array['DOMAIN_TIER', 'DOMAIN_TIER=STABLE', 'TIER', 'TIER=' ||
           case when s.r < 0.10 then 'HARMED' when s.r < 0.40 then 'AT_RISK' when s.r < 0.95 then 'STABLE'
                else 'INSUFFICIENT_DATA' end]
         || case when s.safe_house then array['SAFE_HOUSE', 'SAFE_HOUSE=RESIDENTIAL'] else array[]::text[] end
           as concluded
  from synthetic s,
       (select version, sha256 from ruleset_version where status = 'ACTIVE') v,
       (select coalesce(max(seq), 0) seq from decision) h;

-- and stored by number (V12)
insert into search_term (term)
select distinct term from synthetic_decision, unnest(fired_rules || concluded) term on conflict do nothing;
insert into decision (id, kind, subject_ref, assessed_on, decided_at, recorded_at, caller, idempotency_key,
                      request_sha256, ruleset_version, ruleset_sha256, organisation, input, response, seq,
                      previous_hash, hash, fired_rule_ids, concluded_ids)
select d.id, d.kind, d.subject_ref, d.assessed_on, d.decided_at, d.recorded_at, d.caller, d.idempotency_key,
       d.request_sha256, d.ruleset_version, d.ruleset_sha256, d.organisation, d.input, d.response, d.seq,
       d.previous_hash, d.hash,
       array(select t.id from unnest(d.fired_rules) with ordinality f (term, n) join search_term t using (term)
             order by f.n),
       array(select t.id from unnest(d.concluded) c (term) join search_term t using (term))
  from synthetic_decision d;

-- what the reports count (V18): each family under a pseudonym, each decision by its Solar Hijri month and its number
-- among the family's decisions (Azar 1404 to Azar 1405, the months these moments fall in)
insert into report_outcome (organisation, family, month, n, tier, safe_house, stay, sons_not_allowed)
select s.organisation, decode(md5(s.organisation || '/' || s.subject_ref), 'hex'),
       (select max(m) from unnest(array['2025-11-22', '2025-12-22', '2026-01-21', '2026-02-20', '2026-03-21',
               '2026-04-21', '2026-05-22', '2026-06-22', '2026-07-23', '2026-08-23', '2026-09-23', '2026-10-23',
               '2026-11-22']::date[]) m where m <= (s.decided_at at time zone 'Asia/Tehran')::date),
       row_number() over (partition by s.organisation, s.subject_ref order by s.decided_at),
       d.response -> 'conclusions' -> 0 ->> 'value',
       case when s.safe_house then (case when s.r < 0.5 then 'RESIDENTIAL' else 'DAY_SERVICES' end) end,
       case when s.safe_house and s.r < 0.5 then 'STANDARD' end,
       case when s.safe_house and s.r < 0.1 then 1 else 0 end
  from synthetic_decision d join synthetic s on d.seq = (select coalesce(max(seq), 0) from decision) - :rows + s.g;
