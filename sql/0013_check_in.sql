-- Wrong check-in codes are counted per (workshop, participant) with the login throttle's counters,
-- under their own scope 'check_in' (key: the workshop id and the user id, both without dashes).
ALTER TABLE login_throttle DROP CONSTRAINT login_throttle_scope_check;
ALTER TABLE login_throttle ADD CONSTRAINT login_throttle_scope_check
    CHECK (scope IN ('account', 'address', 'account_address', 'register', 'reset_account', 'reset_address', 'check_in'));
