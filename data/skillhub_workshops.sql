-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+a8206fe08fb8f16482a20ce9e96163a10a0f38da
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
1	sql.0001_users.sql	2026-12-01 22:30:31.593394
2	sql.0002_refresh_tokens.sql	2026-12-01 22:30:31.66231
3	sql.0003_login_throttle.sql	2026-12-01 22:30:31.68957
4	sql.0004_workshops.sql	2026-12-01 22:30:31.746021
5	sql.0005_registration_seats.sql	2026-12-01 22:30:31.756498
6	sql.0006_request_seat_no_idle_write.sql	2026-12-01 22:30:31.759799
7	sql.0007_sessions.sql	2026-12-01 22:30:31.781333
8	sql.0008_throttle_reservations.sql	2026-12-01 22:30:31.7842
9	sql.0009_request_seat_takes_the_time.sql	2026-12-01 22:30:31.786773
10	sql.0010_notifications.sql	2026-12-01 22:30:31.854392
11	sql.0011_calendar_feeds.sql	2026-12-01 22:30:31.879718
12	sql.0012_account_erasure.sql	2026-12-01 22:30:31.882756
13	sql.0013_check_in.sql	2026-12-01 22:30:31.885445
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at, notify_reminders, notify_workshop_updates, erased_at) FROM stdin;
01a233bb-2533-7c02-b79c-1fd16b273755	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$FavU9F8AkA6gIG8nALmCXQ==$/s8BoCJ/jDsc3pBFoZmaBXimQ9fOaplJCPnCt+jOy1BMEh5nhPimF+YCT8/5OKDnEcBOxSIZu6N/2/IgQQQe5g==	admin	f	2026-12-01 22:30:32.499813+00	2026-12-01 22:30:32.499813+00	t	t	\N
01a233bb-25f9-7a15-9665-6e823dc435b8	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$2riHAiDFIypkEFhDhLoHMw==$5Ofzp5XiGVGFuoSsu8yxNxzQDdvv3jbsorUQcMl5T5E9w/BYplWxniERCXzkFvOfCKbVgJe2gm0iFvcB/fguOQ==	trainer	f	2026-12-01 22:30:32.697498+00	2026-12-01 22:30:32.697498+00	t	t	\N
01a233bb-2737-7e42-8ac7-a989b1458f3f	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$PmMWnAftJWgSal+6U5i5ig==$+oezpDK/PmoiXvHwZJrl/GjICkVtbmfhsFmTpLXWX/iB9S7kwLamSAICn+8BzBHSLKoa3kFiQhDv3WG9lo2bNw==	trainer	f	2026-12-01 22:30:33.015103+00	2026-12-01 22:30:33.015103+00	t	t	\N
01a233bb-2908-7233-b6c5-3024b2864709	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$ifyXovK3VIBhVIRjIBnWBA==$SjgEGNLeE6rD2s5fSI9m0JNRysAsY0US9TnXcvwz/k6U+sck9ZnbqLME/CrBKrSCf0VLzmv94y1pzRgaYtaPGA==	trainer	f	2026-12-01 22:30:33.480615+00	2026-12-01 22:30:33.480615+00	t	t	\N
01a233bb-2a5b-7ca3-87fe-b4776cb18baf	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$chGpRAo7HoUzzYbDZP6xyA==$8lf8Sc4FbEBQVlvLnX2tY9S+5H4aIgug77CjWcyzUB1NHFiNeG2XXrbMUk2EE2cN3iARmtQ2vB0VS3y430fs8g==	participant	f	2026-12-01 22:30:33.819794+00	2026-12-01 22:30:33.819794+00	t	t	\N
01a233bb-2c32-7bf6-8405-50b8ed1291a0	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$Lk1yKBzZzA/nwnHVNp4bzw==$FJqhF0JFc7lcoInQZHiAEpT6nhM9jXm6O/Lv8r8vagmMAZg8liBWDjQzwyJNc1GIgEv2w6wAdxy0MsdDCwb57A==	participant	f	2026-12-01 22:30:34.290641+00	2026-12-01 22:30:34.290641+00	t	t	\N
01a233bb-2d49-7c81-8375-8ac713c218cf	ines.garcia@skillhub.demo	Inès Garcia	pbkdf2-sha512$210000$w9J4HrNLZu1C64eoCP/h/A==$nCfQXRufzeIqlwLr09YrV6KchrNIu0gQSCJt0bVDlFptTQZcyJ+8icKz+yHsbpR2Drwk9R7FuskE8qWta7zeEA==	participant	f	2026-12-01 22:30:34.569572+00	2026-12-01 22:30:34.569572+00	t	t	\N
01a233bb-2ee6-7c97-8c09-9b69aba88c16	tom.petit@skillhub.demo	Tom Petit	pbkdf2-sha512$210000$xeNd3gauUBfXE3Gwc+EH5w==$lQse7L2JUC7qIISLIWHgYnRTlVMq/hgPunXqC9ulJULYjLCJokDrqCyEtyY48uByfgs89RIEHgzBZFEVwIDsFg==	participant	f	2026-12-01 22:30:34.982675+00	2026-12-01 22:30:34.982675+00	t	t	\N
01a233bb-2fe5-7dc5-90ce-9b99a14e0d84	nora.haddad@skillhub.demo	Nora Haddad	pbkdf2-sha512$210000$HjvQSDfaG4EKyzDcCq6UMg==$m5TlkXHUrYZd/IG0EmHWnfMb/ijL/uLOYlo61IhVoASunooOwP7oTmheeQ8nOyE4Xdr9+s08IwOXulJAkN8wNw==	participant	f	2026-12-01 22:30:35.237568+00	2026-12-01 22:30:35.237568+00	t	t	\N
01a233bb-30f6-7ecd-8a47-f4a001eafb86	yanis.roux@skillhub.demo	Yanis Roux	pbkdf2-sha512$210000$9C7EiTHdhk94osRmE1QvmQ==$1xLdbo7020cXefdigS0T5rRb+XgQcrCzNbwRnSUmiA9e2F2moUXxwENjY0uN4AS+gyH8NGjdm1pq11CrReZ6hw==	participant	f	2026-12-01 22:30:35.510765+00	2026-12-01 22:30:35.510765+00	t	t	\N
01a233bb-31b0-7022-bc46-aba7730655fa	camille.laurent@skillhub.demo	Camille Laurent	pbkdf2-sha512$210000$jdziUGUnqUQMy1PTR4FOIQ==$NoXsdE+i1dLjwabzRQ4h0fzJzCqSKIQerI12kKczTFX+VnTm0ZiZsLZbcTW7ylpCj14B8eHIBSHbGbcHPspgLg==	participant	f	2026-12-01 22:30:35.696531+00	2026-12-01 22:30:35.696531+00	t	t	\N
01a233bb-32cd-73a7-9409-66f596120cf1	louis.fontaine@skillhub.demo	Louis Fontaine	pbkdf2-sha512$210000$T6jpymPt732zhm2tQPZ8xA==$VerMnjPmNIsGnnE9E03NHg3S+9Ka4sVOW6fenWUl20+BUadTObC1cGgolNOpogsehifntj8j2QDQLI0jOtWDXw==	participant	f	2026-12-01 22:30:35.981137+00	2026-12-01 22:30:35.981137+00	t	t	\N
01a233bb-3382-7a40-8d68-cdaed61d100e	emma.girard@skillhub.demo	Emma Girard	pbkdf2-sha512$210000$6MOmmhpzHkde/JOLirr8IQ==$RjHAygjyuoj9CzTock7ud3vyw6GFkZSKxgI9sYE7b5GHgoiXjFjsiHJUdL0fs+rJeSPCLo9pgeMU3O1taYeJ8g==	participant	f	2026-12-01 22:30:36.162652+00	2026-12-01 22:30:36.162652+00	t	t	\N
01a233bb-3433-74e2-9300-3dfa2129786f	lucas.bernard@skillhub.demo	Lucas Bernard	pbkdf2-sha512$210000$XV0mKqhIDT8BohRuqKTvrw==$belnZk/zydVX9v0NebdrrAimGcvfGsAGU0bYPB8bCxbh1DTzqVWEqDC8RjkAFes8+Bwp6aATvzBarnhN+8qNsA==	participant	f	2026-12-01 22:30:36.33904+00	2026-12-01 22:30:36.33904+00	t	t	\N
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at, reminders_at, published_at) FROM stdin;
01a233bb-36d9-74fa-a3e8-25e81cece7d9	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a233bb-2737-7e42-8ac7-a989b1458f3f	2026-12-25 13:00:00+00	2026-12-25 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-12-01 22:30:37.017281+00	2026-12-01 22:30:37.018401+00	2	2026-12-01 22:30:37.017281+00	\N	2026-12-01 22:30:37.018401+00
01a233bb-355b-7c2f-9223-6b1a4fbfb4b0	Les bases de Python	Variables, boucles, fonctions et un premier script utile, sans prérequis.	01a233bb-25f9-7a15-9665-6e823dc435b8	2026-11-10 08:00:00+00	2026-11-10 11:00:00+00	Paris — salle Turing	8	6	published	\N	t	2026-10-20 08:00:00+00	2026-10-20 08:00:00+00	1	2026-12-01 22:30:36.759469+00	\N	2026-12-01 22:30:36.662654+00
01a233bb-3618-765a-b903-a8445c1de96c	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a233bb-25f9-7a15-9665-6e823dc435b8	2026-12-04 08:00:00+00	2026-12-04 11:00:00+00	Paris — salle Turing	12	4	published	\N	t	2026-12-01 22:30:36.824962+00	2026-12-01 22:30:36.836404+00	2	2026-12-01 22:30:36.96623+00	\N	2026-12-01 22:30:36.836404+00
01a233bb-36a9-747c-9463-0607fdbeb3fc	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a233bb-25f9-7a15-9665-6e823dc435b8	2026-12-08 13:00:00+00	2026-12-08 16:00:00+00	Paris — salle Turing	15	0	published	\N	f	2026-12-01 22:30:36.970581+00	2026-12-01 22:30:36.972181+00	2	2026-12-01 22:30:36.970581+00	\N	2026-12-01 22:30:36.972181+00
01a233bb-35d9-7b93-916d-4222b58db056	Écoute active et feedback	Reformuler, questionner, donner un retour utile sans blesser.	01a233bb-2737-7e42-8ac7-a989b1458f3f	2026-11-17 13:00:00+00	2026-11-17 16:00:00+00	Lyon — espace Lumière	6	5	published	\N	t	2026-10-27 13:00:00+00	2026-10-27 13:00:00+00	1	2026-12-01 22:30:36.775736+00	\N	2026-12-01 22:30:36.763928+00
01a233bb-36ad-7275-b9ca-90761b9ce1bc	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a233bb-25f9-7a15-9665-6e823dc435b8	2026-12-13 09:00:00+00	2026-12-13 11:00:00+00	En ligne	25	0	published	\N	f	2026-12-01 22:30:36.974055+00	2026-12-01 22:30:36.975195+00	2	2026-12-01 22:30:36.974055+00	\N	2026-12-01 22:30:36.975195+00
01a233bb-36b0-70c3-911b-5e59d19fcbcc	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a233bb-25f9-7a15-9665-6e823dc435b8	2026-12-20 08:00:00+00	2026-12-20 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-12-01 22:30:36.976439+00	2026-12-01 22:30:36.977506+00	2	2026-12-01 22:30:36.976439+00	\N	2026-12-01 22:30:36.977506+00
01a233bb-35eb-7b2c-9413-d63dbeef7158	Canva pour les réseaux sociaux	Gabarits, charte graphique et formats pour publier des visuels soignés.	01a233bb-2908-7233-b6c5-3024b2864709	2026-11-24 09:00:00+00	2026-11-24 11:00:00+00	En ligne	10	6	published	\N	t	2026-11-03 09:00:00+00	2026-11-03 09:00:00+00	1	2026-12-01 22:30:36.800529+00	\N	2026-12-01 22:30:36.78173+00
01a233bb-36db-7318-90b6-9be974ef6ede	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a233bb-2908-7233-b6c5-3024b2864709	2026-12-06 15:00:00+00	2026-12-06 17:00:00+00	Bordeaux — Darwin	10	3	published	\N	t	2026-12-01 22:30:37.019373+00	2026-12-01 22:30:37.02014+00	2	2026-12-01 22:30:37.024056+00	\N	2026-12-01 22:30:37.02014+00
01a233bb-3601-719d-8dfe-43bf3412d8b7	Markdown et documentation	README, docs de projet et diagrammes en texte : documenter sans effort.	01a233bb-25f9-7a15-9665-6e823dc435b8	2026-11-29 14:00:00+00	2026-11-29 16:00:00+00	En ligne	5	3	published	\N	t	2026-11-08 14:00:00+00	2026-11-08 14:00:00+00	1	2026-12-01 22:30:36.819198+00	\N	2026-12-01 22:30:36.809266+00
01a233bb-36b2-7b14-95d2-1cdefa643a99	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a233bb-2737-7e42-8ac7-a989b1458f3f	2026-12-05 14:00:00+00	2026-12-05 16:00:00+00	Lyon — espace Lumière	3	3	published	\N	t	2026-12-01 22:30:36.978572+00	2026-12-01 22:30:36.97941+00	2	2026-12-01 22:30:36.984003+00	\N	2026-12-01 22:30:36.97941+00
01a233bb-36d1-75c3-89e7-10dd20f998f2	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a233bb-2737-7e42-8ac7-a989b1458f3f	2026-12-10 07:00:00+00	2026-12-10 09:00:00+00	En ligne	30	0	published	\N	f	2026-12-01 22:30:37.009986+00	2026-12-01 22:30:37.012546+00	2	2026-12-01 22:30:37.009986+00	\N	2026-12-01 22:30:37.012546+00
01a233bb-36d6-7f88-b92f-574af88248b6	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a233bb-2737-7e42-8ac7-a989b1458f3f	2026-12-17 09:00:00+00	2026-12-17 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-12-01 22:30:37.014996+00	2026-12-01 22:30:37.01587+00	2	2026-12-01 22:30:37.014996+00	\N	2026-12-01 22:30:37.01587+00
01a233bb-36e1-7f71-ae8a-ca78662bd1fe	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a233bb-2908-7233-b6c5-3024b2864709	2026-12-11 08:00:00+00	2026-12-11 10:00:00+00	En ligne	40	0	published	\N	f	2026-12-01 22:30:37.025525+00	2026-12-01 22:30:37.026441+00	2	2026-12-01 22:30:37.025525+00	\N	2026-12-01 22:30:37.026441+00
01a233bb-36e3-71c0-ac50-c2f3f6fd933a	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a233bb-2908-7233-b6c5-3024b2864709	2026-12-18 12:00:00+00	2026-12-18 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-12-01 22:30:37.027208+00	2026-12-01 22:30:37.027963+00	2	2026-12-01 22:30:37.027208+00	\N	2026-12-01 22:30:37.027963+00
01a233bb-36e4-71f7-aade-48bdc2989eda	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a233bb-2908-7233-b6c5-3024b2864709	2026-12-27 08:00:00+00	2026-12-27 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-12-01 22:30:37.028824+00	2026-12-01 22:30:37.029593+00	2	2026-12-01 22:30:37.028824+00	\N	2026-12-01 22:30:37.029593+00
01a233bb-36e6-747d-b92a-455e9b809545	Improvisation théâtrale	Lâcher prise, écouter ses partenaires et rebondir : l'impro au service de l'oral.	01a233bb-2737-7e42-8ac7-a989b1458f3f	2026-12-09 16:00:00+00	2026-12-09 18:00:00+00	Nantes — La Cantine	10	0	cancelled	Le formateur est souffrant ; une nouvelle date sera proposée en janvier.	t	2026-12-01 22:30:37.030487+00	2026-12-01 22:30:37.040689+00	3	2026-12-01 22:30:37.040689+00	\N	2026-12-01 22:30:37.031298+00
\.
COPY sessions (id, user_id, created_at, ended_at) FROM stdin;
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
COPY notifications (id, message_key, event, user_id, workshop_id, registration_id, data, status, attempts, last_error, recipient, subject, next_attempt_at, created_at, sent_at) FROM stdin;
01a233bb-3638-70b6-a2b6-a3170bdfb467	registration.confirmed:01a233bb-362b-773e-a6cd-22d1cdeefd36:0	registration.confirmed	01a233bb-2a5b-7ca3-87fe-b4776cb18baf	01a233bb-3618-765a-b903-a8445c1de96c	01a233bb-362b-773e-a6cd-22d1cdeefd36	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:30:36.854217+00	2026-12-01 22:30:36.854217+00	\N
01a233bb-368c-7e8e-b311-39f62a184f25	registration.confirmed:01a233bb-368b-7cba-86da-65d693e5e627:0	registration.confirmed	01a233bb-2c32-7bf6-8405-50b8ed1291a0	01a233bb-3618-765a-b903-a8445c1de96c	01a233bb-368b-7cba-86da-65d693e5e627	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:30:36.940233+00	2026-12-01 22:30:36.940233+00	\N
01a233bb-368e-73cc-ab93-7e4622ffdfcd	registration.confirmed:01a233bb-368e-729b-9139-0a9b6b65ba37:0	registration.confirmed	01a233bb-2d49-7c81-8375-8ac713c218cf	01a233bb-3618-765a-b903-a8445c1de96c	01a233bb-368e-729b-9139-0a9b6b65ba37	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-01 22:30:36.942927+00	2026-12-01 22:30:36.942927+00	\N
01a233bb-3693-76fb-b7e2-79517ebc7999	registration.confirmed:01a233bb-3693-74ed-a9e1-c306f7be2dad:0	registration.confirmed	01a233bb-2ee6-7c97-8c09-9b69aba88c16	01a233bb-3618-765a-b903-a8445c1de96c	01a233bb-3693-74ed-a9e1-c306f7be2dad	{"entry": 0}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-01 22:30:36.947532+00	2026-12-01 22:30:36.947532+00	\N
01a233bb-3696-75d0-8127-1ccc1c3a8278	registration.confirmed:01a233bb-3696-7c83-97b9-d47f24ce2276:0	registration.confirmed	01a233bb-2fe5-7dc5-90ce-9b99a14e0d84	01a233bb-3618-765a-b903-a8445c1de96c	01a233bb-3696-7c83-97b9-d47f24ce2276	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-01 22:30:36.95037+00	2026-12-01 22:30:36.95037+00	\N
01a233bb-369f-731a-bcf5-7f9f113844ee	registration.cancelled:01a233bb-3693-74ed-a9e1-c306f7be2dad:1	registration.cancelled	01a233bb-2ee6-7c97-8c09-9b69aba88c16	01a233bb-3618-765a-b903-a8445c1de96c	01a233bb-3693-74ed-a9e1-c306f7be2dad	{"entry": 1}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-01 22:30:36.959965+00	2026-12-01 22:30:36.959965+00	\N
01a233bb-36b5-79cb-8d53-0fc6e786f64c	registration.confirmed:01a233bb-36b5-7d80-810e-70510bcbcf1c:0	registration.confirmed	01a233bb-2a5b-7ca3-87fe-b4776cb18baf	01a233bb-36b2-7b14-95d2-1cdefa643a99	01a233bb-36b5-7d80-810e-70510bcbcf1c	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:30:36.98119+00	2026-12-01 22:30:36.98119+00	\N
01a233bb-36b7-743f-9bea-c7a1579c16de	registration.confirmed:01a233bb-36b7-7ebf-bd96-76619c12a274:0	registration.confirmed	01a233bb-2c32-7bf6-8405-50b8ed1291a0	01a233bb-36b2-7b14-95d2-1cdefa643a99	01a233bb-36b7-7ebf-bd96-76619c12a274	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:30:36.983139+00	2026-12-01 22:30:36.983139+00	\N
01a233bb-36b8-798c-a201-fc19fd3882f1	registration.confirmed:01a233bb-36b8-77a5-b607-753b172cc6c1:0	registration.confirmed	01a233bb-31b0-7022-bc46-aba7730655fa	01a233bb-36b2-7b14-95d2-1cdefa643a99	01a233bb-36b8-77a5-b607-753b172cc6c1	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-01 22:30:36.984686+00	2026-12-01 22:30:36.984686+00	\N
01a233bb-36ba-7512-a254-49aa53893f1f	registration.waitlisted:01a233bb-36ba-797f-b98f-a49d2ca33fb4:0	registration.waitlisted	01a233bb-32cd-73a7-9409-66f596120cf1	01a233bb-36b2-7b14-95d2-1cdefa643a99	01a233bb-36ba-797f-b98f-a49d2ca33fb4	{"entry": 0}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-01 22:30:36.986521+00	2026-12-01 22:30:36.986521+00	\N
01a233bb-36be-7a1c-9b38-b42d1d528729	registration.waitlisted:01a233bb-36be-7ceb-bcd1-8e1c2363351c:0	registration.waitlisted	01a233bb-3382-7a40-8d68-cdaed61d100e	01a233bb-36b2-7b14-95d2-1cdefa643a99	01a233bb-36be-7ceb-bcd1-8e1c2363351c	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-01 22:30:36.990295+00	2026-12-01 22:30:36.990295+00	\N
01a233bb-36c0-77f1-86c0-a650e947ba03	registration.cancelled:01a233bb-36b7-7ebf-bd96-76619c12a274:1	registration.cancelled	01a233bb-2c32-7bf6-8405-50b8ed1291a0	01a233bb-36b2-7b14-95d2-1cdefa643a99	01a233bb-36b7-7ebf-bd96-76619c12a274	{"entry": 1}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:30:36.992649+00	2026-12-01 22:30:36.992649+00	\N
01a233bb-36c3-76c1-90e4-458a05870a6e	registration.promoted:01a233bb-36ba-797f-b98f-a49d2ca33fb4:1	registration.promoted	01a233bb-32cd-73a7-9409-66f596120cf1	01a233bb-36b2-7b14-95d2-1cdefa643a99	01a233bb-36ba-797f-b98f-a49d2ca33fb4	{"entry": 1}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-01 22:30:36.995645+00	2026-12-01 22:30:36.995645+00	\N
01a233bb-36dd-7703-bb57-d31aaa2bd6f9	registration.confirmed:01a233bb-36dd-7e97-9df0-dd29323f1b15:0	registration.confirmed	01a233bb-30f6-7ecd-8a47-f4a001eafb86	01a233bb-36db-7318-90b6-9be974ef6ede	01a233bb-36dd-7e97-9df0-dd29323f1b15	{"entry": 0}	pending	0	\N	yanis.roux@skillhub.demo	\N	2026-12-01 22:30:37.021691+00	2026-12-01 22:30:37.021691+00	\N
01a233bb-36df-7815-a783-42cecaa73a47	registration.confirmed:01a233bb-36df-7bec-8d0b-dcf998877d3a:0	registration.confirmed	01a233bb-2fe5-7dc5-90ce-9b99a14e0d84	01a233bb-36db-7318-90b6-9be974ef6ede	01a233bb-36df-7bec-8d0b-dcf998877d3a	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-01 22:30:37.023247+00	2026-12-01 22:30:37.023247+00	\N
01a233bb-36e0-711a-bf7b-f3ca3aaf2922	registration.confirmed:01a233bb-36e0-7ab0-83bd-ccd1785b1341:0	registration.confirmed	01a233bb-3382-7a40-8d68-cdaed61d100e	01a233bb-36db-7318-90b6-9be974ef6ede	01a233bb-36e0-7ab0-83bd-ccd1785b1341	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-01 22:30:37.024641+00	2026-12-01 22:30:37.024641+00	\N
01a233bb-36e8-7815-844d-7528d2035b16	registration.confirmed:01a233bb-36e8-721d-946b-dded470b8ef6:0	registration.confirmed	01a233bb-2a5b-7ca3-87fe-b4776cb18baf	01a233bb-36e6-747d-b92a-455e9b809545	01a233bb-36e8-721d-946b-dded470b8ef6	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:30:37.032818+00	2026-12-01 22:30:37.032818+00	\N
01a233bb-36ea-7173-8171-1da2adea3d00	registration.confirmed:01a233bb-36ea-71e6-9518-30d35c089dbe:0	registration.confirmed	01a233bb-31b0-7022-bc46-aba7730655fa	01a233bb-36e6-747d-b92a-455e9b809545	01a233bb-36ea-71e6-9518-30d35c089dbe	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-01 22:30:37.034276+00	2026-12-01 22:30:37.034276+00	\N
01a233bb-36eb-739d-8b84-7fb3cf3e5de3	registration.confirmed:01a233bb-36eb-7b2b-8e39-bc6217eb245c:0	registration.confirmed	01a233bb-2d49-7c81-8375-8ac713c218cf	01a233bb-36e6-747d-b92a-455e9b809545	01a233bb-36eb-7b2b-8e39-bc6217eb245c	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-01 22:30:37.035666+00	2026-12-01 22:30:37.035666+00	\N
\.
COPY workshop_changes (workshop_id, version, event, previous, created_at, expanded_at) FROM stdin;
01a233bb-36e6-747d-b92a-455e9b809545	3	workshop.cancelled	{"endsAt": "2026-12-09T18:00:00+00:00", "location": "Nantes — La Cantine", "startsAt": "2026-12-09T16:00:00+00:00"}	2026-12-01 22:30:37.040689+00	\N
\.
COPY password_resets (id, user_id, created_at, expires_at, used_at) FROM stdin;
\.
COPY calendar_feeds (user_id, token_hash, created_at) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 36, true);
COMMIT;
