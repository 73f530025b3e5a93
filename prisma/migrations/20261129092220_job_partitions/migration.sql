-- Hand-written: Prisma does not model partitions. Each table a job owns through its foreign key
-- becomes a table partitioned by job_id, with one partition per job in the schema "job_parts".
-- Deleting a job's rows is then a DROP TABLE of its partitions: no row is visited, no WAL is
-- written per row, no index is left with dead entries (src/deletion/engine.ts).
-- The parents keep the names, columns, defaults, keys and foreign keys that prisma/schema.prisma
-- describes; the primary key includes job_id because a partitioned table's unique keys must.

CREATE SCHEMA "job_parts";

-- The tables partitioned per job, in the order every write path touches them (src/jobs/results.ts):
-- creating a job's partitions locks each parent in this order, so a writer of another job's rows
-- never waits for a lock the creator holds while holding one the creator waits for.
CREATE FUNCTION job_parts.tables() RETURNS text[] IMMUTABLE LANGUAGE sql
AS $$ SELECT ARRAY['buckets', 'records', 'influencers', 'categories', 'forecasts', 'model_state_docs', 'model_snapshots'] $$;

-- The partition of `tbl` that holds the rows of job `job` (job ids may be 64 characters long;
-- identifiers 63 bytes).
CREATE FUNCTION job_parts.partition_name(tbl text, job text) RETURNS text IMMUTABLE LANGUAGE sql
AS $$ SELECT tbl || '_' || md5(job) $$;

-- Creates the partitions of job `job` that do not exist yet, in the order of tables().
CREATE FUNCTION job_parts.create_partitions(job text) RETURNS void LANGUAGE plpgsql
AS $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY job_parts.tables() LOOP
    IF to_regclass('job_parts.' || quote_ident(job_parts.partition_name(t, job))) IS NULL THEN
      EXECUTE format('CREATE TABLE job_parts.%I PARTITION OF public.%I FOR VALUES IN (%L)', job_parts.partition_name(t, job), t, job);
    END IF;
  END LOOP;
END
$$;

-- Gives a job that exists and is not being deleted its partitions; answers whether it has them.
-- Called before a job's rows are written (seed, ingestResults). The row lock keeps a deletion
-- from being accepted until this transaction ends, and an unknown job gets no tables.
CREATE FUNCTION job_parts.ensure_partitions(job text) RETURNS boolean LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM 1 FROM public.jobs WHERE id = job AND NOT deleting FOR SHARE;
  IF NOT FOUND THEN RETURN false; END IF;
  -- All or none exist (they are created in one transaction): the last one says.
  IF to_regclass('job_parts.' || quote_ident(job_parts.partition_name('model_snapshots', job))) IS NOT NULL THEN RETURN true; END IF;
  -- Two first writers of one job: the second waits here, then finds what the first created.
  PERFORM pg_advisory_xact_lock(hashtextextended('job_parts ' || job, 0));
  PERFORM job_parts.create_partitions(job);
  RETURN true;
END
$$;

-- Drops a job's partition of `tbl` with its kept row count; answers that count (the rows gone).
-- One statement, so it is atomic on the embedded database's shared session too. The DROP needs
-- the parent's ACCESS EXCLUSIVE lock for a moment: rather than queue every reader of the parent
-- behind a long wait (a transaction that read the parent holds it off), it gives up after
-- 200 ms (55P03) and the caller tries again later.
CREATE FUNCTION job_parts.drop_partition(tbl text, job text) RETURNS bigint LANGUAGE plpgsql
SET lock_timeout = '200ms'
AS $$
DECLARE
  part text := job_parts.partition_name(tbl, job);
  removed bigint;
BEGIN
  IF to_regclass('job_parts.' || quote_ident(part)) IS NOT NULL THEN
    EXECUTE format('DROP TABLE job_parts.%I', part);
  END IF;
  DELETE FROM public.job_row_counts WHERE job_id = job AND kind = tbl RETURNING rows INTO removed;
  RETURN coalesce(removed, 0);
END
$$;

-- Takes the parents' ROW EXCLUSIVE locks in tables() order, as creating partitions takes its
-- locks. Deleting a job row cascades into the parents in an order of its own; a transaction that
-- calls this first cannot deadlock with another job's partitions being created meanwhile.
CREATE FUNCTION job_parts.lock_parents() RETURNS void LANGUAGE plpgsql
AS $$
BEGIN
  EXECUTE 'LOCK TABLE ONLY '
    || (SELECT string_agg(format('public.%I', t), ', ' ORDER BY n) FROM unnest(job_parts.tables()) WITH ORDINALITY AS u(t, n))
    || ' IN ROW EXCLUSIVE MODE';
END
$$;

-- Partitions whose job row is gone without the deletion engine (a DELETE FROM jobs by hand, an
-- undone seed): the rows went with the cascade, the empty tables stay until this drops them.
-- Its waits are bounded like drop_partition's; the sweep calls it again anyway.
CREATE FUNCTION job_parts.drop_orphans() RETURNS integer LANGUAGE plpgsql
SET lock_timeout = '200ms'
AS $$
DECLARE
  part text;
  dropped integer := 0;
BEGIN
  FOR part IN
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = 'job_parts'::regnamespace AND c.relkind = 'r'
      AND c.relname NOT IN (SELECT job_parts.partition_name(t, j.id) FROM public.jobs j, unnest(job_parts.tables()) AS t)
    -- A bounded number per call (each drop holds a dozen locks to the end of the transaction);
    -- the sweep comes back every few seconds.
    LIMIT 50
  LOOP
    EXECUTE format('DROP TABLE IF EXISTS job_parts.%I', part);
    dropped := dropped + 1;
  END LOOP;
  RETURN dropped;
END
$$;

-- Moves the rows of one job still in the schema job_parts_legacy (below) into its partitions,
-- created first, in the caller's transaction; answers false when none is left, after dropping
-- that schema. Called on every start, once per job until false (src/db/migrate.ts): in a single
-- transaction, creating every job's partitions would take ~115 locks per job and exhaust
-- PostgreSQL's lock table (64 x max_connections by default) past about fifty jobs.
CREATE FUNCTION job_parts.adopt_legacy_job() RETURNS boolean LANGUAGE plpgsql
AS $$
DECLARE
  t text;
  job text;
BEGIN
  -- One adopter at a time: instances starting together take turns.
  PERFORM pg_advisory_xact_lock(hashtextextended('job_parts adopt', 0));
  IF to_regnamespace('job_parts_legacy') IS NULL THEN RETURN false; END IF;
  FOREACH t IN ARRAY job_parts.tables() LOOP
    EXECUTE format('SELECT job_id FROM job_parts_legacy.%I ORDER BY job_id LIMIT 1', t) INTO job;
    EXIT WHEN job IS NOT NULL;
  END LOOP;
  IF job IS NULL THEN
    DROP SCHEMA job_parts_legacy CASCADE;
    RETURN false;
  END IF;
  PERFORM job_parts.create_partitions(job);
  FOREACH t IN ARRAY job_parts.tables() LOOP
    EXECUTE format('WITH moved AS (DELETE FROM job_parts_legacy.%I WHERE job_id = %L RETURNING *) INSERT INTO public.%I SELECT * FROM moved', t, job, t);
  END LOOP;
  RETURN true;
END
$$;

-- Each table moves, rows and all, to the schema job_parts_legacy (its indexes, constraints and
-- foreign key go with it, which frees their names), and a partitioned table with the same
-- columns, defaults and id sequence takes its place. The rows follow job by job
-- (adopt_legacy_job above). Instances of the previous version must be stopped first: they would
-- write rows that no partition takes.
CREATE SCHEMA "job_parts_legacy";

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY job_parts.tables() LOOP
    EXECUTE format('ALTER SEQUENCE public.%I OWNED BY NONE', t || '_id_seq');
    EXECUTE format('ALTER TABLE public.%I SET SCHEMA job_parts_legacy', t);
    EXECUTE format('CREATE TABLE public.%I (LIKE job_parts_legacy.%I INCLUDING DEFAULTS, CONSTRAINT %I PRIMARY KEY (job_id, id)) PARTITION BY LIST (job_id)',
                   t, t, t || '_pkey');
    EXECUTE format('ALTER SEQUENCE public.%I OWNED BY public.%I.id', t || '_id_seq', t);
    EXECUTE format('ALTER TABLE public.%I ADD CONSTRAINT %I FOREIGN KEY (job_id) REFERENCES public.jobs(id) ON DELETE CASCADE ON UPDATE CASCADE',
                   t, t || '_job_id_fkey');
  END LOOP;
  CREATE UNIQUE INDEX "model_snapshots_job_id_snapshot_id_key" ON public."model_snapshots"("job_id", "snapshot_id");
END
$$;
