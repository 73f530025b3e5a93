-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('OPENING', 'OPENED', 'CLOSING', 'CLOSED', 'FAILED');

-- CreateEnum
CREATE TYPE "DatafeedState" AS ENUM ('STARTING', 'STARTED', 'STOPPING', 'STOPPED');

-- CreateEnum
CREATE TYPE "TaskState" AS ENUM ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "ClusterPrivilege" AS ENUM ('ALL', 'MANAGE', 'MANAGE_ML', 'MONITOR', 'MONITOR_ML', 'MANAGE_SECURITY');

-- CreateEnum
CREATE TYPE "StateDocKind" AS ENUM ('MODEL_STATE', 'QUANTILES', 'CATEGORIZER_STATE');

-- CreateTable
CREATE TABLE "jobs" (
    "id" TEXT NOT NULL,
    "description" TEXT,
    "groups" TEXT[],
    "state" "JobState" NOT NULL DEFAULT 'CLOSED',
    "deleting" BOOLEAN NOT NULL DEFAULT false,
    "deletion_task_id" TEXT,
    "analysis_config" JSONB NOT NULL,
    "data_description" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "datafeeds" (
    "id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "indices" TEXT[],
    "query" JSONB,
    "state" "DatafeedState" NOT NULL DEFAULT 'STOPPED',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datafeeds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_snapshots" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "snapshot_id" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "description" TEXT,
    "doc_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "model_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_state_docs" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "kind" "StateDocKind" NOT NULL,
    "snapshot_id" TEXT,
    "doc" TEXT NOT NULL,

    CONSTRAINT "model_state_docs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "buckets" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "bucket_span_seconds" INTEGER NOT NULL,
    "anomaly_score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "buckets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "records" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "record_score" DOUBLE PRECISION NOT NULL,
    "field_name" TEXT,
    "actual" DOUBLE PRECISION,
    "typical" DOUBLE PRECISION,

    CONSTRAINT "records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "influencers" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "field_name" TEXT NOT NULL,
    "field_value" TEXT NOT NULL,
    "influencer_score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "influencers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "categories" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "category_id" INTEGER NOT NULL,
    "terms" TEXT NOT NULL,
    "examples" TEXT[],

    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forecasts" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "forecast_id" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "prediction" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "forecasts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendars" (
    "id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_jobs" (
    "calendar_id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,

    CONSTRAINT "calendar_jobs_pkey" PRIMARY KEY ("calendar_id","job_id")
);

-- CreateTable
CREATE TABLE "annotations" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "text" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "node_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "state" "TaskState" NOT NULL DEFAULT 'QUEUED',
    "force" BOOLEAN NOT NULL DEFAULT false,
    "delete_user_annotations" BOOLEAN NOT NULL DEFAULT false,
    "phase" TEXT NOT NULL DEFAULT 'QUEUED',
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "error_type" TEXT,
    "error_reason" TEXT,
    "start_time" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "end_time" TIMESTAMP(3),
    "heartbeat_at" TIMESTAMP(3),
    "runner_node" TEXT,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "privileges" "ClusterPrivilege"[],
    "secret_hash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "lookup" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invalidated_at" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "jobs_deletion_task_id_key" ON "jobs"("deletion_task_id");

-- CreateIndex
CREATE UNIQUE INDEX "datafeeds_job_id_key" ON "datafeeds"("job_id");

-- CreateIndex
CREATE INDEX "model_snapshots_job_id_id_idx" ON "model_snapshots"("job_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "model_snapshots_job_id_snapshot_id_key" ON "model_snapshots"("job_id", "snapshot_id");

-- CreateIndex
CREATE INDEX "model_state_docs_job_id_id_idx" ON "model_state_docs"("job_id", "id");

-- CreateIndex
CREATE INDEX "buckets_job_id_id_idx" ON "buckets"("job_id", "id");

-- CreateIndex
CREATE INDEX "records_job_id_id_idx" ON "records"("job_id", "id");

-- CreateIndex
CREATE INDEX "influencers_job_id_id_idx" ON "influencers"("job_id", "id");

-- CreateIndex
CREATE INDEX "categories_job_id_id_idx" ON "categories"("job_id", "id");

-- CreateIndex
CREATE INDEX "forecasts_job_id_id_idx" ON "forecasts"("job_id", "id");

-- CreateIndex
CREATE INDEX "calendar_jobs_job_id_idx" ON "calendar_jobs"("job_id");

-- CreateIndex
CREATE INDEX "annotations_job_id_id_idx" ON "annotations"("job_id", "id");

-- CreateIndex
CREATE INDEX "notifications_job_id_id_idx" ON "notifications"("job_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "tasks_seq_key" ON "tasks"("seq");

-- CreateIndex
CREATE INDEX "tasks_job_id_idx" ON "tasks"("job_id");

-- CreateIndex
CREATE INDEX "tasks_state_end_time_idx" ON "tasks"("state", "end_time");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_lookup_key" ON "api_keys"("lookup");

-- AddForeignKey
ALTER TABLE "datafeeds" ADD CONSTRAINT "datafeeds_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_snapshots" ADD CONSTRAINT "model_snapshots_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_state_docs" ADD CONSTRAINT "model_state_docs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "buckets" ADD CONSTRAINT "buckets_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "records" ADD CONSTRAINT "records_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "influencers" ADD CONSTRAINT "influencers_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "categories" ADD CONSTRAINT "categories_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forecasts" ADD CONSTRAINT "forecasts_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_jobs" ADD CONSTRAINT "calendar_jobs_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_jobs" ADD CONSTRAINT "calendar_jobs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
