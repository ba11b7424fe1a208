-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+c126fef6dfdbbe4066bb6bf5b659ef449eda5d17
-- Schema version: sql.0009_request_seat_takes_the_time.sql
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
CREATE TABLE schema_versions (
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schema_versions_Id" PRIMARY KEY (schemaversionsid)
);
-- skillhub:schema:end
COPY schema_versions (schemaversionsid, scriptname, applied) FROM stdin;
1	sql.0001_users.sql	2026-12-01 14:08:08.800755
2	sql.0002_refresh_tokens.sql	2026-12-01 14:08:08.834878
3	sql.0003_login_throttle.sql	2026-12-01 14:08:08.844476
4	sql.0004_workshops.sql	2026-12-01 14:08:08.873398
5	sql.0005_registration_seats.sql	2026-12-01 14:08:08.88241
6	sql.0006_request_seat_no_idle_write.sql	2026-12-01 14:08:08.885503
7	sql.0007_sessions.sql	2026-12-01 14:08:08.899195
8	sql.0008_throttle_reservations.sql	2026-12-01 14:08:08.902634
9	sql.0009_request_seat_takes_the_time.sql	2026-12-01 14:08:08.905567
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at) FROM stdin;
01a231ef-32f5-7e6e-85a0-0bbefa8bd2f3	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$R7i1oOKyw77pwL7QHZpnNw==$tUfznlmck2Xh2Y6HJ4tT9slAam707FYQAyZ2mkhQc8cqcvfhcMPieMXPlASkIz0zrltbisC0nrW4oq8D5I0mtQ==	admin	f	2026-12-01 14:08:09.461852+00	2026-12-01 14:08:09.461852+00
01a231ef-340f-74d4-b627-88b2560ddd46	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$X11t01kefMDoAienxwQAGA==$yBBmxQCPm1s7jtkOSpALtSi3GXyFkbEQ//JWsW6vv3vaugIsXGHMB5gwOVvFod9w+/Rmhi///gBYwShZRSisqg==	trainer	f	2026-12-01 14:08:09.743162+00	2026-12-01 14:08:09.743162+00
01a231ef-3500-7909-a522-0ee6ff2fa42d	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$p0CVHwVNv7bB/H/bzGwFbA==$IrgKeqBs4ezcBEgPRicnZF0a2WtKQCZ0uQ5/rU1lZOWnw/QiFr90+VphYjKZ+OifxkprV58Y0rxT6EHI61yZLA==	trainer	f	2026-12-01 14:08:09.984929+00	2026-12-01 14:08:09.984929+00
01a231ef-359f-7d71-9d6d-1a0e7fba3300	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$0ZAh6aUEm3zJChhOFcdrUg==$B2VMK8HF2X7QGBTDK2J+iXAxFurLKbAh6kXaQzrhpyytKrXxHwPfbv+tjq3HV9DdCctlHMtFbbSB6ZgkE7VWEg==	trainer	f	2026-12-01 14:08:10.143894+00	2026-12-01 14:08:10.143894+00
01a231ef-3637-7577-85c5-73b9f050c8c9	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$wvoagDkPFKzYMzR658hHpg==$bD4HmnVFDkKZdU/L9xVBm59iuQj5pQGQf0o7A1ZWSs6OzoBHni/v4kWoDqrdP0gh5+bFvVbxvUcn/ghBZCuhYw==	participant	f	2026-12-01 14:08:10.295391+00	2026-12-01 14:08:10.295391+00
01a231ef-36cc-7cd0-a5e6-357451f531aa	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$/LWbW93C+so4yJYgUekQUQ==$1qXthQJPnU8uAJ61ifstx4RfbjJZPNRKCYvVKE42i8IKrfKbFl14Vbex97w6bkj/D9yB1Broilm0uClE4N/aXw==	participant	f	2026-12-01 14:08:10.444062+00	2026-12-01 14:08:10.444062+00
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at) FROM stdin;
01a231ef-37bc-737a-ba03-d9ec1591aa37	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a231ef-340f-74d4-b627-88b2560ddd46	2026-12-13 09:00:00+00	2026-12-13 11:00:00+00	En ligne	25	0	published	\N	f	2026-12-01 14:08:10.685157+00	2026-12-01 14:08:10.686314+00	2	2026-12-01 14:08:10.685157+00
01a231ef-37bf-754c-b919-345096ae28c7	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a231ef-340f-74d4-b627-88b2560ddd46	2026-12-20 08:00:00+00	2026-12-20 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-12-01 14:08:10.687708+00	2026-12-01 14:08:10.688776+00	2	2026-12-01 14:08:10.687708+00
01a231ef-37c1-7afd-bc36-1f03283021a5	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a231ef-3500-7909-a522-0ee6ff2fa42d	2026-12-05 14:00:00+00	2026-12-05 16:00:00+00	Lyon — espace Lumière	8	0	published	\N	f	2026-12-01 14:08:10.689973+00	2026-12-01 14:08:10.690839+00	2	2026-12-01 14:08:10.689973+00
01a231ef-37c3-7c8d-8489-5262cba52fd0	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a231ef-3500-7909-a522-0ee6ff2fa42d	2026-12-10 07:00:00+00	2026-12-10 09:00:00+00	En ligne	30	0	published	\N	f	2026-12-01 14:08:10.6921+00	2026-12-01 14:08:10.693423+00	2	2026-12-01 14:08:10.6921+00
01a231ef-37c6-739a-85d3-7211685e4c68	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a231ef-3500-7909-a522-0ee6ff2fa42d	2026-12-17 09:00:00+00	2026-12-17 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-12-01 14:08:10.694605+00	2026-12-01 14:08:10.695629+00	2	2026-12-01 14:08:10.694605+00
01a231ef-37c8-7023-9c8f-cbd94a13661b	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a231ef-3500-7909-a522-0ee6ff2fa42d	2026-12-25 13:00:00+00	2026-12-25 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-12-01 14:08:10.696793+00	2026-12-01 14:08:10.697709+00	2	2026-12-01 14:08:10.696793+00
01a231ef-37ca-72a6-8be2-bf3247b919ac	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a231ef-359f-7d71-9d6d-1a0e7fba3300	2026-12-06 15:00:00+00	2026-12-06 17:00:00+00	Bordeaux — Darwin	10	0	published	\N	f	2026-12-01 14:08:10.698671+00	2026-12-01 14:08:10.699386+00	2	2026-12-01 14:08:10.698671+00
01a231ef-37cc-74e8-a33d-74bef1134680	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a231ef-359f-7d71-9d6d-1a0e7fba3300	2026-12-11 08:00:00+00	2026-12-11 10:00:00+00	En ligne	40	0	published	\N	f	2026-12-01 14:08:10.700469+00	2026-12-01 14:08:10.70138+00	2	2026-12-01 14:08:10.700469+00
01a231ef-37ce-7dc9-96b0-613f595d4393	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a231ef-359f-7d71-9d6d-1a0e7fba3300	2026-12-18 12:00:00+00	2026-12-18 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-12-01 14:08:10.702423+00	2026-12-01 14:08:10.703164+00	2	2026-12-01 14:08:10.702423+00
01a231ef-37d0-7390-9364-ee3e68c89280	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a231ef-359f-7d71-9d6d-1a0e7fba3300	2026-12-27 08:00:00+00	2026-12-27 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-12-01 14:08:10.704532+00	2026-12-01 14:08:10.705691+00	2	2026-12-01 14:08:10.704532+00
01a231ef-37a3-7352-8bf6-93946efda74a	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a231ef-340f-74d4-b627-88b2560ddd46	2026-12-04 08:00:00+00	2026-12-04 11:00:00+00	Paris — salle Turing	12	2	published	\N	t	2026-12-01 14:08:10.664674+00	2026-12-01 14:08:10.676988+00	2	2026-12-01 14:08:10.766147+00
01a231ef-37b8-7630-b174-fed6b1e9c9ed	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a231ef-340f-74d4-b627-88b2560ddd46	2026-12-08 13:00:00+00	2026-12-08 16:00:00+00	Paris — salle Turing	15	2	published	\N	t	2026-12-01 14:08:10.681378+00	2026-12-01 14:08:10.683415+00	2	2026-12-01 14:08:10.774914+00
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
