-- SkillHub PostgreSQL backup: restore with
--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql
-- App version: 1.0.0+fb75e47959925eb4d515808a9611f31bbda62693
-- Schema version: sql.0006_request_seat_no_idle_write.sql
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
CREATE TABLE schema_versions (
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schema_versions_Id" PRIMARY KEY (schemaversionsid)
);
-- skillhub:schema:end
COPY schema_versions (schemaversionsid, scriptname, applied) FROM stdin;
1	sql.0001_users.sql	2026-11-26 00:02:52.09457
2	sql.0002_refresh_tokens.sql	2026-11-26 00:02:52.112804
3	sql.0003_login_throttle.sql	2026-11-26 00:02:52.117248
4	sql.0004_workshops.sql	2026-11-26 00:02:52.129069
5	sql.0005_registration_seats.sql	2026-11-26 00:02:52.132391
6	sql.0006_request_seat_no_idle_write.sql	2026-11-26 00:02:52.133497
\.
COPY users (id, email, display_name, password_hash, role, disabled, created_at, updated_at) FROM stdin;
01a21529-84d2-7f54-9381-3975ee012d6e	admin@skillhub.demo	Alice Admin	pbkdf2-sha512$210000$re99I4cT7RDJgHXTtSDP6A==$gu2LLNERSqfMETE5l5uY35SCarRTTdCi//npo5AyjH9ZkwTvopr+RM2QUJl9ASDxJYQnepjS9jxYVeKVUhR5BA==	admin	f	2026-11-26 00:02:52.242169+00	2026-11-26 00:02:52.242169+00
01a21529-8557-7518-a470-802191e70d0d	claire.martin@skillhub.demo	Claire Martin	pbkdf2-sha512$210000$/ww2HeZlchkcJxvb3bWNIw==$kasvovvysgc7mGibQ3nDWwhYghaQDvTaf3uYUr5W+kRpMf2oN8E8pHwNOctztLTTgJNXRn52Hh7VWU1J3T2Q7A==	trainer	f	2026-11-26 00:02:52.375131+00	2026-11-26 00:02:52.375131+00
01a21529-85d7-7b65-8e9c-1e9a41368c73	karim.benali@skillhub.demo	Karim Benali	pbkdf2-sha512$210000$hAhDgRn2S7VjDtWEFVmpmw==$xyDetfiGabVSMbIU2Sl2qJzmpPXtkuxZrwUXR1+zRPzmLh/aW2CkvNoLDbbnbYcgl0YCp37juhHXRoDXdxvjhw==	trainer	f	2026-11-26 00:02:52.503672+00	2026-11-26 00:02:52.503672+00
01a21529-866f-7f4e-98bb-3aee6cbb9a35	sophie.lefevre@skillhub.demo	Sophie Lefèvre	pbkdf2-sha512$210000$rwVTEbLvEq+UsWqWlDlC9Q==$nH6wng8sMr6x46hj13wpbuPQa724WR2UPUdAVb/8e5VOL8hqroDgVEgGrGrRxNEfgkbByAUBPcdTse6UjCQt1g==	trainer	f	2026-11-26 00:02:52.655426+00	2026-11-26 00:02:52.655426+00
01a21529-86e9-7130-9e34-9c2ccc697bde	lea.dubois@skillhub.demo	Léa Dubois	pbkdf2-sha512$210000$f/Ve5etnMokeBg4ibSpG/A==$LjzHbI7657YwC/sN35QbLwozZpD2cJZZzd7y5uynDvIJ9PD1ejcuaZBbNHO7Ei/tJlQVTl+ZAdcWEw/avu1zUA==	participant	f	2026-11-26 00:02:52.777422+00	2026-11-26 00:02:52.777422+00
01a21529-8787-78ae-ab4b-037394a711ae	hugo.moreau@skillhub.demo	Hugo Moreau	pbkdf2-sha512$210000$Mcvsx/Ty9Vp0gOq9WJ6R/Q==$GD+EQUq/CuYyf5bEQpzy9tCRVH7/E4kgPnOvRyHCzKnri+yES/14HpRrG0SG/FnTDe6+Mjfzr1Jw/bsMSKbhvQ==	participant	f	2026-11-26 00:02:52.935718+00	2026-11-26 00:02:52.935718+00
\.
COPY workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken, status, cancel_reason, ever_registered, created_at, updated_at, version, seats_changed_at) FROM stdin;
01a21529-8829-7a77-9dc5-cc3affadb884	Tests automatisés en C#	xUnit, Moq et une base réelle : écrire des tests qui protègent vraiment.	01a21529-8557-7518-a470-802191e70d0d	2026-12-08 09:00:00+00	2026-12-08 11:00:00+00	En ligne	25	0	published	\N	f	2026-11-26 00:02:53.097722+00	2026-11-26 00:02:53.098422+00	2	2026-11-26 00:02:53.097722+00
01a21529-882b-7a98-a93b-c6db1dd337b8	Docker sans douleur	Images, conteneurs, volumes et docker compose pour un poste de développement.	01a21529-8557-7518-a470-802191e70d0d	2026-12-15 08:00:00+00	2026-12-15 12:00:00+00	Lyon — espace Lumière	10	0	published	\N	f	2026-11-26 00:02:53.099343+00	2026-11-26 00:02:53.099956+00	2	2026-11-26 00:02:53.099343+00
01a21529-882c-7065-8d73-6fddd10a0b0a	Prise de parole en public	Structurer un message, gérer le trac, capter l'attention d'une salle.	01a21529-85d7-7b65-8e9c-1e9a41368c73	2026-11-30 14:00:00+00	2026-11-30 16:00:00+00	Lyon — espace Lumière	8	0	published	\N	f	2026-11-26 00:02:53.100788+00	2026-11-26 00:02:53.101438+00	2	2026-11-26 00:02:53.100788+00
01a21529-882e-7822-a604-fbf517461512	Gestion du temps et des priorités	Matrice d'Eisenhower, time-boxing et outils simples pour tenir ses engagements.	01a21529-85d7-7b65-8e9c-1e9a41368c73	2026-12-05 07:00:00+00	2026-12-05 09:00:00+00	En ligne	30	0	published	\N	f	2026-11-26 00:02:53.102214+00	2026-11-26 00:02:53.102871+00	2	2026-11-26 00:02:53.102214+00
01a21529-882f-763a-9a8a-e386e08ffddb	Animer un atelier collaboratif	Techniques de facilitation pour des réunions productives et inclusives.	01a21529-85d7-7b65-8e9c-1e9a41368c73	2026-12-12 09:00:00+00	2026-12-12 12:00:00+00	Nantes — La Cantine	12	0	published	\N	f	2026-11-26 00:02:53.103853+00	2026-11-26 00:02:53.104483+00	2	2026-11-26 00:02:53.103853+00
01a21529-8831-74e6-b2de-af4e1fc4eb16	Négocier avec bienveillance	Communication non violente et négociation raisonnée au quotidien.	01a21529-85d7-7b65-8e9c-1e9a41368c73	2026-12-20 13:00:00+00	2026-12-20 16:00:00+00	Nantes — La Cantine	14	0	published	\N	f	2026-11-26 00:02:53.105322+00	2026-11-26 00:02:53.105878+00	2	2026-11-26 00:02:53.105322+00
01a21529-8832-70fa-9cfd-5f4bb0e47b51	Photographie au smartphone	Composition, lumière naturelle et retouche rapide, avec le téléphone que vous avez.	01a21529-866f-7f4e-98bb-3aee6cbb9a35	2026-12-01 15:00:00+00	2026-12-01 17:00:00+00	Bordeaux — Darwin	10	0	published	\N	f	2026-11-26 00:02:53.106576+00	2026-11-26 00:02:53.107097+00	2	2026-11-26 00:02:53.106576+00
01a21529-8833-72c4-9d5c-324d9a18375a	Excel : tableaux croisés dynamiques	Synthétiser des milliers de lignes en quelques clics, puis en graphiques.	01a21529-866f-7f4e-98bb-3aee6cbb9a35	2026-12-06 08:00:00+00	2026-12-06 10:00:00+00	En ligne	40	0	published	\N	f	2026-11-26 00:02:53.107833+00	2026-11-26 00:02:53.108416+00	2	2026-11-26 00:02:53.107833+00
01a21529-8835-7386-8c02-d75ca4f88151	Rédiger pour le web	Écrire des pages claires, accessibles et bien référencées.	01a21529-866f-7f4e-98bb-3aee6cbb9a35	2026-12-13 12:00:00+00	2026-12-13 15:00:00+00	Bordeaux — Darwin	16	0	published	\N	f	2026-11-26 00:02:53.109196+00	2026-11-26 00:02:53.109722+00	2	2026-11-26 00:02:53.109196+00
01a21529-8836-713f-a233-0d30f2b2bf28	Initiation à la comptabilité	Bilan, compte de résultat et trésorerie pour les non-spécialistes.	01a21529-866f-7f4e-98bb-3aee6cbb9a35	2026-12-22 08:00:00+00	2026-12-22 12:00:00+00	Paris — salle Turing	20	0	published	\N	f	2026-11-26 00:02:53.110415+00	2026-11-26 00:02:53.110929+00	2	2026-11-26 00:02:53.110415+00
01a21529-881c-7434-87d6-e84c5ec267c7	Initiation à Git et GitHub	Branches, commits, pull requests : les bases du travail en équipe sur du code.	01a21529-8557-7518-a470-802191e70d0d	2026-11-29 08:00:00+00	2026-11-29 11:00:00+00	Paris — salle Turing	12	2	published	\N	t	2026-11-26 00:02:53.086771+00	2026-11-26 00:02:53.093507+00	2	2026-11-26 00:02:53.140832+00
01a21529-8827-74e0-af08-a026db9aa719	SQL pour débutants	SELECT, JOIN, GROUP BY : interroger une base PostgreSQL pas à pas.	01a21529-8557-7518-a470-802191e70d0d	2026-12-03 13:00:00+00	2026-12-03 16:00:00+00	Paris — salle Turing	15	2	published	\N	t	2026-11-26 00:02:53.095818+00	2026-11-26 00:02:53.096747+00	2	2026-11-26 00:02:53.144393+00
\.
COPY refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at, spent_at, revoked_at) FROM stdin;
\.
COPY login_throttle (scope, key, failures, window_started_at, locked_until) FROM stdin;
\.
SELECT setval(pg_get_serial_sequence('schema_versions', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM schema_versions));
SELECT setval('registration_queue', 4, true);
COMMIT;
