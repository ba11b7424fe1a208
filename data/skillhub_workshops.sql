-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+be0f8ef5fb92647878a937956103b3c45d12029b
-- Schema version: sql.0007_sessions.sql
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
CREATE TABLE schema_versions (
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schema_versions_Id" PRIMARY KEY (schemaversionsid)
);
-- skillhub:schema:end
COPY schema_versions (schemaversionsid, scriptname, applied) FROM stdin;
1	sql.0001_users.sql	2026-12-01 10:08:26.082552
2	sql.0002_refresh_tokens.sql	2026-12-01 10:08:26.136305
3	sql.0003_login_throttle.sql	2026-12-01 10:08:26.155908
4	sql.0004_workshops.sql	2026-12-01 10:08:26.203168
5	sql.0005_registration_seats.sql	2026-12-01 10:08:26.214197
6	sql.0006_request_seat_no_idle_write.sql	2026-12-01 10:08:26.22159
7	sql.0007_sessions.sql	2026-12-01 10:08:26.246133
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at) FROM stdin;
01a23113-bb3f-778d-a4ad-626a2fadd042	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$tPkS0ip8Xpb2Ngg5XeEJJg==$dRryROxmP8X38EracQcTnK5VFZ99Q5kEWu49C83TvaN2SazaCahubkeUPA590roGtmFMvIt0QuaUIw+GlekKQw==	admin	f	2026-12-01 10:08:26.43169+00	2026-12-01 10:08:26.43169+00
01a23113-bbfa-75bb-aaf9-9c4d37c8b004	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$UUXOvi8XyKp5hMEp5YbpAA==$oT0TKJuc51vww+URq4MZR106UF/aTLS3Yd6HR/7QgWicOzRSAPC+6s8CJ2vQWwhUbRmfkrP0PqkAb6hMANzQMw==	trainer	f	2026-12-01 10:08:26.618451+00	2026-12-01 10:08:26.618451+00
01a23113-bca6-71f9-829e-cbe965c6d620	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$0hY4+UcKk6Fs8YvwLsqGPA==$yOgNXdy1XbojOrd5njY19Oyf3nsvJknbCUu1APEXGnfVxPrA8eks0JOlf/4loUFuF30edgEZFes/wWmF5ORFcA==	trainer	f	2026-12-01 10:08:26.790266+00	2026-12-01 10:08:26.790266+00
01a23113-bd50-720c-bc7f-ea6c3a11f7f4	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$O7HXJ7qd68TA5a3yKnBmMA==$hB8/oRYqDYCb8vTv0WyTWtmUIetxiOT302Je/i/PfixPyRL3tdv+NSg9nda/yQMKqYlIvFGGi+ulK1sk+WsVqA==	trainer	f	2026-12-01 10:08:26.960254+00	2026-12-01 10:08:26.960254+00
01a23113-be76-7ffa-b2db-79816215731f	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$DodYSVvuLaDH2dC7juiTDg==$OQapuur6o1rDfOt+jKxIFRYsHh3fqd/tHuiBDJeBmwaUvHEZ6gvQEGe+kPefqB5MFOm+d5oUOxT997F+M+SjRA==	participant	f	2026-12-01 10:08:27.254473+00	2026-12-01 10:08:27.254473+00
01a23113-bf2c-74dd-ab95-1508b4e7a2a1	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$5VJ6ucMzQjbdpz8QT/3C/w==$/r7LEu9WkMPyqsVQh0GGQguvcAoajiJbwotW0wtWng4SkAyKpMDwzSR8+2YLOy/dZ59EW9LpCIknZOZvELMb5g==	participant	f	2026-12-01 10:08:27.436558+00	2026-12-01 10:08:27.436558+00
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at) FROM stdin;
01a23113-c095-7645-8866-8fe87ec504e8	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a23113-bbfa-75bb-aaf9-9c4d37c8b004	2026-12-13 09:00:00+00	2026-12-13 11:00:00+00	En ligne	25	0	published	\N	f	2026-12-01 10:08:27.797792+00	2026-12-01 10:08:27.800715+00	2	2026-12-01 10:08:27.797792+00
01a23113-c09c-7b68-8250-57bda936b362	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a23113-bbfa-75bb-aaf9-9c4d37c8b004	2026-12-20 08:00:00+00	2026-12-20 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-12-01 10:08:27.805286+00	2026-12-01 10:08:27.809457+00	2	2026-12-01 10:08:27.805286+00
01a23113-c0a4-7277-9901-6ee802d2fbe3	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a23113-bca6-71f9-829e-cbe965c6d620	2026-12-05 14:00:00+00	2026-12-05 16:00:00+00	Lyon — espace Lumière	8	0	published	\N	f	2026-12-01 10:08:27.813298+00	2026-12-01 10:08:27.816897+00	2	2026-12-01 10:08:27.813298+00
01a23113-c0ad-76dc-8fde-c2ea80b24eed	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a23113-bca6-71f9-829e-cbe965c6d620	2026-12-10 07:00:00+00	2026-12-10 09:00:00+00	En ligne	30	0	published	\N	f	2026-12-01 10:08:27.821542+00	2026-12-01 10:08:27.824717+00	2	2026-12-01 10:08:27.821542+00
01a23113-c0b5-7075-bb15-6f45db95eb42	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a23113-bca6-71f9-829e-cbe965c6d620	2026-12-17 09:00:00+00	2026-12-17 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-12-01 10:08:27.829418+00	2026-12-01 10:08:27.832821+00	2	2026-12-01 10:08:27.829418+00
01a23113-c0bd-762d-b78c-36c119c33a7a	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a23113-bca6-71f9-829e-cbe965c6d620	2026-12-25 13:00:00+00	2026-12-25 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-12-01 10:08:27.837439+00	2026-12-01 10:08:27.840831+00	2	2026-12-01 10:08:27.837439+00
01a23113-c0c5-713b-aabc-51255e8de03e	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a23113-bd50-720c-bc7f-ea6c3a11f7f4	2026-12-06 15:00:00+00	2026-12-06 17:00:00+00	Bordeaux — Darwin	10	0	published	\N	f	2026-12-01 10:08:27.845434+00	2026-12-01 10:08:27.848678+00	2	2026-12-01 10:08:27.845434+00
01a23113-c0cd-7d7d-9c20-775c83b491e2	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a23113-bd50-720c-bc7f-ea6c3a11f7f4	2026-12-11 08:00:00+00	2026-12-11 10:00:00+00	En ligne	40	0	published	\N	f	2026-12-01 10:08:27.853454+00	2026-12-01 10:08:27.85478+00	2	2026-12-01 10:08:27.853454+00
01a23113-c0d5-7285-90e6-041fbaba1d33	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a23113-bd50-720c-bc7f-ea6c3a11f7f4	2026-12-18 12:00:00+00	2026-12-18 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-12-01 10:08:27.86164+00	2026-12-01 10:08:27.863101+00	2	2026-12-01 10:08:27.86164+00
01a23113-c0d8-7d25-b8e3-33a90d3b5efe	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a23113-bd50-720c-bc7f-ea6c3a11f7f4	2026-12-27 08:00:00+00	2026-12-27 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-12-01 10:08:27.865284+00	2026-12-01 10:08:27.868072+00	2	2026-12-01 10:08:27.865284+00
01a23113-c06e-726e-ab10-bbec8d55f02a	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a23113-bbfa-75bb-aaf9-9c4d37c8b004	2026-12-04 08:00:00+00	2026-12-04 11:00:00+00	Paris — salle Turing	12	2	published	\N	t	2026-12-01 10:08:27.761864+00	2026-12-01 10:08:27.781928+00	2	2026-12-01 10:08:27.909531+00
01a23113-c08d-7b5a-a150-b603fcaae047	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a23113-bbfa-75bb-aaf9-9c4d37c8b004	2026-12-08 13:00:00+00	2026-12-08 16:00:00+00	Paris — salle Turing	15	2	published	\N	t	2026-12-01 10:08:27.790027+00	2026-12-01 10:08:27.792107+00	2	2026-12-01 10:08:27.915374+00
\.
COPY sessions (id, user_id, created_at, ended_at) FROM stdin;
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 4, true);
COMMIT;
