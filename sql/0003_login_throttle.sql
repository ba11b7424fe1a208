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
