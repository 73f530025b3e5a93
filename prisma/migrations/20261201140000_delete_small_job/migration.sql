-- A phase's dedicated tables dropped in one statement (one commit, one WAL flush): drop_tables
-- replaces drop_table.
DROP FUNCTION job_parts.drop_table(text, text);

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

-- The rows a deletion of job `job` removes, by the kept counts, with its annotations (the
-- system's, or all of them), counted up to `bound` + 1 at most: what delete_small_job compares
-- with its bound (a big job has tens of thousands of annotations, not worth counting here).
CREATE OR REPLACE FUNCTION job_parts.small_job_rows(job text, with_user_annotations boolean, bound bigint) RETURNS bigint STABLE LANGUAGE sql
AS $$
  SELECT (SELECT coalesce(sum(c.rows), 0) FROM public.job_row_counts c WHERE c.job_id = job)
    + (SELECT count(*) FROM (SELECT 1 FROM public.annotations a
                             WHERE a.job_id = job AND (with_user_annotations OR a.created_by = '_xpack') LIMIT bound + 1) AS counted)
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
-- The cascade's statements stay custom-planned, as in the engine's final transaction.
CREATE OR REPLACE FUNCTION job_parts.delete_small_job(
  job text, forced boolean, with_user_annotations boolean, max_rows bigint,
  node text, task_prefix text, task_action text, task_description text, accepted_message text, deleted_message text,
  OUT outcome text, OUT detail text, OUT task_id text, OUT rows_deleted bigint, OUT task_version integer)
LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan
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
  -- Counted again under the lock: rows written meanwhile count too.
  rows_deleted := job_parts.small_job_rows(job, with_user_annotations, max_rows);
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
