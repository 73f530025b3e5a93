-- The storage functions as they are now: one readable copy, kept equal to what the migrations
-- leave in the database (test/storage.test.ts compares every function of the schema job_parts
-- with this file). A change to a function is a new migration that repeats its new body here.
-- The code's only way to them is src/jobs/storage.ts (and src/deletion/at-once.ts to delete_small_job).
--
-- A job's rows live in the tables shared by all jobs (`public.<table>`) unless the job was
-- created with dedicated storage: then in tables of its own, `job_parts.<table>_<md5(job id)>`,
-- which its deletion drops. The previous layout (one partition per job for every job) is kept
-- in the schema job_parts_by_job until adopt_legacy_job has moved every job out of it.

-- The tables in a job's storage (src/jobs/owned-tables.ts, stored: 'job'), in that order.
CREATE OR REPLACE FUNCTION job_parts.tables() RETURNS text[] IMMUTABLE LANGUAGE sql
AS $$ SELECT ARRAY['model_state_docs', 'model_snapshots', 'buckets', 'records', 'influencers', 'categories', 'forecasts'] $$;

-- The dedicated table of `tbl` for job `job` in the schema job_parts (job ids may be 64
-- characters long, identifiers 63 bytes). The previous version named a job's partitions so too.
CREATE OR REPLACE FUNCTION job_parts.table_name(tbl text, job text) RETURNS text IMMUTABLE LANGUAGE sql
AS $$ SELECT tbl || '_' || md5(job) $$;

-- Creates the dedicated tables of job `job` that do not exist yet: the shared table's columns,
-- defaults (its id sequence, so that ids stay unique across storage) and indexes, and a CHECK
-- that only this job's rows go in. No foreign key: each one adds a trigger to jobs that every
-- job's deletion runs (a cascade into every dedicated table, locks growing with their number);
-- tables whose job row is gone are dropped by drop_orphans instead.
CREATE OR REPLACE FUNCTION job_parts.create_tables(job text) RETURNS void LANGUAGE plpgsql
AS $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY job_parts.tables() LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS job_parts.%I (LIKE public.%I INCLUDING DEFAULTS INCLUDING INDEXES, CHECK (job_id = %L))',
                   job_parts.table_name(t, job), t, job);
  END LOOP;
END
$$;

-- Drops job `job`'s dedicated tables of `tbls` with their kept row counts; answers the sum of
-- those counts (the rows gone). One statement, so it is atomic on the embedded database's
-- shared session too, and one commit: a transaction that drops tables always waits for its WAL
-- flush (even with synchronous_commit off), so a deletion drops a phase's tables together.
-- A reader of one of them holds the DROP off: it waits at most 200 ms (55P03), and the caller
-- tries again later rather than queue others behind it.
CREATE OR REPLACE FUNCTION job_parts.drop_tables(tbls text[], job text) RETURNS bigint LANGUAGE plpgsql
SET lock_timeout = '200ms'
AS $$
DECLARE
  t text;
  removed bigint;
BEGIN
  -- One DROP per table (an error names its table), all in this one transaction.
  FOREACH t IN ARRAY tbls LOOP
    IF to_regclass('job_parts.' || quote_ident(job_parts.table_name(t, job))) IS NOT NULL THEN
      EXECUTE format('DROP TABLE job_parts.%I', job_parts.table_name(t, job));
    END IF;
  END LOOP;
  WITH gone AS (DELETE FROM public.job_row_counts WHERE job_id = job AND kind = ANY (tbls) RETURNING rows)
  SELECT sum(rows) INTO removed FROM gone;
  RETURN coalesce(removed, 0);
END
$$;

-- Dedicated tables whose job is gone or no longer dedicated (a DELETE FROM jobs by hand, an
-- undone seed), at most 50 a call (each drop holds its locks to the end of the transaction);
-- the sweep calls it every few seconds. Partitions of the previous layout are not touched.
CREATE OR REPLACE FUNCTION job_parts.drop_orphans() RETURNS integer LANGUAGE plpgsql
SET lock_timeout = '200ms'
AS $$
DECLARE
  tbl text;
  dropped integer := 0;
BEGIN
  FOR tbl IN
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = 'job_parts'::regnamespace AND c.relkind = 'r' AND NOT c.relispartition
      AND c.relname NOT IN (SELECT job_parts.table_name(t, j.id) FROM public.jobs j, unnest(job_parts.tables()) AS t WHERE j.storage = 'DEDICATED')
    LIMIT 50
  LOOP
    EXECUTE format('DROP TABLE IF EXISTS job_parts.%I', tbl);
    dropped := dropped + 1;
  END LOOP;
  RETURN dropped;
END
$$;

-- Drops what the previous layout's partitions still hold of job `job` (rows adopt_legacy_job
-- has not moved yet), lowering its kept counts; answers the rows dropped. A deletion calls it
-- first, so a job not yet moved is deleted in O(1), as before the upgrade.
CREATE OR REPLACE FUNCTION job_parts.drop_legacy(job text) RETURNS bigint LANGUAGE plpgsql
AS $$
DECLARE
  t text;
  part text;
  n bigint;
  removed bigint := 0;
BEGIN
  IF to_regnamespace('job_parts_by_job') IS NULL THEN RETURN 0; END IF;
  -- Not while the adopter moves this job's rows.
  PERFORM pg_advisory_xact_lock(hashtextextended('job_parts legacy ' || job, 0));
  FOREACH t IN ARRAY job_parts.tables() LOOP
    part := job_parts.table_name(t, job);
    CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = 'job_parts'::regnamespace AND relname = part AND relispartition);
    EXECUTE format('SELECT count(*) FROM job_parts.%I', part) INTO n;
    EXECUTE format('DROP TABLE job_parts.%I', part);
    UPDATE public.job_row_counts SET rows = rows - n WHERE job_id = job AND kind = t AND n > 0;
    removed := removed + n;
  END LOOP;
  RETURN removed;
END
$$;

-- Moves one job out of the previous layout into the shared tables, in the caller's transaction
-- (one job per transaction: its locks are those of one job's seven partitions); answers false
-- when none is left, after dropping the old parents. The rows keep their ids (same sequences)
-- and the kept counts stay right; a job being deleted, or gone, loses its partitions instead.
-- The service serves meanwhile (src/jobs/legacy-upgrade.ts calls it in the background until
-- false); an interrupted run loses nothing and the next start carries on.
CREATE OR REPLACE FUNCTION job_parts.adopt_legacy_job() RETURNS boolean LANGUAGE plpgsql
AS $$
DECLARE
  t text;
  job text;
  part text;
  n bigint;
  moved bigint;
BEGIN
  -- One adopter at a time: instances starting together take turns.
  PERFORM pg_advisory_xact_lock(hashtextextended('job_parts adopt', 0));
  IF to_regnamespace('job_parts_by_job') IS NULL THEN RETURN false; END IF;
  -- Some job that still has a partition, from the catalog (a read of the old parents would lock
  -- every partition). Job ids hold no quote (ids.ts), so the bound's literal is the id.
  SELECT substring(pg_get_expr(c.relpartbound, c.oid) FROM '^FOR VALUES IN \(''(.*)''\)$') INTO job
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent IN (SELECT oid FROM pg_class WHERE relnamespace = 'job_parts_by_job'::regnamespace AND relkind = 'p')
  LIMIT 1;
  IF job IS NULL THEN
    DROP SCHEMA job_parts_by_job CASCADE;
    RETURN false;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('job_parts legacy ' || job, 0));
  PERFORM 1 FROM public.jobs WHERE id = job AND NOT deleting FOR SHARE;
  IF NOT FOUND THEN
    PERFORM job_parts.drop_legacy(job);
    RETURN true;
  END IF;
  FOREACH t IN ARRAY job_parts.tables() LOOP
    part := job_parts.table_name(t, job);
    CONTINUE WHEN to_regclass('job_parts.' || quote_ident(part)) IS NULL;
    EXECUTE format('SELECT count(*) FROM job_parts.%I', part) INTO n;
    -- A snapshot id written to the shared table since the upgrade began wins over the old row.
    EXECUTE format('WITH m AS (INSERT INTO public.%I SELECT * FROM job_parts.%I ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*) FROM m', t, part)
      INTO moved;
    EXECUTE format('DROP TABLE job_parts.%I', part);
    UPDATE public.job_row_counts SET rows = rows - (n - moved) WHERE job_id = job AND kind = t AND n > moved;
  END LOOP;
  RETURN true;
END
$$;

-- A waiting deleteJob of a small shared job, whole, in one statement (src/deletion/at-once.ts):
-- the checks of accepting a deletion (D4-D6, in accept.ts's order), then the task, recorded
-- COMPLETED with its counts (D15-D17), both audit lines (D11) and the job row, whose cascade
-- takes its rows (D10), in the caller's one implicit transaction: one round trip and one commit,
-- where the accepting transaction alone took eighteen. The texts, the task's node, action,
-- description and id prefix come from the code, which owns them. Answers one row, outcome:
--   'missing'; 'state' (detail: the job's state); 'datafeed' (detail: its id);
--   'task': not for this path (a live deletion to join, dedicated storage, rows the upgrade has
--   not moved yet, more than max_rows rows): nothing was written, the caller accepts as usual;
--   'deleted': task_id, rows_deleted (by the kept counts), task_version.
-- Its statements keep their cached plans (PL/pgSQL's, and the cascade's own): the cascade from
-- jobs reaches only the shared tables, none partitioned (dedicated tables have no foreign key,
-- and with the previous layout's parents still there this path answers 'task' first), so a
-- generic plan locks what a custom one does. Planned anew on every call they cost ~0.5 ms of
-- a ~2 ms call; so does a SQL function called here (PostgreSQL plans its body on every call),
-- which is why the count is written out below.
CREATE OR REPLACE FUNCTION job_parts.delete_small_job(
  job text, forced boolean, with_user_annotations boolean, max_rows bigint,
  node text, task_prefix text, task_action text, task_description text, accepted_message text, deleted_message text,
  OUT outcome text, OUT detail text, OUT task_id text, OUT rows_deleted bigint, OUT task_version integer)
LANGUAGE plpgsql
AS $$
DECLARE
  j record;
  seq bigint;
BEGIN
  -- Whether the job is for this path is read before its row lock: a lock is a WAL record, whose
  -- commit would wait for a flush (~2-5 ms) also when the answer is 'task'. The kept counts
  -- alone tell a big job (its annotations are not worth counting for that).
  SELECT storage::text AS storage INTO j FROM public.jobs WHERE id = job;
  IF NOT FOUND THEN
    outcome := 'missing';
    RETURN;
  END IF;
  IF j.storage <> 'SHARED' OR to_regnamespace('job_parts_by_job') IS NOT NULL
     OR (SELECT coalesce(sum(c.rows), 0) FROM public.job_row_counts c WHERE c.job_id = job) > max_rows THEN
    outcome := 'task';
    RETURN;
  END IF;
  SELECT state::text AS state, deletion_task_id INTO j FROM public.jobs WHERE id = job FOR UPDATE;
  IF NOT FOUND THEN
    outcome := 'missing';
    RETURN;
  END IF;
  IF j.state <> 'CLOSED' AND NOT forced THEN
    outcome := 'state';
    detail := j.state;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM public.tasks t WHERE t.id = j.deletion_task_id AND t.state NOT IN ('COMPLETED', 'FAILED')) THEN
    outcome := 'task';
    RETURN;
  END IF;
  SELECT d.id INTO detail FROM public.datafeeds d WHERE d.job_id = job;
  IF FOUND THEN
    outcome := 'datafeed';
    RETURN;
  END IF;
  -- Counted again under the lock, rows written meanwhile too: the kept counts and the job's
  -- annotations that go with it (the system's, or all), these up to max_rows + 1 (a big job has
  -- tens of thousands, not worth counting here).
  SELECT (SELECT coalesce(sum(c.rows), 0) FROM public.job_row_counts c WHERE c.job_id = job)
       + (SELECT count(*) FROM (SELECT 1 FROM public.annotations a
                                WHERE a.job_id = job AND (with_user_annotations OR a.created_by = '_xpack') LIMIT max_rows + 1) AS counted)
    INTO rows_deleted;
  IF rows_deleted > max_rows THEN
    outcome := 'task';
    rows_deleted := NULL;
    RETURN;
  END IF;
  seq := nextval(pg_get_serial_sequence('public.tasks', 'seq'));
  task_id := task_prefix || seq;
  task_version := 1;
  -- Timestamps as the code writes them: UTC, in columns without a time zone.
  INSERT INTO public.tasks (id, seq, node_id, action, description, job_id, state, force, delete_user_annotations, phase,
                            deleted, total, version, start_time, end_time)
  VALUES (task_id, seq, node, task_action, task_description, job, 'COMPLETED', forced, with_user_annotations, 'DONE',
          rows_deleted, rows_deleted, task_version, now() AT TIME ZONE 'UTC', clock_timestamp() AT TIME ZONE 'UTC');
  INSERT INTO public.notifications (job_id, level, message, "timestamp")
  VALUES (job, 'info', format(accepted_message, task_id), clock_timestamp() AT TIME ZONE 'UTC');
  -- Annotations outlive the job (no cascade): the job's go here.
  DELETE FROM public.annotations a WHERE a.job_id = job AND (with_user_annotations OR a.created_by = '_xpack');
  DELETE FROM public.jobs WHERE id = job;
  INSERT INTO public.notifications (job_id, level, message, "timestamp")
  VALUES (job, 'info', deleted_message, clock_timestamp() AT TIME ZONE 'UTC');
  outcome := 'deleted';
END
$$;
