-- The alert inbox and the periodic alert checks (lib/alerts; docs/decisions/071).

-- An organisation's inbox reads the alerts whose visible_to names it
-- (visible_to @> ARRAY[org]): a GIN index answers that without reading every alert.
CREATE INDEX "alerts_visible_to_idx" ON "alerts" USING GIN ("visible_to");

-- How far each periodic check has looked (e.g. shipments recorded up to this
-- time have been checked for receipt), so that every shipment is checked
-- exactly once however often, or rarely, the check runs and on however many
-- app instances.
CREATE TABLE "job_watermarks" (
    "name" TEXT NOT NULL,
    "watermark" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_watermarks_pkey" PRIMARY KEY ("name")
);
