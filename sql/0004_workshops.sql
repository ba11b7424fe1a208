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
