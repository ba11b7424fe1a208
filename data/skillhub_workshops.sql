-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+6ef3d62b1e718b2dd82416b96c7cb6b703873db9
-- Schema version: sql.0005_registration_seats.sql
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
CREATE TABLE schema_versions (
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schema_versions_Id" PRIMARY KEY (schemaversionsid)
);
-- skillhub:schema:end
COPY schema_versions (schemaversionsid, scriptname, applied) FROM stdin;
1	sql.0001_users.sql	2026-11-25 22:27:40.762454
2	sql.0002_refresh_tokens.sql	2026-11-25 22:27:40.781803
3	sql.0003_login_throttle.sql	2026-11-25 22:27:40.788391
4	sql.0004_workshops.sql	2026-11-25 22:27:40.801562
5	sql.0005_registration_seats.sql	2026-11-25 22:27:40.804879
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at) FROM stdin;
01a214d2-5ee3-7ae6-8fa2-ac77e9005ba8	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$mcZ7KI04v2XxkB/z98f32Q==$3a4zUZQ6a4DcT9/Jer9VgkdtOy7facuikCpqGMmoMOTs53FasKWbk6YpGXTdwydAbBW3NtqWoNJIHc1OyXmNOQ==	admin	f	2026-11-25 22:27:40.899743+00	2026-11-25 22:27:40.899743+00
01a214d2-5f5f-7f19-8715-e0b13f0b4f84	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$OiG2l+QjPPrsDxxhFWEjuA==$U0ugig73bJ5ViOfLRfMH27aclrkknt/JKobnXs5Q2aXBYJm9mVZMwbay3WYaw/qkG0f9aB1lTlvQtWmDHPmBwQ==	trainer	f	2026-11-25 22:27:41.023559+00	2026-11-25 22:27:41.023559+00
01a214d2-5fd2-7ab3-95ba-4eb6c4ea2d5c	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$hiTvTOHYsOUqIZWh3zXz5g==$6iZA7HS5eqgtPd98htgZt7sm0ZnXPjIrcTu2GHsggpj3KSbC2U/GjYodCPvZDRMmu63JzNyDaNgn+yOGsVG7Vg==	trainer	f	2026-11-25 22:27:41.138411+00	2026-11-25 22:27:41.138411+00
01a214d2-6047-71be-8bea-ae979425c4f8	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$MXy5L3ah7DIryCByxUpXrw==$WXTkaYFkZSylkr1IWWnHZeOk0peH07n3wSUbJjhtM9dhy9AGWxxmS5RIer448ViV1LxYemmCXkF0kFI6L0fxZw==	trainer	f	2026-11-25 22:27:41.255499+00	2026-11-25 22:27:41.255499+00
01a214d2-60bd-79c0-8bd9-0c9afb936cfd	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$WTygxXKRDpoA/r9rM1OQPw==$oAknSfNzNbHIBkqVYFtda9uuM51c376++CU/1XjqujQJQkjeCFGkXWq7CFcie9OOX/nU5u7k3f5XAP3YkNscWQ==	participant	f	2026-11-25 22:27:41.373864+00	2026-11-25 22:27:41.373864+00
01a214d2-6131-7cdd-8c49-007de5958512	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$qDliggSS/OgovvrBnyNW0Q==$sWqpOkm2YIbLfqViO0qKeEq8MgXH1qRr5PwWo3HbUYnW0ABOnjkeC+diwK6nQYrADYNUBeS76s7sDb4QDzjLnQ==	participant	f	2026-11-25 22:27:41.489398+00	2026-11-25 22:27:41.489398+00
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at) FROM stdin;
01a214d2-61d2-7ee4-a291-56ab75992c02	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a214d2-5f5f-7f19-8715-e0b13f0b4f84	2026-12-07 09:00:00+00	2026-12-07 11:00:00+00	En ligne	25	0	published	\N	f	2026-11-25 22:27:41.650823+00	2026-11-25 22:27:41.651506+00	2	2026-11-25 22:27:41.650823+00
01a214d2-61d4-70a5-98ee-541874c1ccfe	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a214d2-5f5f-7f19-8715-e0b13f0b4f84	2026-12-14 08:00:00+00	2026-12-14 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-11-25 22:27:41.652531+00	2026-11-25 22:27:41.653336+00	2	2026-11-25 22:27:41.652531+00
01a214d2-61d6-7a4f-9957-be7b8192e277	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a214d2-5fd2-7ab3-95ba-4eb6c4ea2d5c	2026-11-29 14:00:00+00	2026-11-29 16:00:00+00	Lyon — espace Lumière	8	0	published	\N	f	2026-11-25 22:27:41.654238+00	2026-11-25 22:27:41.654887+00	2	2026-11-25 22:27:41.654238+00
01a214d2-61d7-79d2-a586-72a187c907a0	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a214d2-5fd2-7ab3-95ba-4eb6c4ea2d5c	2026-12-04 07:00:00+00	2026-12-04 09:00:00+00	En ligne	30	0	published	\N	f	2026-11-25 22:27:41.655768+00	2026-11-25 22:27:41.656495+00	2	2026-11-25 22:27:41.655768+00
01a214d2-61d9-7cfa-84e3-51eb98df775d	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a214d2-5fd2-7ab3-95ba-4eb6c4ea2d5c	2026-12-11 09:00:00+00	2026-12-11 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-11-25 22:27:41.657424+00	2026-11-25 22:27:41.658274+00	2	2026-11-25 22:27:41.657424+00
01a214d2-61db-7873-a71c-ca984c7ce973	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a214d2-5fd2-7ab3-95ba-4eb6c4ea2d5c	2026-12-19 13:00:00+00	2026-12-19 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-11-25 22:27:41.659329+00	2026-11-25 22:27:41.659934+00	2	2026-11-25 22:27:41.659329+00
01a214d2-61dc-71dd-a35f-75c07be450c8	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a214d2-6047-71be-8bea-ae979425c4f8	2026-11-30 15:00:00+00	2026-11-30 17:00:00+00	Bordeaux — Darwin	10	0	published	\N	f	2026-11-25 22:27:41.660825+00	2026-11-25 22:27:41.661401+00	2	2026-11-25 22:27:41.660825+00
01a214d2-61de-71e0-8771-aba83dbb9067	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a214d2-6047-71be-8bea-ae979425c4f8	2026-12-05 08:00:00+00	2026-12-05 10:00:00+00	En ligne	40	0	published	\N	f	2026-11-25 22:27:41.662236+00	2026-11-25 22:27:41.662846+00	2	2026-11-25 22:27:41.662236+00
01a214d2-61df-7701-b0cb-2e596262a5e9	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a214d2-6047-71be-8bea-ae979425c4f8	2026-12-12 12:00:00+00	2026-12-12 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-11-25 22:27:41.663675+00	2026-11-25 22:27:41.664193+00	2	2026-11-25 22:27:41.663675+00
01a214d2-61e0-7070-816c-0da183af7224	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a214d2-6047-71be-8bea-ae979425c4f8	2026-12-21 08:00:00+00	2026-12-21 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-11-25 22:27:41.664976+00	2026-11-25 22:27:41.665537+00	2	2026-11-25 22:27:41.664976+00
01a214d2-61c6-7a22-a2f7-01c30064e0be	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a214d2-5f5f-7f19-8715-e0b13f0b4f84	2026-11-28 08:00:00+00	2026-11-28 11:00:00+00	Paris — salle Turing	12	2	published	\N	t	2026-11-25 22:27:41.640893+00	2026-11-25 22:27:41.646516+00	2	2026-11-25 22:27:41.694359+00
01a214d2-61d0-7db9-a84e-a1fcf2734877	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a214d2-5f5f-7f19-8715-e0b13f0b4f84	2026-12-02 13:00:00+00	2026-12-02 16:00:00+00	Paris — salle Turing	15	2	published	\N	t	2026-11-25 22:27:41.648678+00	2026-11-25 22:27:41.649642+00	2	2026-11-25 22:27:41.697886+00
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 4, true);
COMMIT;
