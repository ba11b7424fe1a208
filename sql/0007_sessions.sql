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
