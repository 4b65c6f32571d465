-- What is on its way to an organisation (the receiving stations of the
-- consoles, docs/decisions/082): packs and cases shipped to it and not yet
-- received. Partial indexes: only rows in transit are indexed, a small
-- share of all packs, so commissioning (which inserts rows with no
-- destination) pays nothing for them. Prisma's schema language cannot say
-- "partial", so they live here only and lib/db/drift.ts lists them by name.
CREATE INDEX "packs_in_transit_to_idx" ON "packs" ("in_transit_to_id") WHERE "in_transit_to_id" IS NOT NULL;
CREATE INDEX "containers_in_transit_to_idx" ON "containers" ("in_transit_to_id") WHERE "in_transit_to_id" IS NOT NULL;
