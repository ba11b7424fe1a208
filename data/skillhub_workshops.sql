-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+93b56bc61d8ec73351442b452a9047dad992c21c
-- Schema version: sql.0010_notifications.sql
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
CREATE TABLE schema_versions (
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schema_versions_Id" PRIMARY KEY (schemaversionsid)
);
-- skillhub:schema:end
COPY schema_versions (schemaversionsid, scriptname, applied) FROM stdin;
1	sql.0001_users.sql	2026-12-01 21:44:04.55327
2	sql.0002_refresh_tokens.sql	2026-12-01 21:44:04.984412
3	sql.0003_login_throttle.sql	2026-12-01 21:44:05.148546
4	sql.0004_workshops.sql	2026-12-01 21:44:05.414065
5	sql.0005_registration_seats.sql	2026-12-01 21:44:05.468697
6	sql.0006_request_seat_no_idle_write.sql	2026-12-01 21:44:05.482803
7	sql.0007_sessions.sql	2026-12-01 21:44:05.616534
8	sql.0008_throttle_reservations.sql	2026-12-01 21:44:05.639203
9	sql.0009_request_seat_takes_the_time.sql	2026-12-01 21:44:05.642912
10	sql.0010_notifications.sql	2026-12-01 21:44:05.932681
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at, notify_reminders, notify_workshop_updates) FROM stdin;
01a23390-a8d3-7b67-a481-25668d998337	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$xZ2gv5ZK4f7NZp7Msk2DbQ==$G+Fhxv5OmGsILSRVgd+4Svkbr9nB30ooW6JVc7amIizLeLw7r2Spz4+wm4gwb+plQuxcqvyLd1/0/kPWqwUROg==	admin	f	2026-12-01 21:44:08.147036+00	2026-12-01 21:44:08.147036+00	t	t
01a23390-ad5e-79c6-adea-ee71d35c7032	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$p1xdoRBs9UMx2oLKXVf2JQ==$vr8MNgUqIR9XaCtDNQX4d1uEgcVxPJAm0U/hqwQRTXtcSL6z7WPwgxIQOU2hrRueOr4AW243TyfLmqzhvqF/vQ==	trainer	f	2026-12-01 21:44:09.310382+00	2026-12-01 21:44:09.310382+00	t	t
01a23390-b473-72c0-9d3f-4c7520d1db9a	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$VLw4JweyN6OEupMUAgGCLg==$QiIb7gJhA3c5nWSRhTAZI1/DRMblrJqwGmoLdaH412EVH6ef3oQ3I1IiGXcmOAlEC0sKcHoH0OOL15wGkQCr/Q==	trainer	f	2026-12-01 21:44:11.12385+00	2026-12-01 21:44:11.12385+00	t	t
01a23390-ba76-7806-9adb-1a4456263ccb	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$h+PZPqcpn3FOOMuRiySTNg==$slCEZiPGYS7tio5CrOVejapSEce+oDMsb26s5nbjkDY1bGkAxTUPL+9SsNWgU+/DFk0w+K5xrWYJStXjUwL7vw==	trainer	f	2026-12-01 21:44:12.662969+00	2026-12-01 21:44:12.662969+00	t	t
01a23390-c2aa-7e1d-9886-fd13ff88a4bd	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$5duAu7Kc6f+RY0OcPIC3tA==$7pLpiT4rfxgXaRtEBeY1OvJhnaEzdJpk7FFpibrYVz4AixOhg/1N60zWxchbsRBlj33eYJX5YRIxNwljTlXvPg==	participant	f	2026-12-01 21:44:14.762009+00	2026-12-01 21:44:14.762009+00	t	t
01a23390-c7b8-7cc9-aa12-4b59ea006c04	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$WIALQyT1JcAWXkzrZ/+Q0w==$zVSXM2RHHatkQHV12u+AJfh4tLmRKP6HUHhGrpxBI2EwT+gMWn3PLMlXtsy9/wRM+wNkuER6s73Xh4CP/8Yq0g==	participant	f	2026-12-01 21:44:16.056757+00	2026-12-01 21:44:16.056757+00	t	t
01a23390-caa8-7bd7-96d9-bf5a4b4f67fc	ines.garcia@skillhub.demo	Inès Garcia	pbkdf2-sha512$210000$KwJa2Zv43ajUo1xlsfYlcw==$AhQEEov7L2swpzHLltGtGPdcnBQ1PDigBDRTU1LxDI3GmGUgo2FvoX9t77KFiLlSfmYaH0R5TgZD38ntKVGxbg==	participant	f	2026-12-01 21:44:16.808683+00	2026-12-01 21:44:16.808683+00	t	t
01a23390-d048-7554-9e52-fce21a4bb433	tom.petit@skillhub.demo	Tom Petit	pbkdf2-sha512$210000$R9VCpLJb3MD3+6gck7dH7g==$10x/Xjd5MX7p918x5dW1OVvfjjhv4bjfpQ0WlirnU9/tnkaCdoUAfehAWeq4hHPzywQz6WKfeRpb3VRJFot+Sg==	participant	f	2026-12-01 21:44:18.248519+00	2026-12-01 21:44:18.248519+00	t	t
01a23390-d658-7312-94f8-d61904f0778a	nora.haddad@skillhub.demo	Nora Haddad	pbkdf2-sha512$210000$ifIWLAVOS02BthTSV3OHLA==$L3McuQD7LOK2Pd8LPThwgmoqZXdjbyohSY7Y5KuXcyvcdCc5MwUOxUTNWwF05wPs7ZOk5z3QvdUih/3uv8Ztlg==	participant	f	2026-12-01 21:44:19.800563+00	2026-12-01 21:44:19.800563+00	t	t
01a23390-dbc2-7ad2-af7a-ff3cf621c8bb	yanis.roux@skillhub.demo	Yanis Roux	pbkdf2-sha512$210000$fhlUgAo7Z1fdZCYzLq+oMA==$b//CxRbivFe6VCagPQl4pDVcpRO8QiieHeLRTapJm/DkWhbhZr93t/4Dm3w/M2KOAaLOTrSneN9ptedhSyrslA==	participant	f	2026-12-01 21:44:21.186133+00	2026-12-01 21:44:21.186133+00	t	t
01a23390-e038-70ab-acaf-2e35f4a3ae5d	camille.laurent@skillhub.demo	Camille Laurent	pbkdf2-sha512$210000$7qsGz3qE5XUsv9NxQ8B3nQ==$gimhwTwer1FceHIYRvYGWjG6iKDfqgDtmZE+0ITKqHrJHf89YAGauCbza1AYRU4ynC+4AMNkvs0AxgIOgcJpKg==	participant	f	2026-12-01 21:44:22.328474+00	2026-12-01 21:44:22.328474+00	t	t
01a23390-e514-7a3b-802e-4b3ff5dca51a	louis.fontaine@skillhub.demo	Louis Fontaine	pbkdf2-sha512$210000$SlpFeTh7HM7uKYPh3ieDBQ==$sAei7jmjA+p5RN9/UP9CXwxKoI4PBN3/YgQoduyPmD6/3yjsJdRXwQUMCpII4SFmHkNeeJzOZsjTyCwhIWAW1g==	participant	f	2026-12-01 21:44:23.572677+00	2026-12-01 21:44:23.572677+00	t	t
01a23390-e8b0-7843-8581-793058528703	emma.girard@skillhub.demo	Emma Girard	pbkdf2-sha512$210000$6QYeSuGJKQ1kJUHpO/6PeA==$7kOD+EQgKRHG2dsQRiz3cuNRfPGoHOOXTqfODOBSc+AYtMLKd2ZKroXM9FkMXauJiVuS4FEFzPcOlJjXrkt36g==	participant	f	2026-12-01 21:44:24.496664+00	2026-12-01 21:44:24.496664+00	t	t
01a23390-ed9d-7e75-be7e-7408057043d0	lucas.bernard@skillhub.demo	Lucas Bernard	pbkdf2-sha512$210000$jsUAOjR8I4DsX9N/K8n4MA==$6DVLoyMNF28f6hmLbz8R01GCH/nwn7iljKJ8b/MNRNUM6K2kHS5fit5NKNpNOKUf4j7pOj4rv4mWWTGuC/h6Iw==	participant	f	2026-12-01 21:44:25.757028+00	2026-12-01 21:44:25.757028+00	t	t
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at, reminders_at) FROM stdin;
01a23390-f935-70a0-a8c5-7765f95c1f68	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a23390-b473-72c0-9d3f-4c7520d1db9a	2026-12-25 13:00:00+00	2026-12-25 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-12-01 21:44:28.726049+00	2026-12-01 21:44:28.7489+00	2	2026-12-01 21:44:28.726049+00	\N
01a23390-f31c-7830-8b32-a292df682a63	Les bases de Python	Variables, boucles, fonctions et un premier script utile, sans prérequis.	01a23390-ad5e-79c6-adea-ee71d35c7032	2026-11-10 08:00:00+00	2026-11-10 11:00:00+00	Paris — salle Turing	8	6	published	\N	t	2026-10-20 08:00:00+00	2026-10-20 08:00:00+00	1	2026-12-01 21:44:27.390672+00	\N
01a23390-fa41-7e34-86f6-aafde9696631	Improvisation théâtrale	Lâcher prise, écouter ses partenaires et rebondir : l'impro au service de l'oral.	01a23390-b473-72c0-9d3f-4c7520d1db9a	2026-12-09 16:00:00+00	2026-12-09 18:00:00+00	Nantes — La Cantine	10	0	cancelled	Le formateur est souffrant ; une nouvelle date sera proposée en janvier.	t	2026-12-01 21:44:28.994608+00	2026-12-01 21:44:29.454346+00	3	2026-12-01 21:44:29.454346+00	\N
01a23390-f4d1-7f8c-a26c-3d310f0be935	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a23390-ad5e-79c6-adea-ee71d35c7032	2026-12-04 08:00:00+00	2026-12-04 11:00:00+00	Paris — salle Turing	12	4	published	\N	t	2026-12-01 21:44:27.604136+00	2026-12-01 21:44:27.627437+00	2	2026-12-01 21:44:28.330802+00	\N
01a23390-f7b9-7d14-882e-d844d697f109	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a23390-ad5e-79c6-adea-ee71d35c7032	2026-12-08 13:00:00+00	2026-12-08 16:00:00+00	Paris — salle Turing	15	0	published	\N	f	2026-12-01 21:44:28.3482+00	2026-12-01 21:44:28.368195+00	2	2026-12-01 21:44:28.3482+00	\N
01a23390-f401-7000-b7f7-577977e3e072	Écoute active et feedback	Reformuler, questionner, donner un retour utile sans blesser.	01a23390-b473-72c0-9d3f-4c7520d1db9a	2026-11-17 13:00:00+00	2026-11-17 16:00:00+00	Lyon — espace Lumière	6	5	published	\N	t	2026-10-27 13:00:00+00	2026-10-27 13:00:00+00	1	2026-12-01 21:44:27.428411+00	\N
01a23390-f7d7-7acc-ac57-b12c211ba565	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a23390-ad5e-79c6-adea-ee71d35c7032	2026-12-13 09:00:00+00	2026-12-13 11:00:00+00	En ligne	25	0	published	\N	f	2026-12-01 21:44:28.396219+00	2026-12-01 21:44:28.402874+00	2	2026-12-01 21:44:28.396219+00	\N
01a23390-f800-7b89-9d47-b50eb2081559	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a23390-ad5e-79c6-adea-ee71d35c7032	2026-12-20 08:00:00+00	2026-12-20 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-12-01 21:44:28.420176+00	2026-12-01 21:44:28.424116+00	2	2026-12-01 21:44:28.420176+00	\N
01a23390-f433-7aff-b5cc-eeffc7edd99f	Canva pour les réseaux sociaux	Gabarits, charte graphique et formats pour publier des visuels soignés.	01a23390-ba76-7806-9adb-1a4456263ccb	2026-11-24 09:00:00+00	2026-11-24 11:00:00+00	En ligne	10	6	published	\N	t	2026-11-03 09:00:00+00	2026-11-03 09:00:00+00	1	2026-12-01 21:44:27.53811+00	\N
01a23390-f94e-781a-a9fd-9bb94ee8ea13	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a23390-ba76-7806-9adb-1a4456263ccb	2026-12-06 15:00:00+00	2026-12-06 17:00:00+00	Bordeaux — Darwin	10	3	published	\N	t	2026-12-01 21:44:28.751237+00	2026-12-01 21:44:28.76419+00	2	2026-12-01 21:44:28.855505+00	\N
01a23390-f49b-77bb-a4d2-f4ec07585492	Markdown et documentation	README, docs de projet et diagrammes en texte : documenter sans effort.	01a23390-ad5e-79c6-adea-ee71d35c7032	2026-11-29 14:00:00+00	2026-11-29 16:00:00+00	En ligne	5	3	published	\N	t	2026-11-08 14:00:00+00	2026-11-08 14:00:00+00	1	2026-12-01 21:44:27.589496+00	\N
01a23390-f816-7c58-afee-29e6f0ec61e4	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a23390-b473-72c0-9d3f-4c7520d1db9a	2026-12-05 14:00:00+00	2026-12-05 16:00:00+00	Lyon — espace Lumière	3	3	published	\N	t	2026-12-01 21:44:28.438918+00	2026-12-01 21:44:28.446418+00	2	2026-12-01 21:44:28.528167+00	\N
01a23390-f8f6-732e-bf4f-9d1b80ad8cbf	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a23390-b473-72c0-9d3f-4c7520d1db9a	2026-12-10 07:00:00+00	2026-12-10 09:00:00+00	En ligne	30	0	published	\N	f	2026-12-01 21:44:28.664187+00	2026-12-01 21:44:28.68819+00	2	2026-12-01 21:44:28.664187+00	\N
01a23390-f924-73b4-8f7d-09c27e73e1a0	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a23390-b473-72c0-9d3f-4c7520d1db9a	2026-12-17 09:00:00+00	2026-12-17 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-12-01 21:44:28.708855+00	2026-12-01 21:44:28.71618+00	2	2026-12-01 21:44:28.708855+00	\N
01a23390-f9da-7f8a-bd5a-14f449db3a0a	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a23390-ba76-7806-9adb-1a4456263ccb	2026-12-11 08:00:00+00	2026-12-11 10:00:00+00	En ligne	40	0	published	\N	f	2026-12-01 21:44:28.892178+00	2026-12-01 21:44:28.920229+00	2	2026-12-01 21:44:28.892178+00	\N
01a23390-fa00-7dad-bb24-28f1390c402c	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a23390-ba76-7806-9adb-1a4456263ccb	2026-12-18 12:00:00+00	2026-12-18 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-12-01 21:44:28.932179+00	2026-12-01 21:44:28.946516+00	2	2026-12-01 21:44:28.932179+00	\N
01a23390-fa28-7c40-b2e3-4ea714d566d1	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a23390-ba76-7806-9adb-1a4456263ccb	2026-12-27 08:00:00+00	2026-12-27 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-12-01 21:44:28.972206+00	2026-12-01 21:44:28.980173+00	2	2026-12-01 21:44:28.972206+00	\N
\.
COPY sessions (id, user_id, created_at, ended_at) FROM stdin;
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
COPY notifications (id, message_key, event, user_id, workshop_id, registration_id, data, status, attempts, last_error, recipient, subject, next_attempt_at, created_at, sent_at) FROM stdin;
01a23390-f547-7f34-8295-3ff386f07e0f	registration.confirmed:01a23390-f50c-79f5-959b-9cb828a8b656:0	registration.confirmed	01a23390-c2aa-7e1d-9886-fd13ff88a4bd	01a23390-f4d1-7f8c-a26c-3d310f0be935	01a23390-f50c-79f5-959b-9cb828a8b656	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 21:44:27.711881+00	2026-12-01 21:44:27.711881+00	\N
01a23390-f716-7ed0-9e78-8891c2ae11c8	registration.confirmed:01a23390-f715-7472-81aa-afe3d4069ac6:0	registration.confirmed	01a23390-c7b8-7cc9-aa12-4b59ea006c04	01a23390-f4d1-7f8c-a26c-3d310f0be935	01a23390-f715-7472-81aa-afe3d4069ac6	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 21:44:28.182202+00	2026-12-01 21:44:28.182202+00	\N
01a23390-f72c-71b5-921a-c97961f2c32e	registration.confirmed:01a23390-f72c-78e1-9551-6513fda26bbb:0	registration.confirmed	01a23390-caa8-7bd7-96d9-bf5a4b4f67fc	01a23390-f4d1-7f8c-a26c-3d310f0be935	01a23390-f72c-78e1-9551-6513fda26bbb	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-01 21:44:28.204789+00	2026-12-01 21:44:28.204789+00	\N
01a23390-f74a-768a-bc76-6e839b258004	registration.confirmed:01a23390-f749-7ae0-a489-6b357ec7c678:0	registration.confirmed	01a23390-d048-7554-9e52-fce21a4bb433	01a23390-f4d1-7f8c-a26c-3d310f0be935	01a23390-f749-7ae0-a489-6b357ec7c678	{"entry": 0}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-01 21:44:28.234159+00	2026-12-01 21:44:28.234159+00	\N
01a23390-f751-78b7-9a37-2ede9790795d	registration.confirmed:01a23390-f751-7f50-a21d-bb323e6dcbdb:0	registration.confirmed	01a23390-d658-7312-94f8-d61904f0778a	01a23390-f4d1-7f8c-a26c-3d310f0be935	01a23390-f751-7f50-a21d-bb323e6dcbdb	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-01 21:44:28.24166+00	2026-12-01 21:44:28.24166+00	\N
01a23390-f790-7bb1-af99-70b3d71b4b50	registration.cancelled:01a23390-f749-7ae0-a489-6b357ec7c678:1	registration.cancelled	01a23390-d048-7554-9e52-fce21a4bb433	01a23390-f4d1-7f8c-a26c-3d310f0be935	01a23390-f749-7ae0-a489-6b357ec7c678	{"entry": 1}	pending	0	\N	tom.petit@skillhub.demo	\N	2026-12-01 21:44:28.304137+00	2026-12-01 21:44:28.304137+00	\N
01a23390-f843-70dd-9797-8b50c21f0426	registration.confirmed:01a23390-f843-70a4-a95a-6cd0a32c2dc4:0	registration.confirmed	01a23390-c2aa-7e1d-9886-fd13ff88a4bd	01a23390-f816-7c58-afee-29e6f0ec61e4	01a23390-f843-70a4-a95a-6cd0a32c2dc4	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 21:44:28.483731+00	2026-12-01 21:44:28.483731+00	\N
01a23390-f85c-78e6-a0aa-7250467fc4e2	registration.confirmed:01a23390-f85c-77fe-8e69-e031f612408d:0	registration.confirmed	01a23390-c7b8-7cc9-aa12-4b59ea006c04	01a23390-f816-7c58-afee-29e6f0ec61e4	01a23390-f85c-77fe-8e69-e031f612408d	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 21:44:28.508548+00	2026-12-01 21:44:28.508548+00	\N
01a23390-f878-722b-a899-5dd2a8ff2cc6	registration.confirmed:01a23390-f878-7675-aa2c-b869136e508d:0	registration.confirmed	01a23390-e038-70ab-acaf-2e35f4a3ae5d	01a23390-f816-7c58-afee-29e6f0ec61e4	01a23390-f878-7675-aa2c-b869136e508d	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-01 21:44:28.536627+00	2026-12-01 21:44:28.536627+00	\N
01a23390-f889-7569-b11a-783d287d0c62	registration.waitlisted:01a23390-f888-7fdd-bcad-2892febd81eb:0	registration.waitlisted	01a23390-e514-7a3b-802e-4b3ff5dca51a	01a23390-f816-7c58-afee-29e6f0ec61e4	01a23390-f888-7fdd-bcad-2892febd81eb	{"entry": 0}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-01 21:44:28.552996+00	2026-12-01 21:44:28.552996+00	\N
01a23390-f89a-7472-943f-87cc0c79bff9	registration.waitlisted:01a23390-f899-75be-8422-4f853018bcd2:0	registration.waitlisted	01a23390-e8b0-7843-8581-793058528703	01a23390-f816-7c58-afee-29e6f0ec61e4	01a23390-f899-75be-8422-4f853018bcd2	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-01 21:44:28.57008+00	2026-12-01 21:44:28.57008+00	\N
01a23390-f8aa-72dc-ac14-f3010750031b	registration.cancelled:01a23390-f85c-77fe-8e69-e031f612408d:1	registration.cancelled	01a23390-c7b8-7cc9-aa12-4b59ea006c04	01a23390-f816-7c58-afee-29e6f0ec61e4	01a23390-f85c-77fe-8e69-e031f612408d	{"entry": 1}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 21:44:28.586237+00	2026-12-01 21:44:28.586237+00	\N
01a23390-f8b7-7725-80b7-25d4770057dc	registration.promoted:01a23390-f888-7fdd-bcad-2892febd81eb:1	registration.promoted	01a23390-e514-7a3b-802e-4b3ff5dca51a	01a23390-f816-7c58-afee-29e6f0ec61e4	01a23390-f888-7fdd-bcad-2892febd81eb	{"entry": 1}	pending	0	\N	louis.fontaine@skillhub.demo	\N	2026-12-01 21:44:28.599417+00	2026-12-01 21:44:28.599417+00	\N
01a23390-f981-72ef-b9bf-c769298cb6fe	registration.confirmed:01a23390-f980-7e4f-8e86-e84933eb50e7:0	registration.confirmed	01a23390-dbc2-7ad2-af7a-ff3cf621c8bb	01a23390-f94e-781a-a9fd-9bb94ee8ea13	01a23390-f980-7e4f-8e86-e84933eb50e7	{"entry": 0}	pending	0	\N	yanis.roux@skillhub.demo	\N	2026-12-01 21:44:28.801117+00	2026-12-01 21:44:28.801117+00	\N
01a23390-f9a0-7dd3-b0e8-09902f2f5544	registration.confirmed:01a23390-f9a0-78a5-a70d-0f277077ef7b:0	registration.confirmed	01a23390-d658-7312-94f8-d61904f0778a	01a23390-f94e-781a-a9fd-9bb94ee8ea13	01a23390-f9a0-78a5-a70d-0f277077ef7b	{"entry": 0}	pending	0	\N	nora.haddad@skillhub.demo	\N	2026-12-01 21:44:28.832695+00	2026-12-01 21:44:28.832695+00	\N
01a23390-f9cc-76a7-8ca9-431de2583553	registration.confirmed:01a23390-f9cc-751d-a495-ea354968bdb9:0	registration.confirmed	01a23390-e8b0-7843-8581-793058528703	01a23390-f94e-781a-a9fd-9bb94ee8ea13	01a23390-f9cc-751d-a495-ea354968bdb9	{"entry": 0}	pending	0	\N	emma.girard@skillhub.demo	\N	2026-12-01 21:44:28.876663+00	2026-12-01 21:44:28.876663+00	\N
01a23390-faa0-7102-84e1-85dced6d458b	registration.confirmed:01a23390-faa0-7375-8257-b40aab7ca096:0	registration.confirmed	01a23390-c2aa-7e1d-9886-fd13ff88a4bd	01a23390-fa41-7e34-86f6-aafde9696631	01a23390-faa0-7375-8257-b40aab7ca096	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 21:44:29.088685+00	2026-12-01 21:44:29.088685+00	\N
01a23390-fad4-79e2-8cf4-571f39d04cf7	registration.confirmed:01a23390-fad4-73a3-b9ce-28917af4feb8:0	registration.confirmed	01a23390-e038-70ab-acaf-2e35f4a3ae5d	01a23390-fa41-7e34-86f6-aafde9696631	01a23390-fad4-73a3-b9ce-28917af4feb8	{"entry": 0}	pending	0	\N	camille.laurent@skillhub.demo	\N	2026-12-01 21:44:29.140588+00	2026-12-01 21:44:29.140588+00	\N
01a23390-fbf0-7604-bdb0-bf06fc990c04	registration.confirmed:01a23390-fbf0-75f2-9480-bff0b0061b6e:0	registration.confirmed	01a23390-caa8-7bd7-96d9-bf5a4b4f67fc	01a23390-fa41-7e34-86f6-aafde9696631	01a23390-fbf0-75f2-9480-bff0b0061b6e	{"entry": 0}	pending	0	\N	ines.garcia@skillhub.demo	\N	2026-12-01 21:44:29.424621+00	2026-12-01 21:44:29.424621+00	\N
\.
COPY workshop_changes (workshop_id, version, event, previous, created_at, expanded_at) FROM stdin;
01a23390-fa41-7e34-86f6-aafde9696631	3	workshop.cancelled	{"endsAt": "2026-12-09T18:00:00+00:00", "location": "Nantes — La Cantine", "startsAt": "2026-12-09T16:00:00+00:00"}	2026-12-01 21:44:29.454346+00	\N
\.
COPY password_resets (id, user_id, created_at, expires_at, used_at) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 36, true);
COMMIT;
