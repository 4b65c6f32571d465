-- The first cut of the whole domain model. Kept in step with schema.prisma
-- (lib/db/drift.int.test.ts); constraint names follow Prisma's conventions so
-- that `prisma migrate diff` sees no difference where it can run.

-- CreateEnum
CREATE TYPE "org_role" AS ENUM ('MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'REGULATOR');
CREATE TYPE "user_role" AS ENUM ('ADMIN', 'OPERATOR', 'VIEWER');
CREATE TYPE "batch_status" AS ENUM ('ACTIVE', 'RECALLED');
CREATE TYPE "pack_status" AS ENUM ('ACTIVE', 'DISPENSED', 'RECALLED', 'STOLEN', 'EXPIRED', 'DESTROYED');
CREATE TYPE "container_status" AS ENUM ('ACTIVE', 'UNPACKED', 'DESTROYED');
CREATE TYPE "capture_status" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');
CREATE TYPE "recall_class" AS ENUM ('I', 'II', 'III');
CREATE TYPE "recall_status" AS ENUM ('OPEN', 'CLOSED');
CREATE TYPE "alert_severity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');
CREATE TYPE "alert_status" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'INVESTIGATING', 'CLOSED');
CREATE TYPE "alert_resolution" AS ENUM ('SCANNER_FAULT', 'PROCESS_ERROR', 'CONFIRMED_FALSIFICATION', 'NO_ISSUE');
CREATE TYPE "delivery_status" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "organisations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "role" "org_role" NOT NULL,
    "gln" CHAR(13) NOT NULL,
    "country" CHAR(2) NOT NULL,
    "company_prefixes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "user_role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMPTZ(3),
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sessions" (
    "id" CHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" CHAR(64) NOT NULL,
    "role" "user_role" NOT NULL DEFAULT 'OPERATOR',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "invites" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "user_role" NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_user_id" UUID,
    CONSTRAINT "invites_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "org_id" UUID,
    "actor_user_id" UUID,
    "actor_key_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "ip" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "idempotency_keys" (
    "org_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("org_id","key")
);

CREATE TABLE "products" (
    "gtin" CHAR(14) NOT NULL,
    "owner_org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "form" TEXT NOT NULL,
    "strength" TEXT NOT NULL,
    "pack_size" INTEGER NOT NULL,
    "company_prefix_length" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "products_pkey" PRIMARY KEY ("gtin")
);

CREATE TABLE "batches" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "gtin" CHAR(14) NOT NULL,
    "lot" VARCHAR(20) NOT NULL,
    "expiry" DATE NOT NULL,
    "manufactured_on" DATE,
    "status" "batch_status" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "batches_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "packs" (
    "gtin" CHAR(14) NOT NULL,
    "serial" VARCHAR(20) NOT NULL,
    "batch_id" UUID NOT NULL,
    "status" "pack_status" NOT NULL DEFAULT 'ACTIVE',
    "custodian_org_id" UUID,
    "in_transit_to_id" UUID,
    "container_sscc" CHAR(18),
    "commissioned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispensed_at" TIMESTAMPTZ(3),
    "dispensed_by_id" UUID,
    "recall_id" UUID,
    CONSTRAINT "packs_pkey" PRIMARY KEY ("gtin","serial")
);

CREATE TABLE "containers" (
    "sscc" CHAR(18) NOT NULL,
    "owner_org_id" UUID NOT NULL,
    "custodian_org_id" UUID,
    "in_transit_to_id" UUID,
    "parent_sscc" CHAR(18),
    "status" "container_status" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "containers_pkey" PRIMARY KEY ("sscc")
);

CREATE TABLE "events" (
    "id" BIGSERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "org_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "action" TEXT,
    "biz_step" TEXT,
    "disposition" TEXT,
    "event_time" TIMESTAMPTZ(3) NOT NULL,
    "event_time_zone_offset" VARCHAR(6) NOT NULL,
    "record_time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_point" TEXT,
    "biz_location" TEXT,
    "public_record" TEXT NOT NULL,
    "private_record" JSONB NOT NULL,
    "salt" BYTEA NOT NULL,
    "leaf_hash" BYTEA NOT NULL,
    "party_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "capture_id" UUID,
    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "event_epcs" (
    "epc" TEXT NOT NULL,
    "event_id" BIGINT NOT NULL,
    "role" VARCHAR(8) NOT NULL,
    CONSTRAINT "event_epcs_pkey" PRIMARY KEY ("epc","event_id","role")
);

CREATE TABLE "captures" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "status" "capture_status" NOT NULL,
    "event_count" INTEGER NOT NULL,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "captures_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "anchors" (
    "seq" INTEGER NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "first_event_id" BIGINT NOT NULL,
    "last_event_id" BIGINT NOT NULL,
    "tree_size" INTEGER NOT NULL,
    "root" BYTEA NOT NULL,
    "prev_hash" BYTEA NOT NULL,
    "hash" BYTEA NOT NULL,
    "sealed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "anchors_pkey" PRIMARY KEY ("seq")
);

CREATE TABLE "ledger_chunks" (
    "anchor_seq" INTEGER NOT NULL,
    "chunk_index" INTEGER NOT NULL,
    "first_event_id" BIGINT NOT NULL,
    "event_ids" BYTEA NOT NULL,
    "leaf_hashes" BYTEA NOT NULL,
    CONSTRAINT "ledger_chunks_pkey" PRIMARY KEY ("anchor_seq","chunk_index")
);

CREATE TABLE "checkpoints" (
    "tree_size" INTEGER NOT NULL,
    "root_hash" BYTEA NOT NULL,
    "note" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "checkpoints_pkey" PRIMARY KEY ("tree_size")
);

CREATE TABLE "audit_runs" (
    "id" BIGSERIAL NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "ok" BOOLEAN,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "first_failure" TEXT,
    CONSTRAINT "audit_runs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "recalls" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "batch_id" UUID NOT NULL,
    "serials" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reason" TEXT NOT NULL,
    "class" "recall_class" NOT NULL,
    "status" "recall_status" NOT NULL DEFAULT 'OPEN',
    "initiated_by_org" UUID NOT NULL,
    "initiated_by_user" UUID,
    "event_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_user" UUID,
    "close_note" TEXT,
    CONSTRAINT "recalls_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "severity" "alert_severity" NOT NULL,
    "status" "alert_status" NOT NULL DEFAULT 'OPEN',
    "resolution" "alert_resolution",
    "fingerprint" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "subject" TEXT NOT NULL,
    "gtin" CHAR(14),
    "serial" VARCHAR(20),
    "batch_id" UUID,
    "message" TEXT NOT NULL,
    "raised_by_org_id" UUID,
    "visible_to" UUID[] DEFAULT ARRAY[]::UUID[],
    "event_ids" BIGINT[] DEFAULT ARRAY[]::BIGINT[],
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "alert_changes" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "actor_org_id" UUID,
    "from_status" "alert_status",
    "to_status" "alert_status" NOT NULL,
    "resolution" "alert_resolution",
    "note" TEXT,
    CONSTRAINT "alert_changes_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "webhooks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "org_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" BYTEA NOT NULL,
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "webhook_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "webhook_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "delivery_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "verification_lookups" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" VARCHAR(8) NOT NULL,
    "gtin" CHAR(14),
    "lot" VARCHAR(20),
    "serial" VARCHAR(20),
    "verdict" VARCHAR(16) NOT NULL,
    "channel" VARCHAR(8) NOT NULL,
    CONSTRAINT "verification_lookups_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisations_gln_key" ON "organisations"("gln");
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE INDEX "users_org_id_idx" ON "users"("org_id");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys"("secret_hash");
CREATE INDEX "api_keys_org_id_idx" ON "api_keys"("org_id");
CREATE UNIQUE INDEX "invites_token_hash_key" ON "invites"("token_hash");
CREATE INDEX "invites_org_id_idx" ON "invites"("org_id");
CREATE INDEX "audit_log_org_id_at_idx" ON "audit_log"("org_id", "at");
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");
CREATE INDEX "products_owner_org_id_idx" ON "products"("owner_org_id");
CREATE UNIQUE INDEX "batches_gtin_lot_key" ON "batches"("gtin", "lot");
CREATE INDEX "batches_lot_idx" ON "batches"("lot");
CREATE INDEX "packs_batch_id_status_idx" ON "packs"("batch_id", "status");
CREATE INDEX "packs_custodian_org_id_batch_id_idx" ON "packs"("custodian_org_id", "batch_id");
CREATE INDEX "packs_container_sscc_idx" ON "packs"("container_sscc");
CREATE INDEX "containers_custodian_org_id_idx" ON "containers"("custodian_org_id");
CREATE INDEX "containers_parent_sscc_idx" ON "containers"("parent_sscc");
CREATE UNIQUE INDEX "events_event_id_key" ON "events"("event_id");
CREATE INDEX "events_event_time_idx" ON "events"("event_time");
CREATE INDEX "events_record_time_idx" ON "events"("record_time");
CREATE INDEX "events_org_id_id_idx" ON "events"("org_id", "id");
CREATE INDEX "events_biz_step_event_time_idx" ON "events"("biz_step", "event_time");
CREATE INDEX "events_capture_id_idx" ON "events"("capture_id");
CREATE INDEX "events_party_ids_idx" ON "events" USING GIN ("party_ids");
CREATE INDEX "event_epcs_event_id_idx" ON "event_epcs"("event_id");
CREATE INDEX "captures_org_id_received_at_idx" ON "captures"("org_id", "received_at");
CREATE UNIQUE INDEX "anchors_hash_key" ON "anchors"("hash");
CREATE UNIQUE INDEX "anchors_first_event_id_key" ON "anchors"("first_event_id");
CREATE UNIQUE INDEX "ledger_chunks_first_event_id_key" ON "ledger_chunks"("first_event_id");
CREATE INDEX "recalls_batch_id_idx" ON "recalls"("batch_id");
CREATE INDEX "recalls_status_idx" ON "recalls"("status");
CREATE INDEX "alerts_fingerprint_status_idx" ON "alerts"("fingerprint", "status");
CREATE INDEX "alerts_code_last_seen_at_idx" ON "alerts"("code", "last_seen_at");
CREATE INDEX "alerts_last_seen_at_idx" ON "alerts"("last_seen_at");
CREATE INDEX "alert_changes_alert_id_at_idx" ON "alert_changes"("alert_id", "at");
CREATE INDEX "webhooks_org_id_idx" ON "webhooks"("org_id");
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");
CREATE INDEX "webhook_deliveries_webhook_id_id_idx" ON "webhook_deliveries"("webhook_id", "id");
CREATE INDEX "verification_lookups_at_idx" ON "verification_lookups"("at");
CREATE INDEX "verification_lookups_verdict_at_idx" ON "verification_lookups"("verdict", "at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "invites" ADD CONSTRAINT "invites_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "products" ADD CONSTRAINT "products_owner_org_id_fkey" FOREIGN KEY ("owner_org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "batches" ADD CONSTRAINT "batches_gtin_fkey" FOREIGN KEY ("gtin") REFERENCES "products"("gtin") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "packs" ADD CONSTRAINT "packs_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "packs" ADD CONSTRAINT "packs_container_sscc_fkey" FOREIGN KEY ("container_sscc") REFERENCES "containers"("sscc") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "containers" ADD CONSTRAINT "containers_parent_sscc_fkey" FOREIGN KEY ("parent_sscc") REFERENCES "containers"("sscc") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "event_epcs" ADD CONSTRAINT "event_epcs_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "recalls" ADD CONSTRAINT "recalls_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "alert_changes" ADD CONSTRAINT "alert_changes_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
