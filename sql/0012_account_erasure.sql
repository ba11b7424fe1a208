-- An erased account (DELETE /api/me): the row stays, for the ids that workshops, registrations,
-- comments and the activity log hold, but its name and address are replaced, its password can never
-- verify and it is disabled. Changing password_hash and disabled notifies the session caches (0007).
ALTER TABLE users ADD COLUMN erased_at timestamptz;

ALTER TABLE users ADD CONSTRAINT users_erased_is_disabled CHECK (erased_at IS NULL OR disabled);
