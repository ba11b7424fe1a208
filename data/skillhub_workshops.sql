-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+79c0bfc099bb1f0f6b3661afc7cc763c67696768
-- Schema version: sql.0013_check_in.sql
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
-- sql.0012_account_erasure.sql
-- An erased account (DELETE /api/me): the row stays, for the ids that workshops, registrations,
-- comments and the activity log hold, but its name and address are replaced, its password can never
-- verify and it is disabled. Changing password_hash and disabled notifies the session caches (0007).
ALTER TABLE users ADD COLUMN erased_at timestamptz;

ALTER TABLE users ADD CONSTRAINT users_erased_is_disabled CHECK (erased_at IS NULL OR disabled);
-- sql.0013_check_in.sql
-- Wrong check-in codes are counted per (workshop, participant) with the login throttle's counters,
-- under their own scope 'check_in' (key: the workshop id and the user id, both without dashes).
ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_scope_check;
ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_scope_check
    CHECK (scope IN ('account', 'address', 'account_address', 'register', 'reset_account', 'reset_address', 'check_in'));
CREATE TABLE schema_versions (
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schema_versions_Id" PRIMARY KEY (schemaversionsid)
);
-- skillhub:schema:end
COPY schema_versions (schemaversionsid, scriptname, applied) FROM stdin;
1	sql.0001_users.sql	2026-12-02 03:59:59.074479
2	sql.0002_refresh_tokens.sql	2026-12-02 03:59:59.198817
3	sql.0003_login_throttle.sql	2026-12-02 03:59:59.220576
4	sql.0004_workshops.sql	2026-12-02 03:59:59.278596
5	sql.0005_registration_seats.sql	2026-12-02 03:59:59.289597
6	sql.0006_request_seat_no_idle_write.sql	2026-12-02 03:59:59.294894
7	sql.0007_sessions.sql	2026-12-02 03:59:59.354221
8	sql.0008_throttle_reservations.sql	2026-12-02 03:59:59.357847
9	sql.0009_request_seat_takes_the_time.sql	2026-12-02 03:59:59.368703
10	sql.0010_notifications.sql	2026-12-02 03:59:59.556427
11	sql.0011_calendar_feeds.sql	2026-12-02 03:59:59.609803
12	sql.0012_account_erasure.sql	2026-12-02 03:59:59.621324
13	sql.0013_check_in.sql	2026-12-02 03:59:59.624512
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at, notify_reminders, notify_workshop_updates, erased_at) FROM stdin;
01a234e8-cb81-7fda-b187-7b7731f75a92	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$KixiV9LBV1K2G+erzBkjJw==$wAqxs0jzn87VjGGVi3T7FbcFMkEBCVSyjs1GTVS8rlsygxQVkDVl/jmgCX42A5ncZ1b7arXp9r/7JOBV59t9vA==	admin	f	2026-12-02 04:00:01.409415+00	2026-12-02 04:00:01.409415+00	t	t	\N
01a234e8-cdc4-75cc-994a-3aecffd82cb6	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$jRr394PGXnUS1DruPIn9ew==$a2z0EtwgOfq2km9DFGw3J/nIaMDofEMyuIMQLqESCfioaGQhsLDDZ3Xj0a4OYFFg+sB5y/wGTSssGv1+xQGcBA==	trainer	f	2026-12-02 04:00:01.988377+00	2026-12-02 04:00:01.988377+00	t	t	\N
01a234e8-cf51-7b61-ac78-b7aa3b2b2ca2	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$JbrLUG85oNGTKY/gGvqKaQ==$Y+LoLJ4UhdDIwI9nFujRTNCtGRxDiF0I3IJPEs6TQN8cT+8niauHdMRGhI2D4qp5IPitwyqRKOlCmWs19sRHQA==	trainer	f	2026-12-02 04:00:02.385578+00	2026-12-02 04:00:02.385578+00	t	t	\N
01a234e8-d06f-7115-b100-eb4d0e792005	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$pvZbwtEh36bxjxen1+WxQg==$HADa4yFQKZ4x/TUIB8NLqDkpxJo/kTqy5/i/hp5z6tVUQ4Q5jXjgEQEo8jjwbSdqshMMgtLsXqxI64/PUeGd4w==	trainer	f	2026-12-02 04:00:02.671539+00	2026-12-02 04:00:02.671539+00	t	t	\N
01a234e8-d1d8-7d66-8fce-b12c927004e9	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$QT3stNiabPFKb96Wqwmguw==$g/vzxlpPx45bAr5MiNaGA5n7Qqzt4dmmO8l9ZO77KeKlmmEEq7Id+vK7u9gjDTsnQfbJ4YWG+aWcyszd26BbDA==	participant	f	2026-12-02 04:00:03.032981+00	2026-12-02 04:00:03.032981+00	t	t	\N
01a234e8-d35d-72c7-8b67-81ab81781d5f	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$Zk9a1QrOac/x5tQiTLRf8Q==$eCNbLKZMTuli2L8Vw6TpBx+rkyxhhXeAnE7K/N3ZtUqVpq7/KqSMXXOfst1CDkx86I00TYkf4cbNynYACB7r4w==	participant	f	2026-12-02 04:00:03.42159+00	2026-12-02 04:00:03.42159+00	t	t	\N
01a234e8-d59d-7f10-9fff-ec6eb876f696	ines.garcia@skillhub.demo	Inès Garcia	pbkdf2-sha512$210000$AlxQqNIe5bH1F2mH9ty3ZA==$/D7GbS06kpHcCUGHezfXSeTpASsIWUYvBXpAgwuXgtBbmI15zG6oOhQ+GWHRTgqwfqfVoty1W+w+xRZRYNq/pg==	participant	f	2026-12-02 04:00:03.997836+00	2026-12-02 04:00:03.997836+00	t	t	\N
01a234e8-d77a-750b-8006-9ce9042856ab	tom.petit@skillhub.demo	Tom Petit	pbkdf2-sha512$210000$XXS9YKO7WXt+T9/tn9Rdmg==$xEkOJ6aflpmbLOoorvw6TQ+cTBeoNBHa95Ky1UqzNnYATHdJuJEAuk7sYh3tYMfvknthP0/lj8iDiRHyjf1S+g==	participant	f	2026-12-02 04:00:04.474441+00	2026-12-02 04:00:04.474441+00	t	t	\N
01a234e8-d933-77fb-9d90-611e87173c77	nora.haddad@skillhub.demo	Nora Haddad	pbkdf2-sha512$210000$oCZS1LCw3pu3bUPLQpfFbA==$/rXiEoBL8IXUtm79d9DMY49rblfO4GNaIu4TD4u/sBe4yYzDHvbkNm0Af+2EH9TDbwCF7YDsjAhckyTU0Cf7vA==	participant	f	2026-12-02 04:00:04.915752+00	2026-12-02 04:00:04.915752+00	t	t	\N
01a234e8-dc16-71cf-b0c0-8a6b806a188a	yanis.roux@skillhub.demo	Yanis Roux	pbkdf2-sha512$210000$tvRUFnsIdHzO0awMhri1cQ==$KsTBXoiTYnM+5v8Zszlu5dZ0BQNYrshDY0xPHfGaT3fgEA9R2WrYpeLW//CmJV/pzo0yy5eZCNZzZXSBsojY/g==	participant	f	2026-12-02 04:00:05.65491+00	2026-12-02 04:00:05.65491+00	t	t	\N
01a234e8-ddc4-7bb8-8ad0-e8a402f614f0	camille.laurent@skillhub.demo	Camille Laurent	pbkdf2-sha512$210000$tFexJCaYARJi/hLNckWBLA==$cL+Fw4zdEe73s3afQmz7RN4IcOu2GRv1AmczFrYkPZLAc2iJXX/a/3/aemgGjFL6VynKiJc9/eUlvBA/cwDGpQ==	participant	f	2026-12-02 04:00:06.084272+00	2026-12-02 04:00:06.084272+00	t	t	\N
01a234e8-ded1-7a80-a61b-e5e7372ddd04	louis.fontaine@skillhub.demo	Louis Fontaine	pbkdf2-sha512$210000$w05pM34ZVdZGRIPGOReuUw==$kHh7SsZIf3h71HloD7mER10Ze5o9VxnLBnjliOagKu7eOScdohO0Ul6Yf0LXdH/E0sc3txm/as4+iXneVtXO/Q==	participant	f	2026-12-02 04:00:06.353014+00	2026-12-02 04:00:06.353014+00	t	t	\N
01a234e8-e070-7dfa-bc2a-827be2f9a6b6	emma.girard@skillhub.demo	Emma Girard	pbkdf2-sha512$210000$qmN7kregTcNen6rh34x1Jw==$dXrAfzkTTHX7RUCFbngm/2tyAuFO2UWTaFFYujDL9bdpFPysQZ0ffLS9EqhWScxm54VK7P56xGXP37wcCA4I1A==	participant	f	2026-12-02 04:00:06.768928+00	2026-12-02 04:00:06.768928+00	t	t	\N
01a234e8-e4f0-7eea-9a63-bd44d69d0404	lucas.bernard@skillhub.demo	Lucas Bernard	pbkdf2-sha512$210000$K/bdxS/Qk52Xcmf05T14YQ==$14W+Ngk3LrfunHl7197RvWNAwoveETMW8yy2iTJORFLGez1tNykd0BuwP83hfMSotEoeYoUVJow2wyK2NbftBQ==	participant	f	2026-12-02 04:00:07.920748+00	2026-12-02 04:00:07.920748+00	t	t	\N
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at, reminders_at, published_at) FROM stdin;
01a234e8-e977-7116-a2b4-f7ef6ba8a193	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a234e8-cf51-7b61-ac78-b7aa3b2b2ca2	2027-12-18 09:00:00+00	2027-12-18 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-12-02 04:00:09.080342+00	2026-12-02 04:00:09.0849+00	2	2026-12-02 04:00:09.080342+00	\N	2026-12-02 04:00:09.0849+00
01a234e8-e980-7629-8eff-e5ee94d32408	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a234e8-cf51-7b61-ac78-b7aa3b2b2ca2	2027-12-26 13:00:00+00	2027-12-26 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-12-02 04:00:09.08936+00	2026-12-02 04:00:09.093556+00	2	2026-12-02 04:00:09.08936+00	\N	2026-12-02 04:00:09.093556+00
01a234e8-e71c-7cd7-818f-ec975745dcaa	Les bases de Python	Variables, boucles, fonctions et un premier script utile, sans prérequis.	01a234e8-cdc4-75cc-994a-3aecffd82cb6	2026-11-11 08:00:00+00	2026-11-11 11:00:00+00	Paris — salle Turing	8	6	published	\N	t	2026-10-21 08:00:00+00	2026-10-21 08:00:00+00	1	2026-12-02 04:00:08.6267+00	\N	2026-12-02 04:00:08.505441+00
01a234e8-e836-7a2f-bda2-06e6d65bc600	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a234e8-cdc4-75cc-994a-3aecffd82cb6	2027-12-05 08:00:00+00	2027-12-05 11:00:00+00	Paris — salle Turing	12	4	published	\N	t	2026-12-02 04:00:08.759658+00	2026-12-02 04:00:08.770745+00	2	2026-12-02 04:00:08.962698+00	\N	2026-12-02 04:00:08.770745+00
01a234e8-e7c7-7714-a871-f57e5f56375d	Écoute active et feedback	Reformuler, questionner, donner un retour utile sans blesser.	01a234e8-cf51-7b61-ac78-b7aa3b2b2ca2	2026-11-18 13:00:00+00	2026-11-18 16:00:00+00	Lyon — espace Lumière	6	5	published	\N	t	2026-10-28 13:00:00+00	2026-10-28 13:00:00+00	1	2026-12-02 04:00:08.677558+00	\N	2026-12-02 04:00:08.653201+00
01a234e8-e906-760e-b619-b53cefb62520	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a234e8-cdc4-75cc-994a-3aecffd82cb6	2027-12-09 13:00:00+00	2027-12-09 16:00:00+00	Paris — salle Turing	15	0	published	\N	f	2026-12-02 04:00:08.967275+00	2026-12-02 04:00:08.972327+00	2	2026-12-02 04:00:08.967275+00	\N	2026-12-02 04:00:08.972327+00
01a234e8-e911-705e-8b24-13608e452cdd	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a234e8-cdc4-75cc-994a-3aecffd82cb6	2027-12-14 09:00:00+00	2027-12-14 11:00:00+00	En ligne	25	0	published	\N	f	2026-12-02 04:00:08.977786+00	2026-12-02 04:00:08.981049+00	2	2026-12-02 04:00:08.977786+00	\N	2026-12-02 04:00:08.981049+00
01a234e8-e7eb-7c97-8c11-50e19747331e	Canva pour les réseaux sociaux	Gabarits, charte graphique et formats pour publier des visuels soignés.	01a234e8-d06f-7115-b100-eb4d0e792005	2026-11-25 09:00:00+00	2026-11-25 11:00:00+00	En ligne	10	6	published	\N	t	2026-11-04 09:00:00+00	2026-11-04 09:00:00+00	1	2026-12-02 04:00:08.732186+00	\N	2026-12-02 04:00:08.686904+00
01a234e8-e918-7ddb-9c6b-5aeb094aec20	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a234e8-cdc4-75cc-994a-3aecffd82cb6	2027-12-21 08:00:00+00	2027-12-21 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-12-02 04:00:08.985324+00	2026-12-02 04:00:08.989396+00	2	2026-12-02 04:00:08.985324+00	\N	2026-12-02 04:00:08.989396+00
01a234e8-e81d-730a-9ef1-ab1b465115fd	Markdown et documentation	README, docs de projet et diagrammes en texte : documenter sans effort.	01a234e8-cdc4-75cc-994a-3aecffd82cb6	2026-11-30 14:00:00+00	2026-11-30 16:00:00+00	En ligne	5	3	published	\N	t	2026-11-09 14:00:00+00	2026-11-09 14:00:00+00	1	2026-12-02 04:00:08.752125+00	\N	2026-12-02 04:00:08.736636+00
01a234e8-e988-70dd-bd3e-ead5736f9e17	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a234e8-d06f-7115-b100-eb4d0e792005	2027-12-07 15:00:00+00	2027-12-07 17:00:00+00	Bordeaux — Darwin	10	3	published	\N	t	2026-12-02 04:00:09.09747+00	2026-12-02 04:00:09.100008+00	2	2026-12-02 04:00:09.114016+00	\N	2026-12-02 04:00:09.100008+00
01a234e8-e920-758f-b566-178beb0ed02f	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a234e8-cf51-7b61-ac78-b7aa3b2b2ca2	2027-12-06 14:00:00+00	2027-12-06 16:00:00+00	Lyon — espace Lumière	3	3	published	\N	t	2026-12-02 04:00:08.993491+00	2026-12-02 04:00:08.995567+00	2	2026-12-02 04:00:09.013341+00	\N	2026-12-02 04:00:08.995567+00
01a234e8-e971-7b81-9a6c-eb7abd64986e	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a234e8-cf51-7b61-ac78-b7aa3b2b2ca2	2027-12-11 07:00:00+00	2027-12-11 09:00:00+00	En ligne	30	0	published	\N	f	2026-12-02 04:00:09.074248+00	2026-12-02 04:00:09.077367+00	2	2026-12-02 04:00:09.074248+00	\N	2026-12-02 04:00:09.077367+00
01a234e8-e99e-71bc-a03b-26e238b8e0d2	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a234e8-d06f-7115-b100-eb4d0e792005	2027-12-12 08:00:00+00	2027-12-12 10:00:00+00	En ligne	40	0	published	\N	f	2026-12-02 04:00:09.118547+00	2026-12-02 04:00:09.120648+00	2	2026-12-02 04:00:09.118547+00	\N	2026-12-02 04:00:09.120648+00
01a234e8-e9a3-7d9c-a21b-4f6ecbdd644e	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a234e8-d06f-7115-b100-eb4d0e792005	2027-12-19 12:00:00+00	2027-12-19 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-12-02 04:00:09.12345+00	2026-12-02 04:00:09.128307+00	2	2026-12-02 04:00:09.12345+00	\N	2026-12-02 04:00:09.128307+00
01a234e8-e9ac-7322-aca7-d4a465e9f96e	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a234e8-d06f-7115-b100-eb4d0e792005	2027-12-28 08:00:00+00	2027-12-28 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-12-02 04:00:09.133526+00	2026-12-02 04:00:09.13702+00	2	2026-12-02 04:00:09.133526+00	\N	2026-12-02 04:00:09.13702+00
01a234e8-e9b3-79b8-9d9c-2c98faa5cd03	Podcast : enregistrer et monter	Micro, prise de son, montage et publication d'un premier épisode.	01a234e8-d06f-7115-b100-eb4d0e792005	2028-01-04 09:00:00+00	2028-01-04 12:00:00+00	Bordeaux — Darwin	8	0	draft	\N	f	2026-12-02 04:00:09.139709+00	2026-12-02 04:00:09.139709+00	1	2026-12-02 04:00:09.139709+00	\N	\N
01a234e8-e9bb-787e-bb89-3147e42e514f	Improvisation théâtrale	Lâcher prise, écouter ses partenaires et rebondir : l'impro au service de l'oral.	01a234e8-cf51-7b61-ac78-b7aa3b2b2ca2	2027-12-10 16:00:00+00	2027-12-10 18:00:00+00	Nantes — La Cantine	10	0	cancelled	Le formateur est souffrant ; une nouvelle date sera proposée en janvier.	t	2026-12-02 04:00:09.14797+00	2026-12-02 04:00:09.172123+00	3	2026-12-02 04:00:09.172123+00	\N	2026-12-02 04:00:09.152416+00
\.
COPY sessions (id, user_id, created_at, ended_at) FROM stdin;
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
COPY notifications (id, message_key, event, user_id, workshop_id, registration_id, data, status, attempts, last_error, recipient, subject, next_attempt_at, created_at, sent_at) FROM stdin;
01a234e8-e857-7d68-ba64-35beb5e8d9f6	registration.confirmed:01a234e8-e848-7c1a-a4c8-7ff8c7877ccd:0	registration.confirmed	01a234e8-d1d8-7d66-8fce-b12c927004e9	01a234e8-e836-7a2f-bda2-06e6d65bc600	01a234e8-e848-7c1a-a4c8-7ff8c7877ccd	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-02 04:00:08.789352+00	2026-12-02 04:00:08.789352+00	\N
01a234e8-e8c2-784c-a3ef-e52944ed5173	registration.confirmed:01a234e8-e8c1-73c9-9e2e-92b443c8dae1:0	registration.confirmed	01a234e8-d35d-72c7-8b67-81ab81781d5f	01a234e8-e836-7a2f-bda2-06e6d65bc600	01a234e8-e8c1-73c9-9e2e-92b443c8dae1	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-02 04:00:08.898274+00	2026-12-02 04:00:08.898274+00	\N
01a234e8-e8c9-7a7f-b70d-2dc1ac84ef9a	registration.confirmed:01a234e8-e8c9-7adb-acbc-d696bf239c46:0	registration.confirmed	01a234e8-d59d-7f10-9fff-ec6eb876f696	01a234e8-e836-7a2f-bda2-06e6d65bc600	01a234e8-e8c9-7adb-acbc-d696bf239c46	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-02 04:00:08.905987+00	2026-12-02 04:00:08.905987+00	\N
01a234e8-e8d4-7312-81e1-bed0ebcba903	registration.confirmed:01a234e8-e8d4-7545-a301-93adc761f44a:0	registration.confirmed	01a234e8-d77a-750b-8006-9ce9042856ab	01a234e8-e836-7a2f-bda2-06e6d65bc600	01a234e8-e8d4-7545-a301-93adc761f44a	{"entry": 0}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-02 04:00:08.916963+00	2026-12-02 04:00:08.916963+00	\N
01a234e8-e8d8-78b0-9564-c606a4e62c12	registration.confirmed:01a234e8-e8d8-70c4-a050-0003552d35fc:0	registration.confirmed	01a234e8-d933-77fb-9d90-611e87173c77	01a234e8-e836-7a2f-bda2-06e6d65bc600	01a234e8-e8d8-70c4-a050-0003552d35fc	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-02 04:00:08.920963+00	2026-12-02 04:00:08.920963+00	\N
01a234e8-e8e7-774f-8b4e-a4a05f5ceff2	registration.cancelled:01a234e8-e8d4-7545-a301-93adc761f44a:1	registration.cancelled	01a234e8-d77a-750b-8006-9ce9042856ab	01a234e8-e836-7a2f-bda2-06e6d65bc600	01a234e8-e8d4-7545-a301-93adc761f44a	{"entry": 1}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-02 04:00:08.935122+00	2026-12-02 04:00:08.935122+00	\N
01a234e8-e8fc-706c-9a19-0b82a40e514c	registration.confirmed:01a234e8-e8d4-7545-a301-93adc761f44a:2	registration.confirmed	01a234e8-d77a-750b-8006-9ce9042856ab	01a234e8-e836-7a2f-bda2-06e6d65bc600	01a234e8-e8d4-7545-a301-93adc761f44a	{"entry": 2}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-02 04:00:08.956972+00	2026-12-02 04:00:08.956972+00	\N
01a234e8-e900-7867-af6e-09de2a29ceb9	registration.cancelled:01a234e8-e8d4-7545-a301-93adc761f44a:3	registration.cancelled	01a234e8-d77a-750b-8006-9ce9042856ab	01a234e8-e836-7a2f-bda2-06e6d65bc600	01a234e8-e8d4-7545-a301-93adc761f44a	{"entry": 3}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-02 04:00:08.960981+00	2026-12-02 04:00:08.960981+00	\N
01a234e8-e92c-7758-999c-a35d6f353ae1	registration.confirmed:01a234e8-e92b-70b9-a8ed-c9ddee8ecb81:0	registration.confirmed	01a234e8-d1d8-7d66-8fce-b12c927004e9	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e92b-70b9-a8ed-c9ddee8ecb81	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-02 04:00:09.004012+00	2026-12-02 04:00:09.004012+00	\N
01a234e8-e933-7788-9b0e-d776d73ee8a3	registration.confirmed:01a234e8-e932-7b3b-bdef-077967316f1c:0	registration.confirmed	01a234e8-d35d-72c7-8b67-81ab81781d5f	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e932-7b3b-bdef-077967316f1c	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-02 04:00:09.010994+00	2026-12-02 04:00:09.010994+00	\N
01a234e8-e938-776a-84db-151f752ec3c0	registration.confirmed:01a234e8-e938-7ea4-8bf2-df879073a0d8:0	registration.confirmed	01a234e8-ddc4-7bb8-8ad0-e8a402f614f0	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e938-7ea4-8bf2-df879073a0d8	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-02 04:00:09.016699+00	2026-12-02 04:00:09.016699+00	\N
01a234e8-e93c-7a24-a65f-a76a23f61943	registration.waitlisted:01a234e8-e93c-7e3e-aca5-b0d409e47d70:0	registration.waitlisted	01a234e8-ded1-7a80-a61b-e5e7372ddd04	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e93c-7e3e-aca5-b0d409e47d70	{"entry": 0}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-02 04:00:09.020585+00	2026-12-02 04:00:09.020585+00	\N
01a234e8-e941-7968-bed6-3edeb09e1a3d	registration.waitlisted:01a234e8-e941-76d6-9559-397b4074ddfd:0	registration.waitlisted	01a234e8-e070-7dfa-bc2a-827be2f9a6b6	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e941-76d6-9559-397b4074ddfd	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-02 04:00:09.02516+00	2026-12-02 04:00:09.02516+00	\N
01a234e8-e943-772a-a8ab-9f517a9e4110	registration.waitlisted:01a234e8-e943-79f8-9e94-bfaf141820dd:0	registration.waitlisted	01a234e8-d77a-750b-8006-9ce9042856ab	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e943-79f8-9e94-bfaf141820dd	{"entry": 0}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-02 04:00:09.027768+00	2026-12-02 04:00:09.027768+00	\N
01a234e8-e946-7ac6-ae39-baecf4e4d93b	registration.waitlisted:01a234e8-e946-7d7e-8e77-6ff92c5f52cb:0	registration.waitlisted	01a234e8-d933-77fb-9d90-611e87173c77	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e946-7d7e-8e77-6ff92c5f52cb	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-02 04:00:09.030324+00	2026-12-02 04:00:09.030324+00	\N
01a234e8-e948-7aec-9520-4dd8decf97bd	registration.cancelled:01a234e8-e932-7b3b-bdef-077967316f1c:1	registration.cancelled	01a234e8-d35d-72c7-8b67-81ab81781d5f	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e932-7b3b-bdef-077967316f1c	{"entry": 1}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-02 04:00:09.032665+00	2026-12-02 04:00:09.032665+00	\N
01a234e8-e94d-7136-8edb-03174df2ca0d	registration.promoted:01a234e8-e93c-7e3e-aca5-b0d409e47d70:1	registration.promoted	01a234e8-ded1-7a80-a61b-e5e7372ddd04	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e93c-7e3e-aca5-b0d409e47d70	{"entry": 1}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-02 04:00:09.037309+00	2026-12-02 04:00:09.037309+00	\N
01a234e8-e962-726d-b62c-1532c1423515	registration.cancelled:01a234e8-e938-7ea4-8bf2-df879073a0d8:1	registration.cancelled	01a234e8-ddc4-7bb8-8ad0-e8a402f614f0	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e938-7ea4-8bf2-df879073a0d8	{"entry": 1}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-02 04:00:09.058155+00	2026-12-02 04:00:09.058155+00	\N
01a234e8-e963-7777-94d0-55609ce430d3	registration.promoted:01a234e8-e941-76d6-9559-397b4074ddfd:1	registration.promoted	01a234e8-e070-7dfa-bc2a-827be2f9a6b6	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e941-76d6-9559-397b4074ddfd	{"entry": 1}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-02 04:00:09.059392+00	2026-12-02 04:00:09.059392+00	\N
01a234e8-e969-78fc-9940-76e371f09f5d	registration.waitlisted:01a234e8-e932-7b3b-bdef-077967316f1c:2	registration.waitlisted	01a234e8-d35d-72c7-8b67-81ab81781d5f	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e932-7b3b-bdef-077967316f1c	{"entry": 2}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-02 04:00:09.065591+00	2026-12-02 04:00:09.065591+00	\N
01a234e8-e96c-7e2b-b82a-2dab48ee392c	registration.cancelled:01a234e8-e932-7b3b-bdef-077967316f1c:3	registration.cancelled	01a234e8-d35d-72c7-8b67-81ab81781d5f	01a234e8-e920-758f-b566-178beb0ed02f	01a234e8-e932-7b3b-bdef-077967316f1c	{"entry": 3}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-02 04:00:09.06801+00	2026-12-02 04:00:09.06801+00	\N
01a234e8-e992-7962-99ce-23476f0d1588	registration.confirmed:01a234e8-e992-7cd0-8a64-39be33ccb22a:0	registration.confirmed	01a234e8-dc16-71cf-b0c0-8a6b806a188a	01a234e8-e988-70dd-bd3e-ead5736f9e17	01a234e8-e992-7cd0-8a64-39be33ccb22a	{"entry": 0}	pending	0	\N	yanis.roux@skillhub.demo	\N	2026-12-02 04:00:09.106496+00	2026-12-02 04:00:09.106496+00	\N
01a234e8-e997-79c3-a065-14b45c1c4425	registration.confirmed:01a234e8-e997-72bc-a545-36269fcaf466:0	registration.confirmed	01a234e8-d933-77fb-9d90-611e87173c77	01a234e8-e988-70dd-bd3e-ead5736f9e17	01a234e8-e997-72bc-a545-36269fcaf466	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-02 04:00:09.11196+00	2026-12-02 04:00:09.11196+00	\N
01a234e8-e99c-74ac-8ec8-4c89ebb12a3b	registration.confirmed:01a234e8-e99c-7edf-859e-3b6e354a3e62:0	registration.confirmed	01a234e8-e070-7dfa-bc2a-827be2f9a6b6	01a234e8-e988-70dd-bd3e-ead5736f9e17	01a234e8-e99c-7edf-859e-3b6e354a3e62	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-02 04:00:09.116715+00	2026-12-02 04:00:09.116715+00	\N
01a234e8-e9c6-732f-8285-5314c1ceef99	registration.confirmed:01a234e8-e9c6-739a-b4e7-aff0321ec8fc:0	registration.confirmed	01a234e8-d1d8-7d66-8fce-b12c927004e9	01a234e8-e9bb-787e-bb89-3147e42e514f	01a234e8-e9c6-739a-b4e7-aff0321ec8fc	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-02 04:00:09.158734+00	2026-12-02 04:00:09.158734+00	\N
01a234e8-e9c9-7b5e-9910-3afcfeab2b63	registration.confirmed:01a234e8-e9c9-7b77-83cf-cff6af7a8545:0	registration.confirmed	01a234e8-ddc4-7bb8-8ad0-e8a402f614f0	01a234e8-e9bb-787e-bb89-3147e42e514f	01a234e8-e9c9-7b77-83cf-cff6af7a8545	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-02 04:00:09.161821+00	2026-12-02 04:00:09.161821+00	\N
01a234e8-e9cf-78a2-960c-996bc426a3ac	registration.confirmed:01a234e8-e9cf-7de8-8bf8-11067252358d:0	registration.confirmed	01a234e8-d59d-7f10-9fff-ec6eb876f696	01a234e8-e9bb-787e-bb89-3147e42e514f	01a234e8-e9cf-7de8-8bf8-11067252358d	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-02 04:00:09.167468+00	2026-12-02 04:00:09.167468+00	\N
\.
COPY workshop_changes (workshop_id, version, event, previous, created_at, expanded_at) FROM stdin;
01a234e8-e9bb-787e-bb89-3147e42e514f	3	workshop.cancelled	{"endsAt": "2027-12-10T18:00:00+00:00", "location": "Nantes — La Cantine", "startsAt": "2027-12-10T16:00:00+00:00"}	2026-12-02 04:00:09.172123+00	\N
\.
COPY password_resets (id, user_id, created_at, expires_at, used_at) FROM stdin;
\.
COPY calendar_feeds (user_id, token_hash, created_at) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 40, true);
COMMIT;
