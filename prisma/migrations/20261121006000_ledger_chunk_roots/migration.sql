-- The sealer stores the root of each chunk's subtree beside its leaves: every
-- chunk is a node of the period tree (docs/decisions/031), so a proof for one
-- event reads its chunk and the chunk roots of its period instead of all the
-- period's leaf hashes (docs/decisions/036). No period was sealed before this
-- column existed, so it can be NOT NULL without a default.
ALTER TABLE "ledger_chunks" ADD COLUMN "root" BYTEA NOT NULL;
