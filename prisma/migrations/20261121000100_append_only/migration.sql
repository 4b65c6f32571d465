-- Append-only tables: the ledger (events, their identifiers, anchors, chunks,
-- checkpoints) and the security record (audit_log, alert_changes) reject
-- UPDATE, DELETE and TRUNCATE in the database itself, whatever the client.
-- ENABLE ALWAYS makes the triggers fire even under
-- session_replication_role = replica, so only a superuser who drops or disables
-- them can change history; `npm run audit` catches that (docs/decisions/005).
-- Recalls may be closed (UPDATE) but never deleted.

CREATE FUNCTION reject_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'append_only';
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['events', 'event_epcs', 'anchors', 'ledger_chunks', 'checkpoints', 'audit_log', 'alert_changes']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION reject_mutation()', t || '_append_only_row', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION reject_mutation()', t || '_append_only_truncate', t);
    EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_append_only_row');
    EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_append_only_truncate');
  END LOOP;
END;
$$;

CREATE TRIGGER recalls_no_delete BEFORE DELETE ON recalls FOR EACH ROW EXECUTE FUNCTION reject_mutation();
CREATE TRIGGER recalls_no_truncate BEFORE TRUNCATE ON recalls FOR EACH STATEMENT EXECUTE FUNCTION reject_mutation();
ALTER TABLE recalls ENABLE ALWAYS TRIGGER recalls_no_delete;
ALTER TABLE recalls ENABLE ALWAYS TRIGGER recalls_no_truncate;

-- One open alert per fingerprint: repeated triggers fold into it (count + 1).
CREATE UNIQUE INDEX alerts_open_fingerprint_key ON alerts (fingerprint) WHERE status <> 'CLOSED';
