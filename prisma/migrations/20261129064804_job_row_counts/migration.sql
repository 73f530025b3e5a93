-- CreateTable
CREATE TABLE "job_row_counts" (
    "job_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rows" BIGINT NOT NULL,

    CONSTRAINT "job_row_counts_pkey" PRIMARY KEY ("job_id","kind")
);

-- AddForeignKey
ALTER TABLE "job_row_counts" ADD CONSTRAINT "job_row_counts_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (hand-written): the counts of the rows jobs already own.
INSERT INTO "job_row_counts" ("job_id", "kind", "rows")
SELECT job_id, kind, n FROM (
          SELECT job_id, 'model_state_docs' AS kind, count(*) AS n FROM model_state_docs GROUP BY job_id
UNION ALL SELECT job_id, 'model_snapshots', count(*) FROM model_snapshots GROUP BY job_id
UNION ALL SELECT job_id, 'buckets', count(*) FROM buckets GROUP BY job_id
UNION ALL SELECT job_id, 'records', count(*) FROM records GROUP BY job_id
UNION ALL SELECT job_id, 'influencers', count(*) FROM influencers GROUP BY job_id
UNION ALL SELECT job_id, 'categories', count(*) FROM categories GROUP BY job_id
UNION ALL SELECT job_id, 'forecasts', count(*) FROM forecasts GROUP BY job_id
) AS owned;
