-- Who may do what in this team. The members live in the team's own database, so each
-- team (each database) has its own: a viewer reads, an editor also sends changes, an
-- admin also adds and removes members. The server enforces it twice over:
-- - grants: each member's login gets exactly its role's privileges, and loses them all
--   when removed (the cluster-wide group roles of the first version grant nothing
--   here any more);
-- - row-level security: a row of the team is visible only to a login listed as a
--   member, so a login that keeps a grant some other way (a group role, a slip) still
--   reads nothing once removed.
-- Changes still go only through rollplan.push_change, which checks the role again.
-- Only `rollplan.meta` (schema version and workspace id, no content) stays readable by
-- every login, so any copy can be told what the server is before anything else.

CREATE TABLE rollplan.members (
    login        text PRIMARY KEY,
    role         text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    display_name text,
    added_by     text NOT NULL DEFAULT session_user,
    added_at     timestamptz NOT NULL DEFAULT now()
);

-- Whoever creates or upgrades the team is its first administrator, as is the login that
-- created it (an upgrade may be run by another administrator).
INSERT INTO rollplan.members (login, role, added_by) VALUES (current_user, 'admin', current_user)
    ON CONFLICT DO NOTHING;
INSERT INTO rollplan.members (login, role, added_by)
    SELECT created_by, 'admin', current_user FROM rollplan.meta
    ON CONFLICT DO NOTHING;

-- The login that owns the schema: it created the team, bypasses row-level security as
-- owner, and so always stays an administrator.
CREATE FUNCTION rollplan.owner_login() RETURNS text
LANGUAGE sql STABLE SET search_path = rollplan, pg_temp AS $$
    SELECT pg_get_userbyid(nspowner)::text FROM pg_namespace WHERE nspname = 'rollplan'
$$;

-- Whether `p_login` may manage members: an admin, the owner, or a superuser (IT).
CREATE FUNCTION rollplan.may_manage(p_login text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = rollplan, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM rollplan.members WHERE login = p_login AND role = 'admin')
        OR p_login = rollplan.owner_login()
        OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login AND rolsuper)
$$;

-- Gives `p_login` exactly the privileges of `p_role` (none when NULL). The owner and
-- superusers hold every privilege anyway and are left alone: revoking the owner's own
-- grants would lock the team out.
CREATE FUNCTION rollplan.apply_grants(p_login text, p_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = rollplan, pg_temp AS $$
BEGIN
    IF p_login = rollplan.owner_login()
       OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login AND rolsuper) THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA rollplan FROM %I', p_login);
    EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA rollplan FROM %I', p_login);
    IF p_role IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA rollplan TO %I', p_login);
    EXECUTE format('GRANT EXECUTE ON FUNCTION rollplan.member_list() TO %I', p_login);
    IF p_role IN ('editor', 'admin') THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION
            rollplan.push_change(uuid, uuid, text, text, bigint, jsonb) TO %I', p_login);
    END IF;
    IF p_role = 'admin' THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION rollplan.add_member(text, text, text) TO %I',
                       p_login);
        EXECUTE format('GRANT EXECUTE ON FUNCTION rollplan.remove_member(text) TO %I', p_login);
    END IF;
END;
$$;

-- Refusals a person can act on carry SQLSTATE RP001 and a message written for them.
CREATE FUNCTION rollplan.refuse(p_message text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'RP001', MESSAGE = p_message;
END;
$$;

-- The last administrator cannot be removed or made anything less.
CREATE FUNCTION rollplan.keep_an_admin(p_login text) RETURNS void
LANGUAGE plpgsql SET search_path = rollplan, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM rollplan.members WHERE login = p_login AND role = 'admin')
       AND (SELECT count(*) FROM rollplan.members WHERE role = 'admin') = 1 THEN
        PERFORM rollplan.refuse(format(
            '%s is this team''s only administrator; make someone else an administrator first.',
            p_login));
    END IF;
END;
$$;

-- Adds a member, or changes a member's role (and display name, when given).
CREATE FUNCTION rollplan.add_member(p_login text, p_role text, p_name text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = rollplan, pg_temp AS $$
BEGIN
    IF NOT rollplan.may_manage(session_user) THEN
        RAISE EXCEPTION 'only an administrator of this team adds and removes members'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_role IS NULL OR p_role NOT IN ('viewer', 'editor', 'admin') THEN
        PERFORM rollplan.refuse(format('%s is not a role; a member is a viewer, an editor or an admin.',
                                       COALESCE(p_role, 'Nothing')));
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION USING ERRCODE = 'undefined_object',
            MESSAGE = format('there is no login %s on the server', p_login);
    END IF;
    IF p_login = rollplan.owner_login() AND p_role <> 'admin' THEN
        PERFORM rollplan.refuse(format(
            '%s created this team and stays its administrator.', p_login));
    END IF;
    IF p_role <> 'admin' THEN
        PERFORM rollplan.keep_an_admin(p_login);
    END IF;
    INSERT INTO rollplan.members (login, role, display_name, added_by)
        VALUES (p_login, p_role, NULLIF(btrim(p_name), ''), session_user)
        ON CONFLICT (login) DO UPDATE
           SET role = excluded.role,
               display_name = COALESCE(excluded.display_name, members.display_name);
    PERFORM rollplan.apply_grants(p_login, p_role);
END;
$$;

-- Removes a member: their grants go at once, and row-level security hides every row.
CREATE FUNCTION rollplan.remove_member(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = rollplan, pg_temp AS $$
BEGIN
    IF NOT rollplan.may_manage(session_user) THEN
        RAISE EXCEPTION 'only an administrator of this team adds and removes members'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM rollplan.members WHERE login = p_login) THEN
        PERFORM rollplan.refuse(format('%s is not a member of this team.', p_login));
    END IF;
    IF p_login = rollplan.owner_login() THEN
        PERFORM rollplan.refuse(format(
            '%s created this team and stays its administrator.', p_login));
    END IF;
    PERFORM rollplan.keep_an_admin(p_login);
    DELETE FROM rollplan.members WHERE login = p_login;
    PERFORM rollplan.apply_grants(p_login, NULL);
END;
$$;

-- Every member, for members (the table's own policy shows a login only its own row).
CREATE FUNCTION rollplan.member_list()
RETURNS TABLE (login text, role text, display_name text, added_by text, added_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = rollplan, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM rollplan.members m WHERE m.login = session_user)
       AND NOT rollplan.may_manage(session_user) THEN
        RAISE EXCEPTION 'only members of this team see its members'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY SELECT m.login, m.role, m.display_name, m.added_by, m.added_at
                   FROM rollplan.members m
                  ORDER BY CASE m.role WHEN 'admin' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END,
                           m.login;
END;
$$;

-- What the signed-in login is here, asked by every copy on connecting (any login may
-- ask): {"login", "role" (null: not a member), "admin": whom to ask for more}. The
-- administrator named is the one who added this member, if still one, else the first.
CREATE FUNCTION rollplan.membership() RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = rollplan, pg_temp AS $$
DECLARE
    v_me    rollplan.members;
    v_admin text;
BEGIN
    SELECT * INTO v_me FROM rollplan.members WHERE login = session_user;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('login', session_user, 'role', NULL, 'admin', NULL);
    END IF;
    SELECT COALESCE(a.display_name, a.login) INTO v_admin FROM rollplan.members a
     WHERE a.role = 'admin'
     ORDER BY (a.login = v_me.added_by) DESC, a.added_at, a.login LIMIT 1;
    RETURN jsonb_build_object('login', session_user, 'role', v_me.role, 'admin', v_admin);
END;
$$;

-- The merge rule itself stays as it was, now reached only through a check of the role.
ALTER FUNCTION rollplan.push_change(uuid, uuid, text, text, bigint, jsonb)
    RENAME TO merge_change;

CREATE FUNCTION rollplan.push_change(
    p_change_id uuid, p_replica_id uuid, p_table text, p_row text,
    p_based_on bigint, p_fields jsonb
) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = rollplan, pg_temp AS $$
BEGIN
    IF COALESCE((SELECT m.role FROM rollplan.members m WHERE m.login = session_user), 'none')
       NOT IN ('editor', 'admin') THEN
        RAISE EXCEPTION 'only an editor or an administrator of this team may change it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN rollplan.merge_change(p_change_id, p_replica_id, p_table, p_row, p_based_on, p_fields);
END;
$$;

-- Functions are callable by everyone unless taken back; only these two are meant to be.
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA rollplan FROM PUBLIC;
GRANT USAGE ON SCHEMA rollplan TO PUBLIC;
GRANT SELECT ON rollplan.meta TO PUBLIC;
GRANT EXECUTE ON FUNCTION rollplan.membership() TO PUBLIC;

-- Row-level security: a member's login reads every row, anyone else none. Nobody but
-- the owner (through push_change) writes: there is no policy for writing at all.
ALTER TABLE rollplan.members ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_row ON rollplan.members FOR SELECT USING (login = current_user);
DO $$
DECLARE
    v_table text;
BEGIN
    FOREACH v_table IN ARRAY ARRAY['changes', 'rows', 'received', 'conflicts'] LOOP
        EXECUTE format('ALTER TABLE rollplan.%I ENABLE ROW LEVEL SECURITY', v_table);
        EXECUTE format('CREATE POLICY members_read ON rollplan.%I FOR SELECT USING (
            EXISTS (SELECT 1 FROM rollplan.members m WHERE m.login = current_user))', v_table);
    END LOOP;
END;
$$;

-- A team of the first version gave access through the cluster-wide roles
-- rollplan_viewer and rollplan_editor. Their logins become members with the same
-- role, so nobody loses access by the upgrade; then those roles grant nothing here.
DO $$
DECLARE
    v_member record;
BEGIN
    FOR v_member IN
        SELECT m.rolname::text AS login, bool_or(g.rolname = 'rollplan_editor') AS editor
          FROM pg_auth_members am
          JOIN pg_roles g ON g.oid = am.roleid
          JOIN pg_roles m ON m.oid = am.member
         WHERE g.rolname IN ('rollplan_viewer', 'rollplan_editor') AND m.rolcanlogin
         GROUP BY m.rolname
    LOOP
        INSERT INTO rollplan.members (login, role, added_by)
            VALUES (v_member.login, CASE WHEN v_member.editor THEN 'editor' ELSE 'viewer' END,
                    current_user)
            ON CONFLICT DO NOTHING;
    END LOOP;
    FOR v_member IN SELECT login, role FROM rollplan.members LOOP
        PERFORM rollplan.apply_grants(v_member.login, v_member.role);
    END LOOP;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollplan_viewer') THEN
        REVOKE ALL ON ALL TABLES IN SCHEMA rollplan FROM rollplan_viewer;
        REVOKE ALL ON ALL FUNCTIONS IN SCHEMA rollplan FROM rollplan_viewer;
        REVOKE ALL ON SCHEMA rollplan FROM rollplan_viewer;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollplan_editor') THEN
        REVOKE ALL ON ALL TABLES IN SCHEMA rollplan FROM rollplan_editor;
        REVOKE ALL ON ALL FUNCTIONS IN SCHEMA rollplan FROM rollplan_editor;
        REVOKE ALL ON SCHEMA rollplan FROM rollplan_editor;
    END IF;
END;
$$;
