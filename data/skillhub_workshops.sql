-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+372afe74e2d7650e232e28ec4263c5ddaac6ac28
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
1	sql.0001_users.sql	2026-12-01 22:16:51.717163
2	sql.0002_refresh_tokens.sql	2026-12-01 22:16:51.769554
3	sql.0003_login_throttle.sql	2026-12-01 22:16:51.795502
4	sql.0004_workshops.sql	2026-12-01 22:16:51.839175
5	sql.0005_registration_seats.sql	2026-12-01 22:16:51.851952
6	sql.0006_request_seat_no_idle_write.sql	2026-12-01 22:16:51.855431
7	sql.0007_sessions.sql	2026-12-01 22:16:51.877525
8	sql.0008_throttle_reservations.sql	2026-12-01 22:16:51.881258
9	sql.0009_request_seat_takes_the_time.sql	2026-12-01 22:16:51.884334
10	sql.0010_notifications.sql	2026-12-01 22:16:51.951089
11	sql.0013_check_in.sql	2026-12-01 22:16:51.960951
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at, notify_reminders, notify_workshop_updates) FROM stdin;
01a233ae-a37e-7319-83fa-af2fadf2e130	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$1KzFVmkrUBjIhwDOUJ/kQg==$gDp1GT8/rcZzgbnJSRs1N3oqLHtpoBHbCJCsMf3NRKWIytA8OytESysw4xzzkwsEVPysePS5X4BXrRqJNd+rEQ==	admin	f	2026-12-01 22:16:52.862389+00	2026-12-01 22:16:52.862389+00	t	t
01a233ae-a501-7c5d-892d-21b2be2525e8	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$BuzbDNRoe7LVjZpvzf3Vbg==$RqPM4643SRZ9MDu8vYYWDnPnZRfaJVepx8abuTnASgl39K/9hNDTgiWPxAZ7mYlG+DHoHViOONkejP5Cf1qfPQ==	trainer	f	2026-12-01 22:16:53.249259+00	2026-12-01 22:16:53.249259+00	t	t
01a233ae-a59d-75d1-8d42-78a0ee1f09c5	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$6xswobwQNRCJsnA6QrZokg==$mtsDnWcU86QtgH8C3bT0qdTaUQJWQFvA75B2opuzUmmpeD6UhfzaEH6bhuQ4hGUIIutjuvHWwJnKvDjGvw6PLw==	trainer	f	2026-12-01 22:16:53.405982+00	2026-12-01 22:16:53.405982+00	t	t
01a233ae-a874-7bfc-b9fd-c4eeb0a63733	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$glOpJXAPiYO27QQZDOGE2A==$O8zj5i/7WdlPAMHgdqL4Ek/zT/vm4Boic8G3yLgyIYEuNu3Gktnur3yXt0cuesShZ8TP7HZz/2W8MYH2ZSQvkQ==	trainer	f	2026-12-01 22:16:54.132879+00	2026-12-01 22:16:54.132879+00	t	t
01a233ae-a9bb-79fe-a8d8-781e78d26b55	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$XDDxzGiESAeBXltKru4A7A==$1XA64+Hth3F0dLdZh0hj/IGIBwYCCB+l2rxNfD66rfkkOxjkP2w8Y7XNrvJGUxau36vEQknEMKIcJmVAXAlsSQ==	participant	f	2026-12-01 22:16:54.459752+00	2026-12-01 22:16:54.459752+00	t	t
01a233ae-ace5-7c94-9ca4-6e5cd4487859	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$q+rM2JblVlyjGu+0VzY2Zg==$coK4YIlhA2I7oMk2c+hZg6wqPoEfxwqg7ogGZEcjqG3Mw2MAVXjQB0qT8GNt4cdOeg28Z1GdBkgvT0mNHcVe6Q==	participant	f	2026-12-01 22:16:55.269034+00	2026-12-01 22:16:55.269034+00	t	t
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at, reminders_at) FROM stdin;
01a233ae-af40-723c-92cb-5111cd1a40df	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a233ae-a501-7c5d-892d-21b2be2525e8	2026-12-13 09:00:00+00	2026-12-13 11:00:00+00	En ligne	25	0	published	\N	f	2026-12-01 22:16:55.87297+00	2026-12-01 22:16:55.874395+00	2	2026-12-01 22:16:55.87297+00	\N
01a233ae-af43-7220-acbf-155e71606074	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a233ae-a501-7c5d-892d-21b2be2525e8	2026-12-20 08:00:00+00	2026-12-20 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-12-01 22:16:55.876262+00	2026-12-01 22:16:55.877503+00	2	2026-12-01 22:16:55.876262+00	\N
01a233ae-af46-700a-8ae0-52093865eee5	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a233ae-a59d-75d1-8d42-78a0ee1f09c5	2026-12-05 14:00:00+00	2026-12-05 16:00:00+00	Lyon — espace Lumière	8	0	published	\N	f	2026-12-01 22:16:55.878909+00	2026-12-01 22:16:55.879874+00	2	2026-12-01 22:16:55.878909+00	\N
01a233ae-af49-727d-a6fc-86ad7de6da9f	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a233ae-a59d-75d1-8d42-78a0ee1f09c5	2026-12-10 07:00:00+00	2026-12-10 09:00:00+00	En ligne	30	0	published	\N	f	2026-12-01 22:16:55.881269+00	2026-12-01 22:16:55.882424+00	2	2026-12-01 22:16:55.881269+00	\N
01a233ae-af4b-7273-99f5-226d46161a29	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a233ae-a59d-75d1-8d42-78a0ee1f09c5	2026-12-17 09:00:00+00	2026-12-17 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-12-01 22:16:55.883932+00	2026-12-01 22:16:55.884929+00	2	2026-12-01 22:16:55.883932+00	\N
01a233ae-af4d-7679-a4d2-98e95d3d9164	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a233ae-a59d-75d1-8d42-78a0ee1f09c5	2026-12-25 13:00:00+00	2026-12-25 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-12-01 22:16:55.886163+00	2026-12-01 22:16:55.887214+00	2	2026-12-01 22:16:55.886163+00	\N
01a233ae-af50-7a74-9f85-ad0e56fb6579	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a233ae-a874-7bfc-b9fd-c4eeb0a63733	2026-12-06 15:00:00+00	2026-12-06 17:00:00+00	Bordeaux — Darwin	10	0	published	\N	f	2026-12-01 22:16:55.888345+00	2026-12-01 22:16:55.889317+00	2	2026-12-01 22:16:55.888345+00	\N
01a233ae-af52-740a-b571-c440c432cd84	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a233ae-a874-7bfc-b9fd-c4eeb0a63733	2026-12-11 08:00:00+00	2026-12-11 10:00:00+00	En ligne	40	0	published	\N	f	2026-12-01 22:16:55.890797+00	2026-12-01 22:16:55.891669+00	2	2026-12-01 22:16:55.890797+00	\N
01a233ae-af54-7d51-9c62-bb6fa95cd7a0	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a233ae-a874-7bfc-b9fd-c4eeb0a63733	2026-12-18 12:00:00+00	2026-12-18 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-12-01 22:16:55.892749+00	2026-12-01 22:16:55.893635+00	2	2026-12-01 22:16:55.892749+00	\N
01a233ae-af56-72a1-947a-7cb5cbc9d671	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a233ae-a874-7bfc-b9fd-c4eeb0a63733	2026-12-27 08:00:00+00	2026-12-27 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-12-01 22:16:55.894661+00	2026-12-01 22:16:55.8955+00	2	2026-12-01 22:16:55.894661+00	\N
01a233ae-af29-7b30-bdab-3e2b3e442968	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a233ae-a501-7c5d-892d-21b2be2525e8	2026-12-04 08:00:00+00	2026-12-04 11:00:00+00	Paris — salle Turing	12	2	published	\N	t	2026-12-01 22:16:55.853574+00	2026-12-01 22:16:55.863777+00	2	2026-12-01 22:16:56.062277+00	\N
01a233ae-af3b-7906-ad82-283e67de25d9	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a233ae-a501-7c5d-892d-21b2be2525e8	2026-12-08 13:00:00+00	2026-12-08 16:00:00+00	Paris — salle Turing	15	2	published	\N	t	2026-12-01 22:16:55.867591+00	2026-12-01 22:16:55.869659+00	2	2026-12-01 22:16:56.072141+00	\N
\.
COPY sessions (id, user_id, created_at, ended_at) FROM stdin;
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
COPY notifications (id, message_key, event, user_id, workshop_id, registration_id, data, status, attempts, last_error, recipient, subject, next_attempt_at, created_at, sent_at) FROM stdin;
01a233ae-afa3-7160-a7f3-83fb4fa95f92	registration.confirmed:01a233ae-af92-7990-8ac6-36cb7e7441fe:0	registration.confirmed	01a233ae-a9bb-79fe-a8d8-781e78d26b55	01a233ae-af29-7b30-bdab-3e2b3e442968	01a233ae-af92-7990-8ac6-36cb7e7441fe	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:16:55.969188+00	2026-12-01 22:16:55.969188+00	\N
01a233ae-b000-7350-a090-7788364e677c	registration.confirmed:01a233ae-afff-729f-8a22-71bafb6e367b:0	registration.confirmed	01a233ae-ace5-7c94-9ca4-6e5cd4487859	01a233ae-af29-7b30-bdab-3e2b3e442968	01a233ae-afff-729f-8a22-71bafb6e367b	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:16:56.064961+00	2026-12-01 22:16:56.064961+00	\N
01a233ae-b006-7d53-a7c0-efde65d142ff	registration.confirmed:01a233ae-b005-7094-b6e2-178454f282d5:0	registration.confirmed	01a233ae-a9bb-79fe-a8d8-781e78d26b55	01a233ae-af3b-7906-ad82-283e67de25d9	01a233ae-b005-7094-b6e2-178454f282d5	{"entry": 0}	pending	0	\N	lea.dubois@skillhub.demo	\N	2026-12-01 22:16:56.070023+00	2026-12-01 22:16:56.070023+00	\N
01a233ae-b00a-7a44-8a1e-2b6ee6b1b4b1	registration.confirmed:01a233ae-b009-78d2-98e3-185490a0b770:0	registration.confirmed	01a233ae-ace5-7c94-9ca4-6e5cd4487859	01a233ae-af3b-7906-ad82-283e67de25d9	01a233ae-b009-78d2-98e3-185490a0b770	{"entry": 0}	pending	0	\N	hugo.moreau@skillhub.demo	\N	2026-12-01 22:16:56.074169+00	2026-12-01 22:16:56.074169+00	\N
\.
COPY workshop_changes (workshop_id, version, event, previous, created_at, expanded_at) FROM stdin;
\.
COPY password_resets (id, user_id, created_at, expires_at, used_at) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 4, true);
COMMIT;
