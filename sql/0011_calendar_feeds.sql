-- Calendars (Calendars/ in the app), and cancelled workshops that keep their public page.

-- A private calendar feed: GET /api/calendar/{token}.ics. One per user; a new one replaces the old.
-- The token is stored as its SHA-256 hash only, so neither this table nor a backup can serve a feed.
CREATE TABLE calendar_feeds (
    user_id     uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- When the workshop was first published. A cancelled workshop stays visible to everyone who could see
-- it published (WorkshopAccess); a draft cancelled before it was ever published stays its trainer's.
ALTER TABLE workshops ADD COLUMN published_at timestamptz;

-- Set by the database whenever a row becomes published, whoever writes it (the API, the demo data, a test).
CREATE FUNCTION workshops_mark_published() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.published_at := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER workshops_mark_published
    BEFORE INSERT OR UPDATE OF status ON workshops
    FOR EACH ROW WHEN (NEW.status = 'published' AND NEW.published_at IS NULL)
    EXECUTE FUNCTION workshops_mark_published();

-- Rows from before this migration: a published workshop was published when last changed, at the
-- latest; a cancelled one was published if it ever had a registration or its cancellation was told
-- to registrants (only a published workshop's is, sql/0010). Other cancelled ones stay hidden.
UPDATE workshops SET published_at = updated_at WHERE status = 'published';
UPDATE workshops w SET published_at = w.updated_at
 WHERE w.status = 'cancelled'
   AND (w.ever_registered OR EXISTS (SELECT 1 FROM workshop_changes c WHERE c.workshop_id = w.id AND c.event = 'workshop.cancelled'));
