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
