-- ---------------------------------------------------------------------------
-- Page cache invalidation (docs/decisions/0018-page-cache.md).
-- The app keeps rendered pages in memory (app/modules/page-cache). Every write that
-- could change what a page shows tells every app process, by NOTIFY on the channel
-- "page_cache", which partnership changed ("p:<id>"), which session ("s:<id>"), or
-- that anything may have ("*"). Statement-level triggers with transition tables send
-- one notification per partnership a statement touched, so a bulk import costs one,
-- not one per row; PostgreSQL delivers them only if the transaction commits.
-- ---------------------------------------------------------------------------

CREATE FUNCTION app_notify_tenant_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('page_cache', 'p:' || changed."partnershipId") FROM (SELECT DISTINCT "partnershipId" FROM new_rows) changed;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('page_cache', 'p:' || changed."partnershipId") FROM (SELECT DISTINCT "partnershipId" FROM old_rows) changed;
  ELSE
    PERFORM pg_notify('page_cache', 'p:' || changed."partnershipId")
      FROM (SELECT "partnershipId" FROM new_rows UNION SELECT "partnershipId" FROM old_rows) changed;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION app_notify_partnership_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('page_cache', 'p:' || changed.id) FROM (SELECT id FROM old_rows) changed;
  ELSE
    PERFORM pg_notify('page_cache', 'p:' || changed.id) FROM (SELECT id FROM new_rows) changed;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION app_notify_session_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- A new session has no page cached yet: only updates (second step passed) and
  -- deletions (signed out, expired, ended by a password change) matter.
  PERFORM pg_notify('page_cache', 's:' || changed.id) FROM (SELECT id FROM old_rows) changed;
  RETURN NULL;
END
$$;

-- A user's name or e-mail shows on pages of every partnership the user belongs to, and
-- turning two-step verification off changes where a manager may go; such writes are
-- rare, so every cached page goes. (Not each sign-in's "last code used", nor a password
-- change, which ends the other sessions.) An address's suppression likewise.
CREATE FUNCTION app_notify_global_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('page_cache', '*');
  RETURN NULL;
END
$$;

CREATE TRIGGER page_cache_insert AFTER INSERT ON "Partnership" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_partnership_change();
CREATE TRIGGER page_cache_update AFTER UPDATE ON "Partnership" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_partnership_change();
CREATE TRIGGER page_cache_delete AFTER DELETE ON "Partnership" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_partnership_change();
CREATE TRIGGER page_cache_update AFTER UPDATE ON "Session" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_session_change();
CREATE TRIGGER page_cache_delete AFTER DELETE ON "Session" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_notify_session_change();
CREATE TRIGGER page_cache_change AFTER UPDATE OF name, email, "totpEnabledAt" OR DELETE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_global_change();
CREATE TRIGGER page_cache_change AFTER INSERT OR UPDATE OR DELETE ON "EmailSuppression" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_global_change();
-- TRUNCATE has no rows to name (the tests' and the bench's resets).
CREATE TRIGGER page_cache_truncate AFTER TRUNCATE ON "Partnership" FOR EACH STATEMENT EXECUTE FUNCTION app_notify_global_change();

-- The tenant tables get theirs where they get row-level security, so a table a later
-- migration adds gets both from its closing `SELECT app_enforce_tenant_isolation();`.
CREATE OR REPLACE FUNCTION app_enforce_tenant_isolation() RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  tenant_table record;
BEGIN
  FOR tenant_table IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND a.attname = 'partnershipId' AND NOT a.attisdropped
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table.relname);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', tenant_table.relname);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING ("partnershipId" = app_current_tenant()) '
      'WITH CHECK ("partnershipId" = app_current_tenant())',
      tenant_table.relname);
    EXECUTE format('DROP TRIGGER IF EXISTS page_cache_insert ON %I', tenant_table.relname);
    EXECUTE format('DROP TRIGGER IF EXISTS page_cache_update ON %I', tenant_table.relname);
    EXECUTE format('DROP TRIGGER IF EXISTS page_cache_delete ON %I', tenant_table.relname);
    EXECUTE format('DROP TRIGGER IF EXISTS page_cache_truncate ON %I', tenant_table.relname);
    EXECUTE format(
      'CREATE TRIGGER page_cache_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION app_notify_tenant_change()', tenant_table.relname);
    EXECUTE format(
      'CREATE TRIGGER page_cache_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION app_notify_tenant_change()', tenant_table.relname);
    EXECUTE format(
      'CREATE TRIGGER page_cache_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION app_notify_tenant_change()', tenant_table.relname);
    EXECUTE format(
      'CREATE TRIGGER page_cache_truncate AFTER TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION app_notify_global_change()', tenant_table.relname);
  END LOOP;
END
$$;

SELECT app_enforce_tenant_isolation();
