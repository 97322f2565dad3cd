-- Live changes: every statement that adds accepted changes tells the listening copies
-- (`LISTEN rollplan_changes`) at its commit, so a teammate's edit reaches an open app
-- within moments instead of at its next slow poll. The payload is empty: a copy that
-- hears it pulls from its own last sequence number, so a lost or merged notification
-- costs nothing but a delay, and nothing of the team's content goes on the channel.
CREATE FUNCTION rollplan.notify_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = rollplan, pg_temp AS $$
BEGIN
    PERFORM pg_notify('rollplan_changes', '');
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION rollplan.notify_changes() FROM PUBLIC;

CREATE TRIGGER changes_notify AFTER INSERT ON rollplan.changes
    FOR EACH STATEMENT EXECUTE FUNCTION rollplan.notify_changes();
