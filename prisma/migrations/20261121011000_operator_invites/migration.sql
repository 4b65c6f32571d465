-- An organisation's first administrator is invited by the platform's
-- operators from the command line (`npm run org -- create ...`), not by a
-- user: such invites have no creator.
ALTER TABLE "invites" ALTER COLUMN "created_by_id" DROP NOT NULL;
