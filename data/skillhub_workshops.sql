-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+60306f0d0ce2a9efd556f0fdf4498ad1573910ee
-- Schema version: sql.0011_calendar_feeds.sql
\set ON_ERROR_STOP on
SET client_encoding = 'UTF8';
BEGIN;
-- skillhub:schema:begin
-- sql.0001_users.sql
-- Accounts: one row per person, whatever their role.
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
    display_name  text        NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 100),
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('admin', 'trainer', 'participant')),
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- E-mail addresses are compared without case: one account per address.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
-- GET /api/users?role= pages by creation order within a role.
CREATE INDEX users_role_created_idx ON users (role, created_at, id);
CREATE INDEX users_created_idx ON users (created_at, id);
-- sql.0002_refresh_tokens.sql
-- Refresh tokens are stored as SHA-256 hashes only. Each login starts a family;
-- every refresh spends one token and issues its successor in the same family.
-- A spent token presented again revokes the whole family (RFC 9700 reuse detection).
CREATE TABLE refresh_tokens (
    id          uuid        PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL CHECK (octet_length(token_hash) = 32),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    spent_at    timestamptz,
    revoked_at  timestamptz,
    CHECK (expires_at > created_at)
);

CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
-- sql.0003_login_throttle.sql
-- Failed logins counted where every app instance sees them.
-- scope 'account' keys on the normalised e-mail, scope 'address' on the client address.
CREATE TABLE login_throttle (
    scope             text        NOT NULL CHECK (scope IN ('account', 'address')),
    key               text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 320),
    failures          integer     NOT NULL CHECK (failures >= 0),
    window_started_at timestamptz NOT NULL,
    locked_until      timestamptz,
    PRIMARY KEY (scope, key)
);

CREATE INDEX login_throttle_window_idx ON login_throttle (window_started_at);
-- sql.0004_workshops.sql
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE workshops (
    id               uuid        PRIMARY KEY,
    title            text        NOT NULL CHECK (char_length(title) BETWEEN 3 AND 120),
    description      text        NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
    trainer_id       uuid        NOT NULL REFERENCES users (id),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    location         text        NOT NULL CHECK (char_length(location) BETWEEN 1 AND 200),
    capacity         integer     NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    seats_taken      integer     NOT NULL DEFAULT 0,
    status           text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled')),
    cancel_reason    text        CHECK (char_length(cancel_reason) <= 500),
    -- Set by the first registration ever written, waiting list included; a workshop
    -- that ever had one is cancelled, never deleted.
    ever_registered  boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    CONSTRAINT workshops_dates_check CHECK (ends_at > starts_at),
    CONSTRAINT workshops_seats_check CHECK (seats_taken >= 0 AND seats_taken <= capacity),
    CONSTRAINT workshops_cancelled_has_reason CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
);

-- The public list: published workshops by date (the default sort, both directions).
CREATE INDEX workshops_status_starts_idx ON workshops (status, starts_at, id);
-- A trainer's own workshops, and the trainerId filter.
CREATE INDEX workshops_trainer_starts_idx ON workshops (trainer_id, starts_at, id);
-- q: substring search over title and description, served by a trigram index.
CREATE INDEX workshops_search_idx ON workshops USING gin ((title || ' ' || description) gin_trgm_ops);
-- sql.0005_registration_seats.sql
-- The registration saga (see README): PostgreSQL holds the seat count, MongoDB the registrations.

-- Every seat request takes a ticket: the waiting list is served in ticket order.
CREATE SEQUENCE registration_queue AS bigint;

-- When the seat count last moved. Reconciliation only corrects a workshop whose count has been
-- still for a while, so it never races a registration that is between its two steps.
ALTER TABLE workshops ADD COLUMN seats_changed_at timestamptz NOT NULL DEFAULT now();

-- Asks for a seat in one round trip. The first statement is the whole guarantee: a seat is taken
-- only while one is free. When none is, the request still gets a ticket for the waiting list.
-- No row: the workshop is not open for registration (not published, or started).
CREATE FUNCTION request_seat(p_workshop uuid)
RETURNS TABLE (confirmed boolean, queue_ticket bigint)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE workshops
       SET seats_taken = seats_taken + 1, seats_changed_at = now(), ever_registered = true
     WHERE id = p_workshop AND status = 'published' AND starts_at > now() AND seats_taken < capacity;
    IF FOUND THEN
        RETURN QUERY SELECT true, nextval('registration_queue');
        RETURN;
    END IF;

    UPDATE workshops SET ever_registered = true
     WHERE id = p_workshop AND status = 'published' AND starts_at > now();
    IF FOUND THEN
        RETURN QUERY SELECT false, nextval('registration_queue');
    END IF;
END
$$;
-- sql.0006_request_seat_no_idle_write.sql
-- request_seat without a write when there is nothing to write. A request that finds the workshop
-- full used to rewrite its row anyway (ever_registered = true, already true after the first seat):
-- a new row version, a row lock held through a WAL flush, on the very rows every concurrent
-- registration of that workshop waits for. It now writes only the first time; the waiting-list
-- answer is otherwise read-only, apart from its ticket.
CREATE OR REPLACE FUNCTION request_seat(p_workshop uuid)
RETURNS TABLE (confirmed boolean, queue_ticket bigint)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE workshops
       SET seats_taken = seats_taken + 1, seats_changed_at = now(), ever_registered = true
     WHERE id = p_workshop AND status = 'published' AND starts_at > now() AND seats_taken < capacity;
    IF FOUND THEN
        RETURN QUERY SELECT true, nextval('registration_queue');
        RETURN;
    END IF;

    UPDATE workshops SET ever_registered = true
     WHERE id = p_workshop AND status = 'published' AND starts_at > now() AND NOT ever_registered;
    IF FOUND OR EXISTS (SELECT 1 FROM workshops WHERE id = p_workshop AND status = 'published' AND starts_at > now()) THEN
        RETURN QUERY SELECT false, nextval('registration_queue');
    END IF;
END
$$;
-- sql.0007_sessions.sql
-- A session is what one login starts: its refresh-token family and every access token issued in it
-- (claim sid = the session id = the family id). Access tokens are checked against their session, so
-- logging out, disabling the account or changing its role or password ends them at once.
CREATE TABLE sessions (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    ended_at    timestamptz
);

CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE ended_at IS NULL;

-- Every family that exists already was a session; a family with a revoked token was revoked whole.
INSERT INTO sessions (id, user_id, created_at, ended_at)
SELECT family_id, user_id, min(created_at), max(revoked_at)
  FROM refresh_tokens
 GROUP BY family_id, user_id;

ALTER TABLE refresh_tokens
    ADD CONSTRAINT refresh_tokens_session_fkey FOREIGN KEY (family_id) REFERENCES sessions (id) ON DELETE CASCADE;

-- Ending a session revokes its refresh tokens: the one place that rule lives.
CREATE FUNCTION revoke_ended_session_tokens() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE refresh_tokens SET revoked_at = NEW.ended_at WHERE family_id = NEW.id AND revoked_at IS NULL;
    RETURN NULL;
END
$$;

CREATE TRIGGER sessions_end_revokes_tokens
    AFTER UPDATE OF ended_at ON sessions
    FOR EACH ROW WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL)
    EXECUTE FUNCTION revoke_ended_session_tokens();

-- Every app instance caches sessions and LISTENs on skillhub_sessions: whatever changes what a
-- session's tokens may do notifies, whoever makes the change (the app, psql, a restore), and the
-- notification is delivered at commit. Payload: 'user:<id>', 'session:<id>' or '*' (forget all).
CREATE FUNCTION notify_session_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('skillhub_sessions', '*');
        RETURN NULL;
    END IF;

    PERFORM pg_notify('skillhub_sessions',
        CASE TG_TABLE_NAME WHEN 'users' THEN 'user:' ELSE 'session:' END || (CASE TG_OP WHEN 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER users_notify_sessions
    AFTER UPDATE OF role, disabled, password_hash ON users
    FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.disabled IS DISTINCT FROM NEW.disabled OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
    EXECUTE FUNCTION notify_session_change();

CREATE TRIGGER users_deleted_notify_sessions
    AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION notify_session_change();

CREATE TRIGGER sessions_notify
    AFTER UPDATE OF ended_at OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION notify_session_change();

CREATE TRIGGER users_truncated_notify_sessions
    AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION notify_session_change();

CREATE TRIGGER sessions_truncated_notify
    AFTER TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION notify_session_change();
-- sql.0008_throttle_reservations.sql
-- Attempts are reserved before any password is hashed, so `failures` now counts reserved attempts
-- (a successful login gives its reservation back). Two more scopes: 'account_address', the strict
-- count of one account from one address, and 'register', account creations per client address.
ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_scope_check;
ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_scope_check
    CHECK (scope IN ('account', 'address', 'account_address', 'register'));
-- sql.0009_request_seat_takes_the_time.sql
-- request_seat takes the time from the app instead of reading now(): "open for registration" is one
-- rule (RegistrationWindow in the app: published and starts_at after the app's clock), and a test
-- clock now drives the SQL side of it as well as the C# side.
DROP FUNCTION IF EXISTS request_seat(uuid);

CREATE FUNCTION request_seat(p_workshop uuid, p_now timestamptz)
RETURNS TABLE (confirmed boolean, queue_ticket bigint)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE workshops
       SET seats_taken = seats_taken + 1, seats_changed_at = now(), ever_registered = true
     WHERE id = p_workshop AND status = 'published' AND starts_at > p_now AND seats_taken < capacity;
    IF FOUND THEN
        RETURN QUERY SELECT true, nextval('registration_queue');
        RETURN;
    END IF;

    UPDATE workshops SET ever_registered = true
     WHERE id = p_workshop AND status = 'published' AND starts_at > p_now AND NOT ever_registered;
    IF FOUND OR EXISTS (SELECT 1 FROM workshops WHERE id = p_workshop AND status = 'published' AND starts_at > p_now) THEN
        RETURN QUERY SELECT false, nextval('registration_queue');
    END IF;
END
$$;
-- sql.0010_notifications.sql
-- E-mail notifications: an outbox the sender drains (Notifications/ in the app).

-- What a participant may turn off; confirmations, promotions, cancellations and resets are always sent.
ALTER TABLE users
    ADD COLUMN notify_reminders         boolean NOT NULL DEFAULT true,
    ADD COLUMN notify_workshop_updates  boolean NOT NULL DEFAULT true;

-- One row per message: an event and its recipient. message_key names both, so writing the same message
-- twice (a retry, reconciliation deriving it again) keeps one row; it is also the message's Message-ID.
CREATE TABLE notifications (
    id               uuid        PRIMARY KEY,
    message_key      text        NOT NULL UNIQUE CHECK (char_length(message_key) <= 200),
    event            text        NOT NULL CHECK (char_length(event) <= 40),
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    workshop_id      uuid,
    registration_id  uuid,
    -- What the message needs and cannot read again when it is rendered (never a secret).
    data             jsonb       NOT NULL DEFAULT '{}',
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error       text        CHECK (char_length(last_error) <= 500),
    -- The address and subject of the last attempt, for the admin's list.
    recipient        text,
    subject          text,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);

-- The sender's claim: due pending rows, oldest first.
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at, created_at) WHERE status = 'pending';
-- GET /api/admin/notifications: newest first.
CREATE INDEX notifications_created_idx ON notifications (created_at DESC, id DESC);

-- A published workshop moved, rescheduled or cancelled: one row written by the statement that changes it
-- (the trigger below), so no change is ever left untold. The sender turns each row into one message per
-- registrant, in one transaction with setting expanded_at.
CREATE TABLE workshop_changes (
    workshop_id  uuid        NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    version      integer     NOT NULL,
    event        text        NOT NULL CHECK (event IN ('workshop.changed', 'workshop.cancelled')),
    previous     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expanded_at  timestamptz,
    PRIMARY KEY (workshop_id, version)
);

CREATE INDEX workshop_changes_pending_idx ON workshop_changes (created_at) WHERE expanded_at IS NULL;

CREATE FUNCTION record_workshop_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO workshop_changes (workshop_id, version, event, previous)
    VALUES (NEW.id, NEW.version,
            CASE WHEN NEW.status = 'cancelled' THEN 'workshop.cancelled' ELSE 'workshop.changed' END,
            jsonb_build_object('startsAt', OLD.starts_at, 'endsAt', OLD.ends_at, 'location', OLD.location))
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER workshops_record_change
    AFTER UPDATE OF starts_at, ends_at, location, status ON workshops
    FOR EACH ROW WHEN (OLD.status = 'published' AND (
        NEW.status = 'cancelled'
        OR (NEW.status = 'published' AND (OLD.starts_at, OLD.ends_at, OLD.location) IS DISTINCT FROM (NEW.starts_at, NEW.ends_at, NEW.location))))
    EXECUTE FUNCTION record_workshop_change();

-- Set when the reminders of a workshop were written to the outbox, in the same transaction.
ALTER TABLE workshops ADD COLUMN reminders_at timestamptz;

CREATE INDEX workshops_reminders_due_idx ON workshops (starts_at) WHERE status = 'published' AND reminders_at IS NULL;

-- A password reset: the link carries the id and a MAC of it made with the app's signing key, so no
-- token is stored anywhere, in this table, the outbox or a backup.
CREATE TABLE password_resets (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);

CREATE INDEX password_resets_user_idx ON password_resets (user_id) WHERE used_at IS NULL;

-- Reset requests are throttled per e-mail address and per client address, with the login counters.
ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_scope_check;
ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_scope_check
    CHECK (scope IN ('account', 'address', 'account_address', 'register', 'reset_account', 'reset_address'));
-- sql.0011_calendar_feeds.sql
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
CREATE TABLE schema_versions (
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schema_versions_Id" PRIMARY KEY (schemaversionsid)
);
-- skillhub:schema:end
COPY schema_versions (schemaversionsid, scriptname, applied) FROM stdin;
1	sql.0001_users.sql	2026-12-01 22:05:06.419069
2	sql.0002_refresh_tokens.sql	2026-12-01 22:05:06.48165
3	sql.0003_login_throttle.sql	2026-12-01 22:05:06.49513
4	sql.0004_workshops.sql	2026-12-01 22:05:06.535473
5	sql.0005_registration_seats.sql	2026-12-01 22:05:06.542279
6	sql.0006_request_seat_no_idle_write.sql	2026-12-01 22:05:06.54533
7	sql.0007_sessions.sql	2026-12-01 22:05:06.561931
8	sql.0008_throttle_reservations.sql	2026-12-01 22:05:06.565636
9	sql.0009_request_seat_takes_the_time.sql	2026-12-01 22:05:06.569729
10	sql.0010_notifications.sql	2026-12-01 22:05:06.611831
11	sql.0011_calendar_feeds.sql	2026-12-01 22:05:06.627507
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at, notify_reminders, notify_workshop_updates) FROM stdin;
01a233a3-de99-74ed-9f42-298dbb514685	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$iR1NlczLUp1H33ZIxSWA7g==$F0IgpXVB4xy0nuzkZ8BOOZ9GR3QtuIY6UcRSwoIQja0gDh7mbFB30gNu70I/MEaXN6zvrKGxIuxazCVMhLJqQQ==	admin	f	2026-12-01 22:05:07.097952+00	2026-12-01 22:05:07.097952+00	t	t
01a233a3-dff7-794e-add2-05bbcb4c38e2	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$NlseddD+CVJJRWaoID/RZg==$DGVkTJj9/klwOuJtFRKU2CjyMP/lwxnuU5ZVVPwHqOElF93P/t2UDsj2hjXaGiM6ICatawgWx9f438dwD4Rpjw==	trainer	f	2026-12-01 22:05:07.447097+00	2026-12-01 22:05:07.447097+00	t	t
01a233a3-e13d-7519-b84b-53356d7aaeec	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$TVGvssw7JvYaJaWfy4zMiQ==$vAI8x9wA1ux51VliUgYyHNFAYat1NwiVTPGDCfY9cHvXVu7MIv7PDASYb4vApGsI7UCOFCIS2p9gT1l17W3tRg==	trainer	f	2026-12-01 22:05:07.773326+00	2026-12-01 22:05:07.773326+00	t	t
01a233a3-e204-7531-bc36-c62339b13970	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$2h3L8UwW4pLpG58iK8Qoew==$sFl/8T/9qNqfpj30TFgHGuOjTi+u5zbDrBPqktAqs8elVYU68Y13Gf6dcFZTKZm9AGmys9MYpFPnu/LBb8r2qg==	trainer	f	2026-12-01 22:05:07.972747+00	2026-12-01 22:05:07.972747+00	t	t
01a233a3-e5da-7ef2-a1e7-f878e97addc2	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$EDFEvZwVCm6PbGm+AmqrTg==$MaQbuSqP35O0s+qqwCXYrnrfqUGgL68Pd+DR6SKLiLo+W3LyxZawC8bHxIr/9AxCzgaPfR5oji4jj0aQzbPwhg==	participant	f	2026-12-01 22:05:08.954321+00	2026-12-01 22:05:08.954321+00	t	t
01a233a3-e883-7c38-ac38-e21754e2797b	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$GPtiQ3M3AP3JtBgiEjCe+Q==$WqE8rrwNga8am4vQIOUHkm7FMGS2P0/HPxD27pdSetOF974VoCTfLAqfuCh4aK+123YXuMxFpblJI0YwRzpkgg==	participant	f	2026-12-01 22:05:09.63525+00	2026-12-01 22:05:09.63525+00	t	t
01a233a3-e99a-76fa-bb00-9941a1b1ec68	ines.garcia@skillhub.demo	Inès Garcia	pbkdf2-sha512$210000$Zl4bH9tQ8W7w+V4H7+iBGA==$vDDzbSNfaxe6KJ7nSG7X+ScW+KMk+jZs4HA5143+kZ0m8cRHNzxTqOad8URC3MGZjd6u1nH2HvuXmr4EqC/T6w==	participant	f	2026-12-01 22:05:09.914197+00	2026-12-01 22:05:09.914197+00	t	t
01a233a3-eaf2-7b03-ba60-3afde11184a3	tom.petit@skillhub.demo	Tom Petit	pbkdf2-sha512$210000$AT3VnGgWK/3TO81+H7N8Yg==$tMMLcdUyR7thI4vlnMVx8tVvgfU4HvtCFbmSRDf+jv7iE+YohYXTnu/oFN1AbOj0FTxNqcp8QqoiDxSJMhNV6w==	participant	f	2026-12-01 22:05:10.258138+00	2026-12-01 22:05:10.258138+00	t	t
01a233a3-ebe6-7270-925f-308b950dac9f	nora.haddad@skillhub.demo	Nora Haddad	pbkdf2-sha512$210000$YDvhGg8ks5fdp1hIQahEAg==$7lqi3f0F/8X14H0w60FI/RVbbmu61P/l9Hu+WUFpVoU0gjIrYfuyrgXA5rQTiut0Z8CqYKSuMrBfwNXbwz0mRA==	participant	f	2026-12-01 22:05:10.502082+00	2026-12-01 22:05:10.502082+00	t	t
01a233a3-ece2-74ee-b482-ae6d2d7f0854	yanis.roux@skillhub.demo	Yanis Roux	pbkdf2-sha512$210000$MrYSWX1fYROYRJndD96+cw==$EaF7uXGhCrXno9IGFIULSAPj46mjm5IagRDdPTUci4Z2E8c51LAEXWpAvY6gvzyE76tv2p9/nOcV6x6dvLZLVw==	participant	f	2026-12-01 22:05:10.754184+00	2026-12-01 22:05:10.754184+00	t	t
01a233a3-ed7c-75db-a848-dc0bdc6d9b11	camille.laurent@skillhub.demo	Camille Laurent	pbkdf2-sha512$210000$+js9ICMW8U8i872oUb/vyg==$GEUqUFbitxKmX47sBJF0PMvKs0Av8K91dUZDud/TM1/d/yn16Jfd5+8DsI6pCC2YwA8MXIfT1oXp2NZCJIagjA==	participant	f	2026-12-01 22:05:10.908997+00	2026-12-01 22:05:10.908997+00	t	t
01a233a3-ee95-7075-9a99-c6c68d294ad5	louis.fontaine@skillhub.demo	Louis Fontaine	pbkdf2-sha512$210000$olH3nMJALv1OeOhcMg45sw==$0NxOpOFU3fxKeLCNc62GbvabgwsvSVYVPTQ+FGXDAl2bwdPSe7sr0ZO6m/GXBRsGpbHZTbqdcoDEmOrzVCtIkg==	participant	f	2026-12-01 22:05:11.189008+00	2026-12-01 22:05:11.189008+00	t	t
01a233a3-ef99-79a5-be21-42ab57e4ee5c	emma.girard@skillhub.demo	Emma Girard	pbkdf2-sha512$210000$B9sLrmRIxxONN3o/lFIGLw==$5PW+xOoOkXQVrgugkHZJEiCTCG27xsAf2TbEuJcVwyHxvBhXHWbzjLbtIZYVGj39YWCZ8m8KXq0zpbhnrhxRAQ==	participant	f	2026-12-01 22:05:11.449331+00	2026-12-01 22:05:11.449331+00	t	t
01a233a3-f124-7666-9dfa-a8133a1d3b97	lucas.bernard@skillhub.demo	Lucas Bernard	pbkdf2-sha512$210000$m5JfDkra/FDkLLpWUyppUQ==$DfiO56DGjaWrKLgjgivqmuweMr3vNFs6H7zFO9VjbxqxYj21xuNlp4sPd3MkVxb0wSKh31Y6usSvwBhpn2+4fQ==	participant	f	2026-12-01 22:05:11.844198+00	2026-12-01 22:05:11.844198+00	t	t
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at, reminders_at, published_at) FROM stdin;
01a233a3-f47d-7e59-b42d-7a8d8a840fb9	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a233a3-e13d-7519-b84b-53356d7aaeec	2026-12-25 13:00:00+00	2026-12-25 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-12-01 22:05:12.701679+00	2026-12-01 22:05:12.703058+00	2	2026-12-01 22:05:12.701679+00	\N	2026-12-01 22:05:12.703058+00
01a233a3-f301-7301-83c5-cfd4d13e9656	Les bases de Python	Variables, boucles, fonctions et un premier script utile, sans prérequis.	01a233a3-dff7-794e-add2-05bbcb4c38e2	2026-11-10 08:00:00+00	2026-11-10 11:00:00+00	Paris — salle Turing	8	6	published	\N	t	2026-10-20 08:00:00+00	2026-10-20 08:00:00+00	1	2026-12-01 22:05:12.42754+00	\N	2026-12-01 22:05:12.343404+00
01a233a3-f39c-7613-9f27-f455a74ecd54	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a233a3-dff7-794e-add2-05bbcb4c38e2	2026-12-04 08:00:00+00	2026-12-04 11:00:00+00	Paris — salle Turing	12	4	published	\N	t	2026-12-01 22:05:12.478162+00	2026-12-01 22:05:12.489366+00	2	2026-12-01 22:05:12.642303+00	\N	2026-12-01 22:05:12.489366+00
01a233a3-f448-7130-ba70-51045ef88382	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a233a3-dff7-794e-add2-05bbcb4c38e2	2026-12-08 13:00:00+00	2026-12-08 16:00:00+00	Paris — salle Turing	15	0	published	\N	f	2026-12-01 22:05:12.648408+00	2026-12-01 22:05:12.65027+00	2	2026-12-01 22:05:12.648408+00	\N	2026-12-01 22:05:12.65027+00
01a233a3-f36d-7c7b-ac55-12922ba1a15d	Écoute active et feedback	Reformuler, questionner, donner un retour utile sans blesser.	01a233a3-e13d-7519-b84b-53356d7aaeec	2026-11-17 13:00:00+00	2026-11-17 16:00:00+00	Lyon — espace Lumière	6	5	published	\N	t	2026-10-27 13:00:00+00	2026-10-27 13:00:00+00	1	2026-12-01 22:05:12.444673+00	\N	2026-12-01 22:05:12.431941+00
01a233a3-f44c-76ab-8583-f9da476defc9	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a233a3-dff7-794e-add2-05bbcb4c38e2	2026-12-13 09:00:00+00	2026-12-13 11:00:00+00	En ligne	25	0	published	\N	f	2026-12-01 22:05:12.652428+00	2026-12-01 22:05:12.653992+00	2	2026-12-01 22:05:12.652428+00	\N	2026-12-01 22:05:12.653992+00
01a233a3-f44f-7484-84f6-5926985459c7	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a233a3-dff7-794e-add2-05bbcb4c38e2	2026-12-20 08:00:00+00	2026-12-20 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-12-01 22:05:12.655403+00	2026-12-01 22:05:12.656689+00	2	2026-12-01 22:05:12.655403+00	\N	2026-12-01 22:05:12.656689+00
01a233a3-f37f-783a-9e31-63e477fdf879	Canva pour les réseaux sociaux	Gabarits, charte graphique et formats pour publier des visuels soignés.	01a233a3-e204-7531-bc36-c62339b13970	2026-11-24 09:00:00+00	2026-11-24 11:00:00+00	En ligne	10	6	published	\N	t	2026-11-03 09:00:00+00	2026-11-03 09:00:00+00	1	2026-12-01 22:05:12.461648+00	\N	2026-12-01 22:05:12.449682+00
01a233a3-f47f-7d13-9ba0-9bd1edd585f1	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a233a3-e204-7531-bc36-c62339b13970	2026-12-06 15:00:00+00	2026-12-06 17:00:00+00	Bordeaux — Darwin	10	3	published	\N	t	2026-12-01 22:05:12.704378+00	2026-12-01 22:05:12.705701+00	2	2026-12-01 22:05:12.717855+00	\N	2026-12-01 22:05:12.705701+00
01a233a3-f38e-7619-bd8d-e838402393b2	Markdown et documentation	README, docs de projet et diagrammes en texte : documenter sans effort.	01a233a3-dff7-794e-add2-05bbcb4c38e2	2026-11-29 14:00:00+00	2026-11-29 16:00:00+00	En ligne	5	3	published	\N	t	2026-11-08 14:00:00+00	2026-11-08 14:00:00+00	1	2026-12-01 22:05:12.473428+00	\N	2026-12-01 22:05:12.464299+00
01a233a3-f452-7ac7-998b-c3eefe8d9d93	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a233a3-e13d-7519-b84b-53356d7aaeec	2026-12-05 14:00:00+00	2026-12-05 16:00:00+00	Lyon — espace Lumière	3	3	published	\N	t	2026-12-01 22:05:12.658247+00	2026-12-01 22:05:12.659387+00	2	2026-12-01 22:05:12.665767+00	\N	2026-12-01 22:05:12.659387+00
01a233a3-f476-70be-b9db-2f994b180dd0	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a233a3-e13d-7519-b84b-53356d7aaeec	2026-12-10 07:00:00+00	2026-12-10 09:00:00+00	En ligne	30	0	published	\N	f	2026-12-01 22:05:12.694643+00	2026-12-01 22:05:12.696759+00	2	2026-12-01 22:05:12.694643+00	\N	2026-12-01 22:05:12.696759+00
01a233a3-f47a-7145-bc44-31a045efd5bf	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a233a3-e13d-7519-b84b-53356d7aaeec	2026-12-17 09:00:00+00	2026-12-17 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-12-01 22:05:12.69869+00	2026-12-01 22:05:12.69985+00	2	2026-12-01 22:05:12.69869+00	\N	2026-12-01 22:05:12.69985+00
01a233a3-f494-768a-b653-432aff6996b0	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a233a3-e204-7531-bc36-c62339b13970	2026-12-11 08:00:00+00	2026-12-11 10:00:00+00	En ligne	40	0	published	\N	f	2026-12-01 22:05:12.724867+00	2026-12-01 22:05:12.72891+00	2	2026-12-01 22:05:12.724867+00	\N	2026-12-01 22:05:12.72891+00
01a233a3-f49c-7af1-9efd-f733e575423f	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a233a3-e204-7531-bc36-c62339b13970	2026-12-18 12:00:00+00	2026-12-18 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-12-01 22:05:12.733073+00	2026-12-01 22:05:12.735085+00	2	2026-12-01 22:05:12.733073+00	\N	2026-12-01 22:05:12.735085+00
01a233a3-f4a2-7250-999a-b0bec07a8a04	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a233a3-e204-7531-bc36-c62339b13970	2026-12-27 08:00:00+00	2026-12-27 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-12-01 22:05:12.739346+00	2026-12-01 22:05:12.742671+00	2	2026-12-01 22:05:12.739346+00	\N	2026-12-01 22:05:12.742671+00
01a233a3-f4a9-71b3-afd4-4b50875f4eca	Improvisation théâtrale	Lâcher prise, écouter ses partenaires et rebondir : l'impro au service de l'oral.	01a233a3-e13d-7519-b84b-53356d7aaeec	2026-12-09 16:00:00+00	2026-12-09 18:00:00+00	Nantes — La Cantine	10	0	cancelled	Le formateur est souffrant ; une nouvelle date sera proposée en janvier.	t	2026-12-01 22:05:12.746164+00	2026-12-01 22:05:12.772709+00	3	2026-12-01 22:05:12.772709+00	\N	2026-12-01 22:05:12.748885+00
\.
COPY sessions (id, user_id, created_at, ended_at) FROM stdin;
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
COPY notifications (id, message_key, event, user_id, workshop_id, registration_id, data, status, attempts, last_error, recipient, subject, next_attempt_at, created_at, sent_at) FROM stdin;
01a233a3-f3bb-7e62-bda2-940d013cce79	registration.confirmed:01a233a3-f3ad-78ee-9c37-50574916ab7b:0	registration.confirmed	01a233a3-e5da-7ef2-a1e7-f878e97addc2	01a233a3-f39c-7613-9f27-f455a74ecd54	01a233a3-f3ad-78ee-9c37-50574916ab7b	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:05:12.505331+00	2026-12-01 22:05:12.505331+00	\N
01a233a3-f42c-7f2d-a217-1b54bc1a6b92	registration.confirmed:01a233a3-f42b-7af9-a630-86256c1f62de:0	registration.confirmed	01a233a3-e883-7c38-ac38-e21754e2797b	01a233a3-f39c-7613-9f27-f455a74ecd54	01a233a3-f42b-7af9-a630-86256c1f62de	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:05:12.620166+00	2026-12-01 22:05:12.620166+00	\N
01a233a3-f42e-7afb-8362-60c046080c0f	registration.confirmed:01a233a3-f42e-7185-a1bd-bbb188f6319a:0	registration.confirmed	01a233a3-e99a-76fa-bb00-9941a1b1ec68	01a233a3-f39c-7613-9f27-f455a74ecd54	01a233a3-f42e-7185-a1bd-bbb188f6319a	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-01 22:05:12.622993+00	2026-12-01 22:05:12.622993+00	\N
01a233a3-f431-7513-ae1b-5d165b191b08	registration.confirmed:01a233a3-f431-7584-83d2-8c6f24ba2357:0	registration.confirmed	01a233a3-eaf2-7b03-ba60-3afde11184a3	01a233a3-f39c-7613-9f27-f455a74ecd54	01a233a3-f431-7584-83d2-8c6f24ba2357	{"entry": 0}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-01 22:05:12.625247+00	2026-12-01 22:05:12.625247+00	\N
01a233a3-f433-7e4c-b398-1c1e1a668af2	registration.confirmed:01a233a3-f432-79db-aa38-9ee74fcb0746:0	registration.confirmed	01a233a3-ebe6-7270-925f-308b950dac9f	01a233a3-f39c-7613-9f27-f455a74ecd54	01a233a3-f432-79db-aa38-9ee74fcb0746	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-01 22:05:12.627001+00	2026-12-01 22:05:12.627001+00	\N
01a233a3-f43b-7931-9b20-bd5cd4487802	registration.cancelled:01a233a3-f431-7584-83d2-8c6f24ba2357:1	registration.cancelled	01a233a3-eaf2-7b03-ba60-3afde11184a3	01a233a3-f39c-7613-9f27-f455a74ecd54	01a233a3-f431-7584-83d2-8c6f24ba2357	{"entry": 1}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-01 22:05:12.635275+00	2026-12-01 22:05:12.635275+00	\N
01a233a3-f455-784d-9fa6-6f6886d629f5	registration.confirmed:01a233a3-f455-7a53-b160-edd045cb94c8:0	registration.confirmed	01a233a3-e5da-7ef2-a1e7-f878e97addc2	01a233a3-f452-7ac7-998b-c3eefe8d9d93	01a233a3-f455-7a53-b160-edd045cb94c8	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:05:12.661767+00	2026-12-01 22:05:12.661767+00	\N
01a233a3-f458-7c3e-891f-f4ab0d1471de	registration.confirmed:01a233a3-f458-7bf4-9c8f-f31007db752a:0	registration.confirmed	01a233a3-e883-7c38-ac38-e21754e2797b	01a233a3-f452-7ac7-998b-c3eefe8d9d93	01a233a3-f458-7bf4-9c8f-f31007db752a	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:05:12.66448+00	2026-12-01 22:05:12.66448+00	\N
01a233a3-f45a-7373-8498-21c4b1907563	registration.confirmed:01a233a3-f45a-76e6-b245-e54f7b4023a3:0	registration.confirmed	01a233a3-ed7c-75db-a848-dc0bdc6d9b11	01a233a3-f452-7ac7-998b-c3eefe8d9d93	01a233a3-f45a-76e6-b245-e54f7b4023a3	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-01 22:05:12.666609+00	2026-12-01 22:05:12.666609+00	\N
01a233a3-f45c-74fb-90c4-890766a726af	registration.waitlisted:01a233a3-f45c-7e11-bcce-024f538ba03d:0	registration.waitlisted	01a233a3-ee95-7075-9a99-c6c68d294ad5	01a233a3-f452-7ac7-998b-c3eefe8d9d93	01a233a3-f45c-7e11-bcce-024f538ba03d	{"entry": 0}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-01 22:05:12.668643+00	2026-12-01 22:05:12.668643+00	\N
01a233a3-f460-78fc-9566-95376a7301ca	registration.waitlisted:01a233a3-f460-7340-b71c-94dccfb134bf:0	registration.waitlisted	01a233a3-ef99-79a5-be21-42ab57e4ee5c	01a233a3-f452-7ac7-998b-c3eefe8d9d93	01a233a3-f460-7340-b71c-94dccfb134bf	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-01 22:05:12.67232+00	2026-12-01 22:05:12.67232+00	\N
01a233a3-f464-7043-a8fb-e04277403d32	registration.cancelled:01a233a3-f458-7bf4-9c8f-f31007db752a:1	registration.cancelled	01a233a3-e883-7c38-ac38-e21754e2797b	01a233a3-f452-7ac7-998b-c3eefe8d9d93	01a233a3-f458-7bf4-9c8f-f31007db752a	{"entry": 1}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:05:12.67657+00	2026-12-01 22:05:12.67657+00	\N
01a233a3-f467-7fc9-afa0-2ccae992f3ee	registration.promoted:01a233a3-f45c-7e11-bcce-024f538ba03d:1	registration.promoted	01a233a3-ee95-7075-9a99-c6c68d294ad5	01a233a3-f452-7ac7-998b-c3eefe8d9d93	01a233a3-f45c-7e11-bcce-024f538ba03d	{"entry": 1}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-01 22:05:12.679563+00	2026-12-01 22:05:12.679563+00	\N
01a233a3-f483-7613-af99-e3abb9d50225	registration.confirmed:01a233a3-f483-74ca-8bfc-7f08e5f6d60a:0	registration.confirmed	01a233a3-ece2-74ee-b482-ae6d2d7f0854	01a233a3-f47f-7d13-9ba0-9bd1edd585f1	01a233a3-f483-74ca-8bfc-7f08e5f6d60a	{"entry": 0}	pending	0	\N	yanis.roux@skillhub.demo	\N	2026-12-01 22:05:12.707391+00	2026-12-01 22:05:12.707391+00	\N
01a233a3-f48b-75b9-b0eb-ff5cbb7472c8	registration.confirmed:01a233a3-f48b-729d-a615-0fcd1e4b3655:0	registration.confirmed	01a233a3-ebe6-7270-925f-308b950dac9f	01a233a3-f47f-7d13-9ba0-9bd1edd585f1	01a233a3-f48b-729d-a615-0fcd1e4b3655	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-01 22:05:12.715307+00	2026-12-01 22:05:12.715307+00	\N
01a233a3-f48e-71c8-96b4-daab6659b96c	registration.confirmed:01a233a3-f48e-74fd-bf3f-d139a3ffd8fb:0	registration.confirmed	01a233a3-ef99-79a5-be21-42ab57e4ee5c	01a233a3-f47f-7d13-9ba0-9bd1edd585f1	01a233a3-f48e-74fd-bf3f-d139a3ffd8fb	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-01 22:05:12.718908+00	2026-12-01 22:05:12.718908+00	\N
01a233a3-f4b0-70bb-a058-d4ee0358c63c	registration.confirmed:01a233a3-f4b0-7518-8d68-60fd2ef2b7af:0	registration.confirmed	01a233a3-e5da-7ef2-a1e7-f878e97addc2	01a233a3-f4a9-71b3-afd4-4b50875f4eca	01a233a3-f4b0-7518-8d68-60fd2ef2b7af	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:05:12.752489+00	2026-12-01 22:05:12.752489+00	\N
01a233a3-f4b6-7468-9009-6808701a820f	registration.confirmed:01a233a3-f4b6-771e-af7a-50381d9a3fdd:0	registration.confirmed	01a233a3-ed7c-75db-a848-dc0bdc6d9b11	01a233a3-f4a9-71b3-afd4-4b50875f4eca	01a233a3-f4b6-771e-af7a-50381d9a3fdd	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-01 22:05:12.758234+00	2026-12-01 22:05:12.758234+00	\N
01a233a3-f4bd-70ac-ba82-88d16ed6fa2b	registration.confirmed:01a233a3-f4bd-7f48-9737-9feb27519079:0	registration.confirmed	01a233a3-e99a-76fa-bb00-9941a1b1ec68	01a233a3-f4a9-71b3-afd4-4b50875f4eca	01a233a3-f4bd-7f48-9737-9feb27519079	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-01 22:05:12.765364+00	2026-12-01 22:05:12.765364+00	\N
\.
COPY workshop_changes (workshop_id, version, event, previous, created_at, expanded_at) FROM stdin;
01a233a3-f4a9-71b3-afd4-4b50875f4eca	3	workshop.cancelled	{"endsAt": "2026-12-09T18:00:00+00:00", "location": "Nantes — La Cantine", "startsAt": "2026-12-09T16:00:00+00:00"}	2026-12-01 22:05:12.772709+00	\N
\.
COPY password_resets (id, user_id, created_at, expires_at, used_at) FROM stdin;
\.
COPY calendar_feeds (user_id, token_hash, created_at) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 36, true);
COMMIT;
