-- The decision chain in lanes (issue 16): one writer appending under one lock was the limit of recording, so the
-- chain is now up to 8 chains ("lanes") that writers append to at once, each under its own advisory lock, joined by
-- the signed checkpoints, which carry every lane's head. A lane is a range of seq: lane n holds n * 10^12 + 1,
-- n * 10^12 + 2, ... (lane 0 is the chain as it was: 1, 2, 3, ...), so seq stays unique, and the hash, which covers
-- seq, binds each record to its lane. No record is rewritten.

-- The advisory lock of a lane; lane 0's is the one the single chain had, so that a writer of an older replica and
-- one of this version never append to lane 0 at once.
create function decision_chain_lock_key(lane integer) returns integer
    language sql immutable parallel safe as $$
    select hashtext(case when lane = 0 then 'hamyar_decision_chain' else 'hamyar_decision_chain:' || lane end)
$$;

-- A writer's lane for one transaction: the first whose lock is free, trying from the writer's preferred lane on
-- (so that each writer of a replica keeps to one lane while nothing contends), or, when all 8 are taken, the
-- preferred one as soon as it is free; the lock is held until the transaction ends. Answers the lane's head: its
-- newest record's seq and hash, or, for a lane without records, the seq before its first and no hash.
create function decision_chain_lane(preferred integer) returns table (seq bigint, hash text)
    language plpgsql as $$
declare
    lanes   constant integer := 8;
    span    constant bigint  := 1000000000000;
    chosen  integer;
begin
    for i in 0 .. lanes - 1 loop
        if pg_try_advisory_xact_lock(decision_chain_lock_key((preferred + i) % lanes)) then
            chosen := (preferred + i) % lanes;
            exit;
        end if;
    end loop;
    if chosen is null then
        chosen := preferred % lanes;
        perform pg_advisory_xact_lock(decision_chain_lock_key(chosen));
    end if;
    return query
        select d.seq, d.hash::text from decision d
         where d.seq > chosen * span and d.seq < (chosen + 1) * span
         order by d.seq desc limit 1;
    if not found then
        return query select chosen * span, null::text;
    end if;
end
$$;

-- Every lane's lock, in lane order: an erasure takes them all, so that no writer seals under a key being wiped.
create function decision_chain_lock_all() returns void
    language plpgsql as $$
begin
    for lane in 0 .. 7 loop
        perform pg_advisory_xact_lock(decision_chain_lock_key(lane));
    end loop;
end
$$;

-- Every lane's head (lanes without records are left out): what a checkpoint signs.
create function decision_chain_heads() returns table (seq bigint, hash text)
    language sql stable as $$
    select h.seq, h.hash::text
      from generate_series(0, 7) lane,
           lateral (select d.seq, d.hash from decision d
                     where d.seq > lane * 1000000000000 and d.seq < (lane + 1) * 1000000000000
                     order by d.seq desc limit 1) h
     order by h.seq
$$;
