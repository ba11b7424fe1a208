-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+7ea0e297dcfb7787fddf606635bf92f1ee5f9751
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
1	sql.0001_users.sql	2026-12-02 06:56:00.678477
2	sql.0002_refresh_tokens.sql	2026-12-02 06:56:00.717319
3	sql.0003_login_throttle.sql	2026-12-02 06:56:00.731012
4	sql.0004_workshops.sql	2026-12-02 06:56:00.766461
5	sql.0005_registration_seats.sql	2026-12-02 06:56:00.775803
6	sql.0006_request_seat_no_idle_write.sql	2026-12-02 06:56:00.778718
7	sql.0007_sessions.sql	2026-12-02 06:56:00.798751
8	sql.0008_throttle_reservations.sql	2026-12-02 06:56:00.804281
9	sql.0009_request_seat_takes_the_time.sql	2026-12-02 06:56:00.807637
10	sql.0010_notifications.sql	2026-12-02 06:56:00.845568
11	sql.0011_calendar_feeds.sql	2026-12-02 06:56:00.859615
12	sql.0012_account_erasure.sql	2026-12-02 06:56:00.863359
13	sql.0013_check_in.sql	2026-12-02 06:56:00.866811
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at, notify_reminders, notify_workshop_updates, erased_at) FROM stdin;
01a23589-ed67-793f-be32-5d520aee6cbb	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$pAfXggXLlqtup71ZfH9L2A==$fqiCp5gmBFxKrGhAlcPzNYb/vr4liYs5HeVDCFElbwTQyyQg0jsbZyq//43FdaPYeiiOsjsFHkLdRkAxTORszg==	admin	f	2026-12-02 06:56:01.383534+00	2026-12-02 06:56:01.383534+00	t	t	\N
01a23589-ee97-71eb-8b63-d7d71c13d90c	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$H6OOIe7yHCedGStK5Fvlmg==$DbETVCZ3BsJl5AiNJQjeyBZnQtykcJTsWuIiL/M2LKd6QkjNQmeDo1K+r5MGBxYUHesLvGtSnkvuBuiCTRCuCA==	trainer	f	2026-12-02 06:56:01.687622+00	2026-12-02 06:56:01.687622+00	t	t	\N
01a23589-efae-702c-8e84-235e011ff28d	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$dP6HLgATwLZil+4qFZHiyg==$UHd69vj/nKLqSIqFbrAvZJH2epf455JsiphQ/T/5PkZF3eN2iDzUkEEHTE/Z7q5vM0q1GKokuxMkGUSkxOMb4A==	trainer	f	2026-12-02 06:56:01.966753+00	2026-12-02 06:56:01.966753+00	t	t	\N
01a23589-f0c5-78aa-849e-2c8b4eb3d3ce	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$xgY8PkQpiRxfoIbAGTCMJw==$Icc4Qu1Q83VoEcbx+m+qKrI4QWxyGVD5kYek8uhpirb8P3XhSh8J9IJBNNJGyOcRl0txYeZZ5Paoizx0EHbVFg==	trainer	f	2026-12-02 06:56:02.245656+00	2026-12-02 06:56:02.245656+00	t	t	\N
01a23589-f16d-77ee-a603-3ea5b5ff56b6	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$XC310+VYiYqWFzwetRYpog==$NAPENXmsAcKfyvls3b8XkuJLHn9qX8nk0/5TPpn8JMVfpceho54Z5F52H1pA2VU02eE/z5Qcx+CXcBqZTgXugA==	participant	f	2026-12-02 06:56:02.413702+00	2026-12-02 06:56:02.413702+00	t	t	\N
01a23589-f2b0-7ecc-b025-f8833d853f12	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$IUxGjWNkmKD5h1urLNdubw==$yBognjibgAAJGW4fEksixsbB04/mP+6MYlReRSTUOPPH1pB7gtYdADckpeJPJ5pi94JH+GYN8Yj6haIYTPiqlw==	participant	f	2026-12-02 06:56:02.736145+00	2026-12-02 06:56:02.736145+00	t	t	\N
01a23589-f35c-7383-9437-96a8c70f4ee6	ines.garcia@skillhub.demo	Inès Garcia	pbkdf2-sha512$210000$dJECYdccFKVnwZezpwwHlQ==$DWZGsQ850SBZhzozRPDJJ6xy8eYSGInS5s/ITrfKv7FVVnF/dKf1AgdW1m/7Mj3BdA5YrpcrKplTQ91fR36dyA==	participant	f	2026-12-02 06:56:02.908232+00	2026-12-02 06:56:02.908232+00	t	t	\N
01a23589-f440-74df-be26-d42a0955ad28	tom.petit@skillhub.demo	Tom Petit	pbkdf2-sha512$210000$Az+rHS+K7PKj7iZAAYqkMg==$UbQ+svRlQ4bl3Ic1JM/b9+JHyDNk3ppeAHDHwMokJxkLRmWwYfrVMNdjmp5lLmF4PUYuj0rdg6M+T/q220XNNQ==	participant	f	2026-12-02 06:56:03.13657+00	2026-12-02 06:56:03.13657+00	t	t	\N
01a23589-f553-7410-9baf-1e90ae7705c0	nora.haddad@skillhub.demo	Nora Haddad	pbkdf2-sha512$210000$Rvv5XD8tlx7+QWL7HPAOMw==$Ztgt6dtMKJvlde0w/VDkKn/lecZzicbqOXjJXQU+vwIletDqlePCkGsa5hCikzDPy3hiPISUgcj/qo/39ggB+A==	participant	f	2026-12-02 06:56:03.411766+00	2026-12-02 06:56:03.411766+00	t	t	\N
01a23589-f679-7098-9681-12a47c30acd5	yanis.roux@skillhub.demo	Yanis Roux	pbkdf2-sha512$210000$IdqbWOFlFP8FuC9ARH0TqA==$vdYxO78Yt5/ks7hfRmN9fMK9q/pcpHJmKqXtTwVt+IT1v2IL7BuMvK7miTf8Mc1ze8xDkd2FAhfEJs5g1AvySw==	participant	f	2026-12-02 06:56:03.705428+00	2026-12-02 06:56:03.705428+00	t	t	\N
01a23589-f79d-705a-8099-433fb54ab678	camille.laurent@skillhub.demo	Camille Laurent	pbkdf2-sha512$210000$KYL3Vccy5fbAQp2LbBKh3Q==$QvCPNU5Nz/w/2C3I+JpvMjb9m6PU5n5IpqUdtq5VOy5LBL/1HG1z8I47iEA9ouW9swbHcrcVXt8N+DILz2eYJw==	participant	f	2026-12-02 06:56:03.997309+00	2026-12-02 06:56:03.997309+00	t	t	\N
01a23589-f8bc-7e9c-a455-97b47762dc87	louis.fontaine@skillhub.demo	Louis Fontaine	pbkdf2-sha512$210000$pxRdkA51w38dSgIgQehJMQ==$d5R1UYhwhmaRGfDcfqTvJ0zoNZp+OMzp7Rt0L44oWZVbhKUzO68tEQ1xCYUY0kWLJXwM7ck+FSKk0UIjv+9oTw==	participant	f	2026-12-02 06:56:04.284729+00	2026-12-02 06:56:04.284729+00	t	t	\N
01a23589-f9dc-7157-9a2c-173a08ceb51c	emma.girard@skillhub.demo	Emma Girard	pbkdf2-sha512$210000$rhrKlH67dv9q/wtbTOzSBQ==$Pqle7FXGkExKi708V1N17bVN4HaaYQmCT3MPwuDwNwsfIR0B47jHsFkIFWo/IQ9d4H2ZMXBREdB8JqZGpcP/RA==	participant	f	2026-12-02 06:56:04.572449+00	2026-12-02 06:56:04.572449+00	t	t	\N
01a23589-fb03-7014-a4ad-f90f25ee4bec	lucas.bernard@skillhub.demo	Lucas Bernard	pbkdf2-sha512$210000$x3Mdh3lSRWKOYcUT74z0tg==$Dvu/E2eX+GE3EWtks7IFnMbVZoBhzdF556+DHu5ByGfsUg8pSP3y2hqM/zi1z2nsHAv80yPTNFk7iItbpevESA==	participant	f	2026-12-02 06:56:04.867133+00	2026-12-02 06:56:04.867133+00	t	t	\N
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at, reminders_at, published_at) FROM stdin;
01a23589-feaa-7c23-b5d5-1c3dfef11c71	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a23589-efae-702c-8e84-235e011ff28d	2027-12-18 09:00:00+00	2027-12-18 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-12-02 06:56:05.80329+00	2026-12-02 06:56:05.805429+00	2	2026-12-02 06:56:05.80329+00	\N	2026-12-02 06:56:05.805429+00
01a23589-feaf-7c83-a356-4fe92215f8d9	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a23589-efae-702c-8e84-235e011ff28d	2027-12-26 13:00:00+00	2027-12-26 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-12-02 06:56:05.807719+00	2026-12-02 06:56:05.809917+00	2	2026-12-02 06:56:05.807719+00	\N	2026-12-02 06:56:05.809917+00
01a23589-fca0-77c2-b192-03a163d4e657	Les bases de Python	Variables, boucles, fonctions et un premier script utile, sans prérequis.	01a23589-ee97-71eb-8b63-d7d71c13d90c	2026-11-11 08:00:00+00	2026-11-11 11:00:00+00	Paris — salle Turing	8	6	published	\N	t	2026-10-21 08:00:00+00	2026-10-21 08:00:00+00	1	2026-12-02 06:56:05.428093+00	\N	2026-12-02 06:56:05.300995+00
01a23589-fd78-730d-87f2-b9d8d358e9b4	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a23589-ee97-71eb-8b63-d7d71c13d90c	2027-12-05 08:00:00+00	2027-12-05 11:00:00+00	Paris — salle Turing	12	4	published	\N	t	2026-12-02 06:56:05.497667+00	2026-12-02 06:56:05.506293+00	2	2026-12-02 06:56:05.741501+00	\N	2026-12-02 06:56:05.506293+00
01a23589-fd46-7716-be0e-3634aa882951	Écoute active et feedback	Reformuler, questionner, donner un retour utile sans blesser.	01a23589-efae-702c-8e84-235e011ff28d	2026-11-18 13:00:00+00	2026-11-18 16:00:00+00	Lyon — espace Lumière	6	5	published	\N	t	2026-10-28 13:00:00+00	2026-10-28 13:00:00+00	1	2026-12-02 06:56:05.467872+00	\N	2026-12-02 06:56:05.450551+00
01a23589-fe6f-7350-9b8e-04a826da4e94	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a23589-ee97-71eb-8b63-d7d71c13d90c	2027-12-09 13:00:00+00	2027-12-09 16:00:00+00	Paris — salle Turing	15	0	published	\N	f	2026-12-02 06:56:05.743923+00	2026-12-02 06:56:05.74718+00	2	2026-12-02 06:56:05.743923+00	\N	2026-12-02 06:56:05.74718+00
01a23589-fe76-7d79-b297-32deb365c21a	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a23589-ee97-71eb-8b63-d7d71c13d90c	2027-12-14 09:00:00+00	2027-12-14 11:00:00+00	En ligne	25	0	published	\N	f	2026-12-02 06:56:05.750622+00	2026-12-02 06:56:05.752634+00	2	2026-12-02 06:56:05.750622+00	\N	2026-12-02 06:56:05.752634+00
01a23589-fd5e-7b47-9b6f-41f9ffcdea13	Canva pour les réseaux sociaux	Gabarits, charte graphique et formats pour publier des visuels soignés.	01a23589-f0c5-78aa-849e-2c8b4eb3d3ce	2026-11-25 09:00:00+00	2026-11-25 11:00:00+00	En ligne	10	6	published	\N	t	2026-11-04 09:00:00+00	2026-11-04 09:00:00+00	1	2026-12-02 06:56:05.484437+00	\N	2026-12-02 06:56:05.472737+00
01a23589-fe7a-75a3-8c62-1d8f4d35e7a0	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a23589-ee97-71eb-8b63-d7d71c13d90c	2027-12-21 08:00:00+00	2027-12-21 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-12-02 06:56:05.755371+00	2026-12-02 06:56:05.75726+00	2	2026-12-02 06:56:05.755371+00	\N	2026-12-02 06:56:05.75726+00
01a23589-fd6d-77a5-9952-bfce6f61313d	Markdown et documentation	README, docs de projet et diagrammes en texte : documenter sans effort.	01a23589-ee97-71eb-8b63-d7d71c13d90c	2026-11-30 14:00:00+00	2026-11-30 16:00:00+00	En ligne	5	3	published	\N	t	2026-11-09 14:00:00+00	2026-11-09 14:00:00+00	1	2026-12-02 06:56:05.49202+00	\N	2026-12-02 06:56:05.48678+00
01a23589-feb3-79f2-84ba-3c5fc1e73137	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a23589-f0c5-78aa-849e-2c8b4eb3d3ce	2027-12-07 15:00:00+00	2027-12-07 17:00:00+00	Bordeaux — Darwin	10	3	published	\N	t	2026-12-02 06:56:05.811818+00	2026-12-02 06:56:05.813439+00	2	2026-12-02 06:56:05.820746+00	\N	2026-12-02 06:56:05.813439+00
01a23589-fe7f-74bb-82d5-6cc6e63fa09c	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a23589-efae-702c-8e84-235e011ff28d	2027-12-06 14:00:00+00	2027-12-06 16:00:00+00	Lyon — espace Lumière	3	3	published	\N	t	2026-12-02 06:56:05.759442+00	2026-12-02 06:56:05.761912+00	2	2026-12-02 06:56:05.771265+00	\N	2026-12-02 06:56:05.761912+00
01a23589-fea5-70d0-aad6-255053ec9ea7	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a23589-efae-702c-8e84-235e011ff28d	2027-12-11 07:00:00+00	2027-12-11 09:00:00+00	En ligne	30	0	published	\N	f	2026-12-02 06:56:05.797979+00	2026-12-02 06:56:05.800458+00	2	2026-12-02 06:56:05.797979+00	\N	2026-12-02 06:56:05.800458+00
01a23589-febe-767d-9a67-2e1e48abeda9	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a23589-f0c5-78aa-849e-2c8b4eb3d3ce	2027-12-12 08:00:00+00	2027-12-12 10:00:00+00	En ligne	40	0	published	\N	f	2026-12-02 06:56:05.823089+00	2026-12-02 06:56:05.824589+00	2	2026-12-02 06:56:05.823089+00	\N	2026-12-02 06:56:05.824589+00
01a23589-fec1-7eaa-8efa-8ba3f8a8e63d	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a23589-f0c5-78aa-849e-2c8b4eb3d3ce	2027-12-19 12:00:00+00	2027-12-19 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-12-02 06:56:05.826023+00	2026-12-02 06:56:05.82706+00	2	2026-12-02 06:56:05.826023+00	\N	2026-12-02 06:56:05.82706+00
01a23589-fec4-785c-bed9-58b6850924f1	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a23589-f0c5-78aa-849e-2c8b4eb3d3ce	2027-12-28 08:00:00+00	2027-12-28 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-12-02 06:56:05.828456+00	2026-12-02 06:56:05.832244+00	2	2026-12-02 06:56:05.828456+00	\N	2026-12-02 06:56:05.832244+00
01a23589-feca-7b1a-816a-4a3219592e43	Podcast : enregistrer et monter	Micro, prise de son, montage et publication d'un premier épisode.	01a23589-f0c5-78aa-849e-2c8b4eb3d3ce	2028-01-04 09:00:00+00	2028-01-04 12:00:00+00	Bordeaux — Darwin	8	0	draft	\N	f	2026-12-02 06:56:05.834991+00	2026-12-02 06:56:05.834991+00	1	2026-12-02 06:56:05.834991+00	\N	\N
01a23589-fecc-730f-a355-a6ff6b6c4414	Improvisation théâtrale	Lâcher prise, écouter ses partenaires et rebondir : l'impro au service de l'oral.	01a23589-efae-702c-8e84-235e011ff28d	2027-12-10 16:00:00+00	2027-12-10 18:00:00+00	Nantes — La Cantine	10	0	cancelled	Le formateur est souffrant ; une nouvelle date sera proposée en janvier.	t	2026-12-02 06:56:05.837052+00	2026-12-02 06:56:05.85685+00	3	2026-12-02 06:56:05.85685+00	\N	2026-12-02 06:56:05.839277+00
\.
COPY sessions (id, user_id, created_at, ended_at) FROM stdin;
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
COPY notifications (id, message_key, event, user_id, workshop_id, registration_id, data, status, attempts, last_error, recipient, subject, next_attempt_at, created_at, sent_at) FROM stdin;
01a23589-fd9e-7307-a68c-48cabb9c8d95	registration.confirmed:01a23589-fd8c-796c-b233-30ad30506c89:0	registration.confirmed	01a23589-f16d-77ee-a603-3ea5b5ff56b6	01a23589-fd78-730d-87f2-b9d8d358e9b4	01a23589-fd8c-796c-b233-30ad30506c89	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-02 06:56:05.531768+00	2026-12-02 06:56:05.531768+00	\N
01a23589-fe2f-7ec6-bd53-be543c6b1aac	registration.confirmed:01a23589-fe2e-75e2-8fc0-0d08adfccd53:0	registration.confirmed	01a23589-f2b0-7ecc-b025-f8833d853f12	01a23589-fd78-730d-87f2-b9d8d358e9b4	01a23589-fe2e-75e2-8fc0-0d08adfccd53	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-02 06:56:05.67961+00	2026-12-02 06:56:05.67961+00	\N
01a23589-fe36-7528-b3de-8db2de528405	registration.confirmed:01a23589-fe36-7c1c-9654-0519cca92e47:0	registration.confirmed	01a23589-f35c-7383-9437-96a8c70f4ee6	01a23589-fd78-730d-87f2-b9d8d358e9b4	01a23589-fe36-7c1c-9654-0519cca92e47	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-02 06:56:05.686298+00	2026-12-02 06:56:05.686298+00	\N
01a23589-fe3e-7ee4-ae65-b53ccb8a913f	registration.confirmed:01a23589-fe3d-73c0-963d-c7455aafb759:0	registration.confirmed	01a23589-f440-74df-be26-d42a0955ad28	01a23589-fd78-730d-87f2-b9d8d358e9b4	01a23589-fe3d-73c0-963d-c7455aafb759	{"entry": 0}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-02 06:56:05.693989+00	2026-12-02 06:56:05.693989+00	\N
01a23589-fe41-7155-ab4e-561d4508275b	registration.confirmed:01a23589-fe41-750d-908a-00058d99f64d:0	registration.confirmed	01a23589-f553-7410-9baf-1e90ae7705c0	01a23589-fd78-730d-87f2-b9d8d358e9b4	01a23589-fe41-750d-908a-00058d99f64d	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-02 06:56:05.697467+00	2026-12-02 06:56:05.697467+00	\N
01a23589-fe4f-7692-a0ff-3c4302171e2c	registration.cancelled:01a23589-fe3d-73c0-963d-c7455aafb759:1	registration.cancelled	01a23589-f440-74df-be26-d42a0955ad28	01a23589-fd78-730d-87f2-b9d8d358e9b4	01a23589-fe3d-73c0-963d-c7455aafb759	{"entry": 1}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-02 06:56:05.711496+00	2026-12-02 06:56:05.711496+00	\N
01a23589-fe66-71cb-a410-4af8a9b77e4a	registration.confirmed:01a23589-fe3d-73c0-963d-c7455aafb759:2	registration.confirmed	01a23589-f440-74df-be26-d42a0955ad28	01a23589-fd78-730d-87f2-b9d8d358e9b4	01a23589-fe3d-73c0-963d-c7455aafb759	{"entry": 2}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-02 06:56:05.734532+00	2026-12-02 06:56:05.734532+00	\N
01a23589-fe6b-70a5-96d5-c255cc0c05a9	registration.cancelled:01a23589-fe3d-73c0-963d-c7455aafb759:3	registration.cancelled	01a23589-f440-74df-be26-d42a0955ad28	01a23589-fd78-730d-87f2-b9d8d358e9b4	01a23589-fe3d-73c0-963d-c7455aafb759	{"entry": 3}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-02 06:56:05.739688+00	2026-12-02 06:56:05.739688+00	\N
01a23589-fe87-7ef0-bd02-751f005f50ea	registration.confirmed:01a23589-fe86-7052-ba09-512829b3ade7:0	registration.confirmed	01a23589-f16d-77ee-a603-3ea5b5ff56b6	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe86-7052-ba09-512829b3ade7	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-02 06:56:05.767107+00	2026-12-02 06:56:05.767107+00	\N
01a23589-fe8a-7df1-ac4a-75b63291cdcd	registration.confirmed:01a23589-fe89-7c60-93a2-400b6ee947d1:0	registration.confirmed	01a23589-f2b0-7ecc-b025-f8833d853f12	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe89-7c60-93a2-400b6ee947d1	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-02 06:56:05.770127+00	2026-12-02 06:56:05.770127+00	\N
01a23589-fe8c-7fd0-8972-272cfd8af737	registration.confirmed:01a23589-fe8c-72b4-9355-0349367b8ecd:0	registration.confirmed	01a23589-f79d-705a-8099-433fb54ab678	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe8c-72b4-9355-0349367b8ecd	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-02 06:56:05.772142+00	2026-12-02 06:56:05.772142+00	\N
01a23589-fe8d-7bb1-84f8-4cc622acdb1a	registration.waitlisted:01a23589-fe8d-786b-8078-f1dc39a5aacf:0	registration.waitlisted	01a23589-f8bc-7e9c-a455-97b47762dc87	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe8d-786b-8078-f1dc39a5aacf	{"entry": 0}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-02 06:56:05.773992+00	2026-12-02 06:56:05.773992+00	\N
01a23589-fe92-7d80-a8fb-b4cdf7a7e9ee	registration.waitlisted:01a23589-fe91-7713-9f5a-912d15af0eff:0	registration.waitlisted	01a23589-f9dc-7157-9a2c-173a08ceb51c	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe91-7713-9f5a-912d15af0eff	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-02 06:56:05.77811+00	2026-12-02 06:56:05.77811+00	\N
01a23589-fe93-701d-996f-8e64fd1f63c2	registration.waitlisted:01a23589-fe93-720c-b94a-4b62b159e178:0	registration.waitlisted	01a23589-f440-74df-be26-d42a0955ad28	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe93-720c-b94a-4b62b159e178	{"entry": 0}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-02 06:56:05.779732+00	2026-12-02 06:56:05.779732+00	\N
01a23589-fe95-749f-b76a-80656619c4a6	registration.waitlisted:01a23589-fe95-7731-abe1-490cafb19fa3:0	registration.waitlisted	01a23589-f553-7410-9baf-1e90ae7705c0	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe95-7731-abe1-490cafb19fa3	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-02 06:56:05.781163+00	2026-12-02 06:56:05.781163+00	\N
01a23589-fe96-73c0-b2e7-f718e54753b3	registration.cancelled:01a23589-fe89-7c60-93a2-400b6ee947d1:1	registration.cancelled	01a23589-f2b0-7ecc-b025-f8833d853f12	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe89-7c60-93a2-400b6ee947d1	{"entry": 1}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-02 06:56:05.782975+00	2026-12-02 06:56:05.782975+00	\N
01a23589-fe9a-73d6-a164-a13886e5ab1c	registration.promoted:01a23589-fe8d-786b-8078-f1dc39a5aacf:1	registration.promoted	01a23589-f8bc-7e9c-a455-97b47762dc87	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe8d-786b-8078-f1dc39a5aacf	{"entry": 1}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-02 06:56:05.786461+00	2026-12-02 06:56:05.786461+00	\N
01a23589-fe9f-7d4c-964e-6d38318fd93f	registration.cancelled:01a23589-fe8c-72b4-9355-0349367b8ecd:1	registration.cancelled	01a23589-f79d-705a-8099-433fb54ab678	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe8c-72b4-9355-0349367b8ecd	{"entry": 1}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-02 06:56:05.79109+00	2026-12-02 06:56:05.79109+00	\N
01a23589-fea0-7f86-89ea-7c97bc77ab85	registration.promoted:01a23589-fe91-7713-9f5a-912d15af0eff:1	registration.promoted	01a23589-f9dc-7157-9a2c-173a08ceb51c	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe91-7713-9f5a-912d15af0eff	{"entry": 1}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-02 06:56:05.792079+00	2026-12-02 06:56:05.792079+00	\N
01a23589-fea3-7a3b-82e0-593ca083c5b4	registration.waitlisted:01a23589-fe89-7c60-93a2-400b6ee947d1:2	registration.waitlisted	01a23589-f2b0-7ecc-b025-f8833d853f12	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe89-7c60-93a2-400b6ee947d1	{"entry": 2}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-02 06:56:05.795118+00	2026-12-02 06:56:05.795118+00	\N
01a23589-fea5-75b5-87b8-dcacaeae55a6	registration.cancelled:01a23589-fe89-7c60-93a2-400b6ee947d1:3	registration.cancelled	01a23589-f2b0-7ecc-b025-f8833d853f12	01a23589-fe7f-74bb-82d5-6cc6e63fa09c	01a23589-fe89-7c60-93a2-400b6ee947d1	{"entry": 3}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-02 06:56:05.797027+00	2026-12-02 06:56:05.797027+00	\N
01a23589-feb8-77f6-aabf-3a0f2efd94f1	registration.confirmed:01a23589-feb8-75a4-bc15-49bde5fe4148:0	registration.confirmed	01a23589-f679-7098-9681-12a47c30acd5	01a23589-feb3-79f2-84ba-3c5fc1e73137	01a23589-feb8-75a4-bc15-49bde5fe4148	{"entry": 0}	pending	0	\N	yanis.roux@skillhub.demo	\N	2026-12-02 06:56:05.816536+00	2026-12-02 06:56:05.816536+00	\N
01a23589-febb-7af0-b3da-d15fb05f346f	registration.confirmed:01a23589-febb-7e91-8e1d-70d3aa46bd87:0	registration.confirmed	01a23589-f553-7410-9baf-1e90ae7705c0	01a23589-feb3-79f2-84ba-3c5fc1e73137	01a23589-febb-7e91-8e1d-70d3aa46bd87	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-02 06:56:05.819584+00	2026-12-02 06:56:05.819584+00	\N
01a23589-febd-71b9-9df2-f5c40a7c5230	registration.confirmed:01a23589-febd-7815-b8bb-01c51d99201b:0	registration.confirmed	01a23589-f9dc-7157-9a2c-173a08ceb51c	01a23589-feb3-79f2-84ba-3c5fc1e73137	01a23589-febd-7815-b8bb-01c51d99201b	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-02 06:56:05.82192+00	2026-12-02 06:56:05.82192+00	\N
01a23589-fed2-7cd4-aecb-6d2f94fc95a6	registration.confirmed:01a23589-fed2-7380-93c3-4c2d76dcc67a:0	registration.confirmed	01a23589-f16d-77ee-a603-3ea5b5ff56b6	01a23589-fecc-730f-a355-a6ff6b6c4414	01a23589-fed2-7380-93c3-4c2d76dcc67a	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-02 06:56:05.842749+00	2026-12-02 06:56:05.842749+00	\N
01a23589-fed6-700c-a4ad-f69235c6728b	registration.confirmed:01a23589-fed6-7eb2-916c-044174622b37:0	registration.confirmed	01a23589-f79d-705a-8099-433fb54ab678	01a23589-fecc-730f-a355-a6ff6b6c4414	01a23589-fed6-7eb2-916c-044174622b37	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-02 06:56:05.846226+00	2026-12-02 06:56:05.846226+00	\N
01a23589-fed9-7777-bd56-0feef179a54a	registration.confirmed:01a23589-fed9-7708-94ad-1d7f5e046c7d:0	registration.confirmed	01a23589-f35c-7383-9437-96a8c70f4ee6	01a23589-fecc-730f-a355-a6ff6b6c4414	01a23589-fed9-7708-94ad-1d7f5e046c7d	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-02 06:56:05.849885+00	2026-12-02 06:56:05.849885+00	\N
\.
COPY workshop_changes (workshop_id, version, event, previous, created_at, expanded_at) FROM stdin;
01a23589-fecc-730f-a355-a6ff6b6c4414	3	workshop.cancelled	{"endsAt": "2027-12-10T18:00:00+00:00", "location": "Nantes — La Cantine", "startsAt": "2027-12-10T16:00:00+00:00"}	2026-12-02 06:56:05.85685+00	\N
\.
COPY password_resets (id, user_id, created_at, expires_at, used_at) FROM stdin;
\.
COPY calendar_feeds (user_id, token_hash, created_at) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 40, true);
COMMIT;
