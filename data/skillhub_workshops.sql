-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+3b0499881a54907344bdf59e86403c3ed9a69b5e
-- Schema version: sql.0012_account_erasure.sql
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
CREATE TABLE schema_versions (
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schema_versions_Id" PRIMARY KEY (schemaversionsid)
);
-- skillhub:schema:end
COPY schema_versions (schemaversionsid, scriptname, applied) FROM stdin;
1	sql.0001_users.sql	2026-12-01 22:12:53.81497
2	sql.0002_refresh_tokens.sql	2026-12-01 22:12:53.885084
3	sql.0003_login_throttle.sql	2026-12-01 22:12:53.920728
4	sql.0004_workshops.sql	2026-12-01 22:12:53.973774
5	sql.0005_registration_seats.sql	2026-12-01 22:12:53.987741
6	sql.0006_request_seat_no_idle_write.sql	2026-12-01 22:12:53.994249
7	sql.0007_sessions.sql	2026-12-01 22:12:54.023478
8	sql.0008_throttle_reservations.sql	2026-12-01 22:12:54.030298
9	sql.0009_request_seat_takes_the_time.sql	2026-12-01 22:12:54.033976
10	sql.0010_notifications.sql	2026-12-01 22:12:54.115466
11	sql.0011_calendar_feeds.sql	2026-12-01 22:12:54.157275
12	sql.0012_account_erasure.sql	2026-12-01 22:12:54.163516
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at, notify_reminders, notify_workshop_updates, erased_at) FROM stdin;
01a233ab-0221-7ab3-ab3a-7c8459bed4db	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$nXnPprFmERRtZumykc6K1w==$NI+shlC1qX0Ugl+gobSXv1w18r52kiXPRWhVxaQY1BB5TrtC1DuxVJEltph/BCNeMJ2WSyBAu0pKYRGoNTP+Nw==	admin	f	2026-12-01 22:12:54.945343+00	2026-12-01 22:12:54.945343+00	t	t	\N
01a233ab-03eb-74b3-ab1c-bf56ee7628f3	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$cTwBYZIUaU8f2kdEdRrxGw==$Zod3dKzZw+3Yxf1EYdzRm8/0g7bIUntS+Ik7WDG2uTY6ZzOGpPprDnTtYl0GuUZ0Y4eKUVLEK7A43kNWyV7ThA==	trainer	f	2026-12-01 22:12:55.403883+00	2026-12-01 22:12:55.403883+00	t	t	\N
01a233ab-05a5-78eb-908c-ac05327454a6	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$lhmY9dmYMrqg96Mb1EFIcg==$7iyZaAF7SezFS289yPHXcjIfHzf+IxMswrofzGyn1ip7QMk9YQfJKyw/9H76WSVcUJlQECnxgPJIDoTL3p6I9w==	trainer	f	2026-12-01 22:12:55.845153+00	2026-12-01 22:12:55.845153+00	t	t	\N
01a233ab-06f7-7aa8-a037-98e71319efaa	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$TWZ3SAGYjv6A89YeKKwP7Q==$h1jx8aHJ7y1ghmHlqCxjynsxKDMwc+RK0v/b5+rkfPAc7bjSygUYdqUCD/jw4dyi9evwmePq7CGbuIodyCFk4Q==	trainer	f	2026-12-01 22:12:56.183645+00	2026-12-01 22:12:56.183645+00	t	t	\N
01a233ab-09a0-7526-87d5-bb8ef446419b	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$63L1T9A00o0Lt/0HocSMCg==$QYY1o92YE0tllYwJPQfxaMJ0js21btkWjIxWjPuAGFQSzaZt92VLY8xiEkjMod33Nggzijn441j9Mkpp2LoDOw==	participant	f	2026-12-01 22:12:56.864836+00	2026-12-01 22:12:56.864836+00	t	t	\N
01a233ab-0ae0-77cd-a3c0-a00c2c94a00c	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$KCYtWkKGnn/b4PQ6pZVtAQ==$scloCoV557YxsQDHIi6IZkJ499/U3+Qz+lNJRck7rS8peQOKHfnocEvRgZRyMEmuYci+TGwOLj9Isht/XDsbww==	participant	f	2026-12-01 22:12:57.184082+00	2026-12-01 22:12:57.184082+00	t	t	\N
01a233ab-0c08-7556-bef3-9de3d5124d9b	ines.garcia@skillhub.demo	Inès Garcia	pbkdf2-sha512$210000$4fXb8aLqoP5XoC/KmcyeTw==$PmrPrts7gcSfu1Ilzr5loxcFspxCYKiXfAGz5TtBuho81ZX218GO6xD4YZFYjK6oBElmFZbH/eCQMnkV+IX9Kg==	participant	f	2026-12-01 22:12:57.480601+00	2026-12-01 22:12:57.480601+00	t	t	\N
01a233ab-0db0-764e-808a-faf3c2f53d8e	tom.petit@skillhub.demo	Tom Petit	pbkdf2-sha512$210000$FB8ioOZfbRaz/to3gwdxEg==$NI6LJ5iG2vmTq/h3NLyb5nhCXx+BmOSD3Lxm12F6PknbWFXmkIsagUvfM+2U2T4qQEgGtOVc/zpcQ0BIsd35Kg==	participant	f	2026-12-01 22:12:57.904223+00	2026-12-01 22:12:57.904223+00	t	t	\N
01a233ab-0ee1-7adb-a031-185416da6d27	nora.haddad@skillhub.demo	Nora Haddad	pbkdf2-sha512$210000$HV/HLCcu/8XwjKxep8PijA==$ruFWNX6etGqvhIcpPNaX8GxBK7NecCwSMIlItnzcim0agJvCrXi8Xb8H1RY3/zbcPdI8QkC65VX+lfVl7jtQfg==	participant	f	2026-12-01 22:12:58.209659+00	2026-12-01 22:12:58.209659+00	t	t	\N
01a233ab-1058-7580-83c9-4e863793529d	yanis.roux@skillhub.demo	Yanis Roux	pbkdf2-sha512$210000$5z8E3079KIASs9n13T+Hvg==$5KoMQyW4NcXRvrikii8DXd+4Y7O5k77tuvoXODlNAzbT1corW+FffxFIQQgpt/zsHj754SCMIvMZGo7JCIxnig==	participant	f	2026-12-01 22:12:58.584404+00	2026-12-01 22:12:58.584404+00	t	t	\N
01a233ab-1154-7d29-92f8-8e7364440494	camille.laurent@skillhub.demo	Camille Laurent	pbkdf2-sha512$210000$HvRQeblirzJQDX7DzQ+dhA==$kuWcONxuGr3mCR7U4iNRp2qsIgkoIZfdJbUYo3rif0ehv6i+v1OQl+9Ypdgh4KqlUtrqFCPbbHgxby266jGIAw==	participant	f	2026-12-01 22:12:58.836917+00	2026-12-01 22:12:58.836917+00	t	t	\N
01a233ab-122a-7607-8c7c-be7b915106a8	louis.fontaine@skillhub.demo	Louis Fontaine	pbkdf2-sha512$210000$G+cmmrn6S4AgvMDBk4nFOQ==$lmAl2ExRBKBQ9y81u8On9GQuZXE5kIAWVpnDktr3MUU4OHtIv377mXwW5s3XNOxfsbYT0CyJwteEDqHog1fLwQ==	participant	f	2026-12-01 22:12:59.050384+00	2026-12-01 22:12:59.050384+00	t	t	\N
01a233ab-13c9-7da9-8c33-d1f6fbf466dd	emma.girard@skillhub.demo	Emma Girard	pbkdf2-sha512$210000$LBPR4+CAVHhlMwLAYmtF9g==$+7ZdAG0j16Zr7WpJCCbEXIxQyvYow9ezuERyaTKsMUXyr0RB+hJLp8zjItE+6QLWvO6QuU4u0ksmlULJI3w/rg==	participant	f	2026-12-01 22:12:59.465978+00	2026-12-01 22:12:59.465978+00	t	t	\N
01a233ab-157b-770b-a804-b03d34fb52b6	lucas.bernard@skillhub.demo	Lucas Bernard	pbkdf2-sha512$210000$YyfSUQhjdQoj3S/G30FOLQ==$JMunx+SHAuS0w2JLm6iAkrPCSelJcNhK7S3ICYG/GUZDE4jGP/Tl3ctTUzXXiSsAgjsb+W9ELs6UH2CQf7HF1w==	participant	f	2026-12-01 22:12:59.899773+00	2026-12-01 22:12:59.899773+00	t	t	\N
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at, reminders_at, published_at) FROM stdin;
01a233ab-18de-7980-8955-0e13ee02e063	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a233ab-05a5-78eb-908c-ac05327454a6	2026-12-25 13:00:00+00	2026-12-25 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-12-01 22:13:00.766324+00	2026-12-01 22:13:00.768069+00	2	2026-12-01 22:13:00.766324+00	\N	2026-12-01 22:13:00.768069+00
01a233ab-172a-7c1f-bc08-209840d79ef0	Les bases de Python	Variables, boucles, fonctions et un premier script utile, sans prérequis.	01a233ab-03eb-74b3-ab1c-bf56ee7628f3	2026-11-10 08:00:00+00	2026-11-10 11:00:00+00	Paris — salle Turing	8	6	published	\N	t	2026-10-20 08:00:00+00	2026-10-20 08:00:00+00	1	2026-12-01 22:13:00.453099+00	\N	2026-12-01 22:13:00.354301+00
01a233ab-17f5-72f7-97cd-309d40b695ea	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a233ab-03eb-74b3-ab1c-bf56ee7628f3	2026-12-04 08:00:00+00	2026-12-04 11:00:00+00	Paris — salle Turing	12	4	published	\N	t	2026-12-01 22:13:00.535097+00	2026-12-01 22:13:00.544222+00	2	2026-12-01 22:13:00.685732+00	\N	2026-12-01 22:13:00.544222+00
01a233ab-1893-70ac-a9a6-413044b826c3	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a233ab-03eb-74b3-ab1c-bf56ee7628f3	2026-12-08 13:00:00+00	2026-12-08 16:00:00+00	Paris — salle Turing	15	0	published	\N	f	2026-12-01 22:13:00.692399+00	2026-12-01 22:13:00.69534+00	2	2026-12-01 22:13:00.692399+00	\N	2026-12-01 22:13:00.69534+00
01a233ab-17a7-7d18-826b-fb66ab906e27	Écoute active et feedback	Reformuler, questionner, donner un retour utile sans blesser.	01a233ab-05a5-78eb-908c-ac05327454a6	2026-11-17 13:00:00+00	2026-11-17 16:00:00+00	Lyon — espace Lumière	6	5	published	\N	t	2026-10-27 13:00:00+00	2026-10-27 13:00:00+00	1	2026-12-01 22:13:00.475213+00	\N	2026-12-01 22:13:00.458023+00
01a233ab-189a-7c55-8851-37d9e1a78711	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a233ab-03eb-74b3-ab1c-bf56ee7628f3	2026-12-13 09:00:00+00	2026-12-13 11:00:00+00	En ligne	25	0	published	\N	f	2026-12-01 22:13:00.698462+00	2026-12-01 22:13:00.700125+00	2	2026-12-01 22:13:00.698462+00	\N	2026-12-01 22:13:00.700125+00
01a233ab-189d-75c5-a7b3-982ec89a165a	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a233ab-03eb-74b3-ab1c-bf56ee7628f3	2026-12-20 08:00:00+00	2026-12-20 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-12-01 22:13:00.701758+00	2026-12-01 22:13:00.703029+00	2	2026-12-01 22:13:00.701758+00	\N	2026-12-01 22:13:00.703029+00
01a233ab-17be-7f84-af61-52d63e5e5901	Canva pour les réseaux sociaux	Gabarits, charte graphique et formats pour publier des visuels soignés.	01a233ab-06f7-7aa8-a037-98e71319efaa	2026-11-24 09:00:00+00	2026-11-24 11:00:00+00	En ligne	10	6	published	\N	t	2026-11-03 09:00:00+00	2026-11-03 09:00:00+00	1	2026-12-01 22:13:00.494818+00	\N	2026-12-01 22:13:00.479919+00
01a233ab-18e1-72aa-97ca-6ff4150346fc	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a233ab-06f7-7aa8-a037-98e71319efaa	2026-12-06 15:00:00+00	2026-12-06 17:00:00+00	Bordeaux — Darwin	10	3	published	\N	t	2026-12-01 22:13:00.769663+00	2026-12-01 22:13:00.770965+00	2	2026-12-01 22:13:00.777+00	\N	2026-12-01 22:13:00.770965+00
01a233ab-17cf-7c20-bbda-0911fad6a659	Markdown et documentation	README, docs de projet et diagrammes en texte : documenter sans effort.	01a233ab-03eb-74b3-ab1c-bf56ee7628f3	2026-11-29 14:00:00+00	2026-11-29 16:00:00+00	En ligne	5	3	published	\N	t	2026-11-08 14:00:00+00	2026-11-08 14:00:00+00	1	2026-12-01 22:13:00.525124+00	\N	2026-12-01 22:13:00.498776+00
01a233ab-18a0-7c58-a550-57441dd288b7	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a233ab-05a5-78eb-908c-ac05327454a6	2026-12-05 14:00:00+00	2026-12-05 16:00:00+00	Lyon — espace Lumière	3	3	published	\N	t	2026-12-01 22:13:00.704404+00	2026-12-01 22:13:00.70564+00	2	2026-12-01 22:13:00.713093+00	\N	2026-12-01 22:13:00.70564+00
01a233ab-18cd-7bf1-acfa-34a384b2ef14	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a233ab-05a5-78eb-908c-ac05327454a6	2026-12-10 07:00:00+00	2026-12-10 09:00:00+00	En ligne	30	0	published	\N	f	2026-12-01 22:13:00.750678+00	2026-12-01 22:13:00.754399+00	2	2026-12-01 22:13:00.750678+00	\N	2026-12-01 22:13:00.754399+00
01a233ab-18d8-7e04-8833-13a4509164c0	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a233ab-05a5-78eb-908c-ac05327454a6	2026-12-17 09:00:00+00	2026-12-17 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-12-01 22:13:00.761428+00	2026-12-01 22:13:00.76392+00	2	2026-12-01 22:13:00.761428+00	\N	2026-12-01 22:13:00.76392+00
01a233ab-18ea-79b8-88dd-0e2648a11ecf	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a233ab-06f7-7aa8-a037-98e71319efaa	2026-12-11 08:00:00+00	2026-12-11 10:00:00+00	En ligne	40	0	published	\N	f	2026-12-01 22:13:00.778812+00	2026-12-01 22:13:00.780105+00	2	2026-12-01 22:13:00.778812+00	\N	2026-12-01 22:13:00.780105+00
01a233ab-18ed-7473-a417-aa9e8392c37c	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a233ab-06f7-7aa8-a037-98e71319efaa	2026-12-18 12:00:00+00	2026-12-18 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-12-01 22:13:00.781221+00	2026-12-01 22:13:00.782313+00	2	2026-12-01 22:13:00.781221+00	\N	2026-12-01 22:13:00.782313+00
01a233ab-18ef-75de-a3b5-3f5e2d17438e	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a233ab-06f7-7aa8-a037-98e71319efaa	2026-12-27 08:00:00+00	2026-12-27 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-12-01 22:13:00.783417+00	2026-12-01 22:13:00.784309+00	2	2026-12-01 22:13:00.783417+00	\N	2026-12-01 22:13:00.784309+00
01a233ab-18f4-77d5-ba6f-7bee3b886745	Improvisation théâtrale	Lâcher prise, écouter ses partenaires et rebondir : l'impro au service de l'oral.	01a233ab-05a5-78eb-908c-ac05327454a6	2026-12-09 16:00:00+00	2026-12-09 18:00:00+00	Nantes — La Cantine	10	0	cancelled	Le formateur est souffrant ; une nouvelle date sera proposée en janvier.	t	2026-12-01 22:13:00.789213+00	2026-12-01 22:13:00.819072+00	3	2026-12-01 22:13:00.819072+00	\N	2026-12-01 22:13:00.792734+00
\.
COPY sessions (id, user_id, created_at, ended_at) FROM stdin;
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
COPY notifications (id, message_key, event, user_id, workshop_id, registration_id, data, status, attempts, last_error, recipient, subject, next_attempt_at, created_at, sent_at) FROM stdin;
01a233ab-181a-73f1-930e-073e04276220	registration.confirmed:01a233ab-180b-75e2-ab51-e3c56575f0f1:0	registration.confirmed	01a233ab-09a0-7526-87d5-bb8ef446419b	01a233ab-17f5-72f7-97cd-309d40b695ea	01a233ab-180b-75e2-ab51-e3c56575f0f1	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:13:00.568332+00	2026-12-01 22:13:00.568332+00	\N
01a233ab-1874-7f5f-90c8-d49fc2b9404a	registration.confirmed:01a233ab-1874-7823-905d-b5446e98671c:0	registration.confirmed	01a233ab-0ae0-77cd-a3c0-a00c2c94a00c	01a233ab-17f5-72f7-97cd-309d40b695ea	01a233ab-1874-7823-905d-b5446e98671c	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:13:00.660584+00	2026-12-01 22:13:00.660584+00	\N
01a233ab-1877-7f5c-bf4b-5497e59ab289	registration.confirmed:01a233ab-1877-75c4-8370-95fbb1b6aae2:0	registration.confirmed	01a233ab-0c08-7556-bef3-9de3d5124d9b	01a233ab-17f5-72f7-97cd-309d40b695ea	01a233ab-1877-75c4-8370-95fbb1b6aae2	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-01 22:13:00.663393+00	2026-12-01 22:13:00.663393+00	\N
01a233ab-1879-7582-a305-f539430129c1	registration.confirmed:01a233ab-1879-7278-ada7-62dfcb5a8870:0	registration.confirmed	01a233ab-0db0-764e-808a-faf3c2f53d8e	01a233ab-17f5-72f7-97cd-309d40b695ea	01a233ab-1879-7278-ada7-62dfcb5a8870	{"entry": 0}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-01 22:13:00.665621+00	2026-12-01 22:13:00.665621+00	\N
01a233ab-187b-7286-b34c-a2346b53688f	registration.confirmed:01a233ab-187b-7bcb-989d-23b0ce10ee81:0	registration.confirmed	01a233ab-0ee1-7adb-a031-185416da6d27	01a233ab-17f5-72f7-97cd-309d40b695ea	01a233ab-187b-7bcb-989d-23b0ce10ee81	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-01 22:13:00.667654+00	2026-12-01 22:13:00.667654+00	\N
01a233ab-1887-7455-a763-b505130461d8	registration.cancelled:01a233ab-1879-7278-ada7-62dfcb5a8870:1	registration.cancelled	01a233ab-0db0-764e-808a-faf3c2f53d8e	01a233ab-17f5-72f7-97cd-309d40b695ea	01a233ab-1879-7278-ada7-62dfcb5a8870	{"entry": 1}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-01 22:13:00.679074+00	2026-12-01 22:13:00.679074+00	\N
01a233ab-18a3-7c85-a35b-23c69ff1f578	registration.confirmed:01a233ab-18a3-78b0-a806-15eb81e9d01d:0	registration.confirmed	01a233ab-09a0-7526-87d5-bb8ef446419b	01a233ab-18a0-7c58-a550-57441dd288b7	01a233ab-18a3-78b0-a806-15eb81e9d01d	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:13:00.707715+00	2026-12-01 22:13:00.707715+00	\N
01a233ab-18a7-77fd-8210-02b53156ab92	registration.confirmed:01a233ab-18a7-73fa-bc30-377d7c2848a4:0	registration.confirmed	01a233ab-0ae0-77cd-a3c0-a00c2c94a00c	01a233ab-18a0-7c58-a550-57441dd288b7	01a233ab-18a7-73fa-bc30-377d7c2848a4	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:13:00.711517+00	2026-12-01 22:13:00.711517+00	\N
01a233ab-18aa-70ed-bc4e-6c221a9b45d7	registration.confirmed:01a233ab-18a9-7d98-8977-48ec075b182b:0	registration.confirmed	01a233ab-1154-7d29-92f8-8e7364440494	01a233ab-18a0-7c58-a550-57441dd288b7	01a233ab-18a9-7d98-8977-48ec075b182b	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-01 22:13:00.714112+00	2026-12-01 22:13:00.714112+00	\N
01a233ab-18ac-74bb-95c0-ec22399a0a59	registration.waitlisted:01a233ab-18ac-71a5-a1ca-244f636684f7:0	registration.waitlisted	01a233ab-122a-7607-8c7c-be7b915106a8	01a233ab-18a0-7c58-a550-57441dd288b7	01a233ab-18ac-71a5-a1ca-244f636684f7	{"entry": 0}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-01 22:13:00.716604+00	2026-12-01 22:13:00.716604+00	\N
01a233ab-18b2-72ae-b3db-33a8d988ba75	registration.waitlisted:01a233ab-18b1-72a7-b700-54b6192ee0ab:0	registration.waitlisted	01a233ab-13c9-7da9-8c33-d1f6fbf466dd	01a233ab-18a0-7c58-a550-57441dd288b7	01a233ab-18b1-72a7-b700-54b6192ee0ab	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-01 22:13:00.722147+00	2026-12-01 22:13:00.722147+00	\N
01a233ab-18b5-7d08-b7f3-578548ab308f	registration.cancelled:01a233ab-18a7-73fa-bc30-377d7c2848a4:1	registration.cancelled	01a233ab-0ae0-77cd-a3c0-a00c2c94a00c	01a233ab-18a0-7c58-a550-57441dd288b7	01a233ab-18a7-73fa-bc30-377d7c2848a4	{"entry": 1}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:13:00.725509+00	2026-12-01 22:13:00.725509+00	\N
01a233ab-18bb-75f5-a5fe-3cda1c77a499	registration.promoted:01a233ab-18ac-71a5-a1ca-244f636684f7:1	registration.promoted	01a233ab-122a-7607-8c7c-be7b915106a8	01a233ab-18a0-7c58-a550-57441dd288b7	01a233ab-18ac-71a5-a1ca-244f636684f7	{"entry": 1}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-01 22:13:00.731202+00	2026-12-01 22:13:00.731202+00	\N
01a233ab-18e5-7a67-915a-551694e1d07c	registration.confirmed:01a233ab-18e5-7a06-9cba-c7a2a45a05c4:0	registration.confirmed	01a233ab-1058-7580-83c9-4e863793529d	01a233ab-18e1-72aa-97ca-6ff4150346fc	01a233ab-18e5-7a06-9cba-c7a2a45a05c4	{"entry": 0}	pending	0	\N	yanis.roux@skillhub.demo	\N	2026-12-01 22:13:00.773671+00	2026-12-01 22:13:00.773671+00	\N
01a233ab-18e7-750a-9815-fe3a84d6d689	registration.confirmed:01a233ab-18e7-7baf-8e68-c3b2573a0204:0	registration.confirmed	01a233ab-0ee1-7adb-a031-185416da6d27	01a233ab-18e1-72aa-97ca-6ff4150346fc	01a233ab-18e7-7baf-8e68-c3b2573a0204	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-01 22:13:00.775744+00	2026-12-01 22:13:00.775744+00	\N
01a233ab-18e9-7e9f-ba0a-6833187dbe94	registration.confirmed:01a233ab-18e9-7ffb-938c-f3203e15198a:0	registration.confirmed	01a233ab-13c9-7da9-8c33-d1f6fbf466dd	01a233ab-18e1-72aa-97ca-6ff4150346fc	01a233ab-18e9-7ffb-938c-f3203e15198a	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-01 22:13:00.777785+00	2026-12-01 22:13:00.777785+00	\N
01a233ab-1901-71ac-b6e9-b7c5cdc638b8	registration.confirmed:01a233ab-1900-7456-be9d-6082e1f1fc97:0	registration.confirmed	01a233ab-09a0-7526-87d5-bb8ef446419b	01a233ab-18f4-77d5-ba6f-7bee3b886745	01a233ab-1900-7456-be9d-6082e1f1fc97	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:13:00.801047+00	2026-12-01 22:13:00.801047+00	\N
01a233ab-1905-7153-94d4-7155f77c3918	registration.confirmed:01a233ab-1905-7455-a7f2-eb5cd8e7e32b:0	registration.confirmed	01a233ab-1154-7d29-92f8-8e7364440494	01a233ab-18f4-77d5-ba6f-7bee3b886745	01a233ab-1905-7455-a7f2-eb5cd8e7e32b	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-01 22:13:00.805309+00	2026-12-01 22:13:00.805309+00	\N
01a233ab-190a-7aa0-af5b-0c4a3c373388	registration.confirmed:01a233ab-190a-7075-9c05-1a2daee95211:0	registration.confirmed	01a233ab-0c08-7556-bef3-9de3d5124d9b	01a233ab-18f4-77d5-ba6f-7bee3b886745	01a233ab-190a-7075-9c05-1a2daee95211	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-01 22:13:00.81065+00	2026-12-01 22:13:00.81065+00	\N
\.
COPY workshop_changes (workshop_id, version, event, previous, created_at, expanded_at) FROM stdin;
01a233ab-18f4-77d5-ba6f-7bee3b886745	3	workshop.cancelled	{"endsAt": "2026-12-09T18:00:00+00:00", "location": "Nantes — La Cantine", "startsAt": "2026-12-09T16:00:00+00:00"}	2026-12-01 22:13:00.819072+00	\N
\.
COPY password_resets (id, user_id, created_at, expires_at, used_at) FROM stdin;
\.
COPY calendar_feeds (user_id, token_hash, created_at) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 36, true);
COMMIT;
