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
