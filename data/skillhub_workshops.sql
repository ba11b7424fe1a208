-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+923d42ad0a68da7162dbf2a8b4d258b6f397c92b
-- Schema version: sql.0008_throttle_reservations.sql
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
-- sql.0008_throttle_reservations.sql
-- Attempts are reserved before any password is hashed, so `failures` now counts reserved attempts
-- (a successful login gives its reservation back). Two more scopes: 'account_address', the strict
-- count of one account from one address, and 'register', account creations per client address.
ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_scope_check;
ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_scope_check
    CHECK (scope IN ('account', 'address', 'account_address', 'register'));
CREATE TABLE schema_versions (
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schema_versions_Id" PRIMARY KEY (schemaversionsid)
);
-- skillhub:schema:end
COPY schema_versions (schemaversionsid, scriptname, applied) FROM stdin;
1	sql.0001_users.sql	2026-12-01 10:17:07.62679
2	sql.0002_refresh_tokens.sql	2026-12-01 10:17:07.671318
3	sql.0003_login_throttle.sql	2026-12-01 10:17:07.692598
4	sql.0004_workshops.sql	2026-12-01 10:17:07.734232
5	sql.0005_registration_seats.sql	2026-12-01 10:17:07.744808
6	sql.0006_request_seat_no_idle_write.sql	2026-12-01 10:17:07.749571
7	sql.0008_throttle_reservations.sql	2026-12-01 10:17:07.753849
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at) FROM stdin;
01a2311b-b138-73b8-8d96-75d954f8af5c	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$D8t11OhWyjwB7h1Dfj6Znw==$heQkze+6G2pCMXOUAkobhBm6It8cGeUg/MokEJh25wxT1JwFLW2xh14wRyRYju50CQaQ9IfFvAW/g4XK65LEPg==	admin	f	2026-12-01 10:17:08.152221+00	2026-12-01 10:17:08.152221+00
01a2311b-b21a-7c7d-a037-26040eb4b731	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$1BBkacB+ZC6Sx7l6VhgcXg==$XgH/uWaOJKpxwrrI7BglTYvr8D+yDvMZ9ju1qqp5poknKcgXixbt6lBOImRDhg1ADLVlH9B1MIG+cEPJEaxu8w==	trainer	f	2026-12-01 10:17:08.378418+00	2026-12-01 10:17:08.378418+00
01a2311b-b2d9-72e0-b549-34f8f42a741a	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$IPhN83RMSsdyJjnBkNLmNg==$OiBgf38IAVw90a9gD/kb/K/QynevGrYzeMDOpeFzOEgQBaPy9lfHiYrfoisGmtBXwkrHzaR/n0N9RDADGDLCaA==	trainer	f	2026-12-01 10:17:08.569328+00	2026-12-01 10:17:08.569328+00
01a2311b-b387-7307-b22f-4f78afaf4bce	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$T1B2BQiOlIKz3ai0csdI0Q==$/g0shQRIcZBsuMnwaTKUnxlu3vrbQGM5E7bA6YCya3kQbnYFQGXKMAzwrsa/UoSnR1DnXpiovjZMYy1i7loE3A==	trainer	f	2026-12-01 10:17:08.743545+00	2026-12-01 10:17:08.743545+00
01a2311b-b499-727d-9ae1-7ef79b2e7368	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$+jQQfzCmp/edmDs4ziqb2A==$qc/X9Fq9QWPbyPTSddamwzHNwZx0MeMb99yGzqzEyDqjgj4fLWQ7LDk3xkNfb/KPBjzV9u8DunRhMiJXwg5rNw==	participant	f	2026-12-01 10:17:09.017384+00	2026-12-01 10:17:09.017384+00
01a2311b-b579-700d-9ae8-309ae268c36e	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$H/S+W2GDSxPM8WEzP2ujkg==$xDBgcmN/8dnW+PIobT+BID0bmrdQUjn50wdPKCUgrMR85N/zokpSAOC7AWIGh8CTybWAhdBI+8xLOkJtQOEdnQ==	participant	f	2026-12-01 10:17:09.241596+00	2026-12-01 10:17:09.241596+00
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at) FROM stdin;
01a2311b-b675-7cca-8bf9-8157097fa0f4	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a2311b-b21a-7c7d-a037-26040eb4b731	2026-12-13 09:00:00+00	2026-12-13 11:00:00+00	En ligne	25	0	published	\N	f	2026-12-01 10:17:09.494274+00	2026-12-01 10:17:09.500146+00	2	2026-12-01 10:17:09.494274+00
01a2311b-b67f-7fbf-9643-85a04b1fafae	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a2311b-b21a-7c7d-a037-26040eb4b731	2026-12-20 08:00:00+00	2026-12-20 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-12-01 10:17:09.503514+00	2026-12-01 10:17:09.504781+00	2	2026-12-01 10:17:09.503514+00
01a2311b-b683-7be8-b580-46cab85d5e94	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a2311b-b2d9-72e0-b549-34f8f42a741a	2026-12-05 14:00:00+00	2026-12-05 16:00:00+00	Lyon — espace Lumière	8	0	published	\N	f	2026-12-01 10:17:09.508381+00	2026-12-01 10:17:09.51299+00	2	2026-12-01 10:17:09.508381+00
01a2311b-b68d-7192-893b-fea0b7e0c9ca	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a2311b-b2d9-72e0-b549-34f8f42a741a	2026-12-10 07:00:00+00	2026-12-10 09:00:00+00	En ligne	30	0	published	\N	f	2026-12-01 10:17:09.517508+00	2026-12-01 10:17:09.522521+00	2	2026-12-01 10:17:09.517508+00
01a2311b-b694-786b-96a3-7054fb7f9726	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a2311b-b2d9-72e0-b549-34f8f42a741a	2026-12-17 09:00:00+00	2026-12-17 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-12-01 10:17:09.525325+00	2026-12-01 10:17:09.527213+00	2	2026-12-01 10:17:09.525325+00
01a2311b-b698-745d-ba12-4c0491b08cc3	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a2311b-b2d9-72e0-b549-34f8f42a741a	2026-12-25 13:00:00+00	2026-12-25 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-12-01 10:17:09.529011+00	2026-12-01 10:17:09.532943+00	2	2026-12-01 10:17:09.529011+00
01a2311b-b6a1-7c7f-b4a3-e1406ead96fe	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a2311b-b387-7307-b22f-4f78afaf4bce	2026-12-06 15:00:00+00	2026-12-06 17:00:00+00	Bordeaux — Darwin	10	0	published	\N	f	2026-12-01 10:17:09.537812+00	2026-12-01 10:17:09.539884+00	2	2026-12-01 10:17:09.537812+00
01a2311b-b6a7-7912-8705-f08c75a2cee4	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a2311b-b387-7307-b22f-4f78afaf4bce	2026-12-11 08:00:00+00	2026-12-11 10:00:00+00	En ligne	40	0	published	\N	f	2026-12-01 10:17:09.543639+00	2026-12-01 10:17:09.545272+00	2	2026-12-01 10:17:09.543639+00
01a2311b-b6ad-7f41-8c9a-193c9d705370	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a2311b-b387-7307-b22f-4f78afaf4bce	2026-12-18 12:00:00+00	2026-12-18 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-12-01 10:17:09.549377+00	2026-12-01 10:17:09.553089+00	2	2026-12-01 10:17:09.549377+00
01a2311b-b6b8-7eb2-ad3a-f4a62cc62ff4	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a2311b-b387-7307-b22f-4f78afaf4bce	2026-12-27 08:00:00+00	2026-12-27 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-12-01 10:17:09.561082+00	2026-12-01 10:17:09.562935+00	2	2026-12-01 10:17:09.561082+00
01a2311b-b653-77e7-9a42-151d569f1e51	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a2311b-b21a-7c7d-a037-26040eb4b731	2026-12-04 08:00:00+00	2026-12-04 11:00:00+00	Paris — salle Turing	12	2	published	\N	t	2026-12-01 10:17:09.463477+00	2026-12-01 10:17:09.475257+00	2	2026-12-01 10:17:09.637887+00
01a2311b-b667-737b-88cb-1c413afa8944	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a2311b-b21a-7c7d-a037-26040eb4b731	2026-12-08 13:00:00+00	2026-12-08 16:00:00+00	Paris — salle Turing	15	2	published	\N	t	2026-12-01 10:17:09.480479+00	2026-12-01 10:17:09.485199+00	2	2026-12-01 10:17:09.646522+00
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 4, true);
COMMIT;
