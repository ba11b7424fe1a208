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
