-- What sealing reads of each waiting event (lib/ledger/seal/read-period-leaves.ts):
-- its id, leaf hash and record time, in id order. This covering index holds
-- them in about 70 bytes per event, so that read is an index-only scan
-- wherever the visibility map allows it instead of a visit to every wide
-- event row (about a kilobyte with its records); the before/after figures
-- are in docs/decisions/092. Prisma's schema language cannot say INCLUDE,
-- so the index lives here only and lib/db/drift.ts lists it by name.
CREATE INDEX "events_leaves_idx" ON "events" ("id") INCLUDE ("leaf_hash", "record_time");
