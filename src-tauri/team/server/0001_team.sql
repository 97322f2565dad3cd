-- The team's shared workspace on PostgreSQL: everything lives in the schema `rollplan`.
-- The current value of every row (with, per field, the sequence number of the change that
-- set it), every accepted change with who made it and when, and every conflict. The rule
-- that decides between two people's edits is `rollplan.push_change`, so it holds for
-- every client, and members reach the tables only through it and through SELECT.

CREATE SCHEMA rollplan;

-- One row: which schema version this is and which workspace the team shares.
CREATE TABLE rollplan.meta (
    id             integer PRIMARY KEY CHECK (id = 1),
    schema_version integer NOT NULL,
    workspace_id   uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL DEFAULT session_user
);

-- Every accepted change, in the order it was accepted. `fields` holds only the fields
-- that were accepted; NULL means the row was deleted.
CREATE TABLE rollplan.changes (
    seq        bigserial PRIMARY KEY,
    change_id  uuid NOT NULL UNIQUE,
    replica_id uuid NOT NULL,
    table_name text NOT NULL,
    row_id     text NOT NULL,
    fields     jsonb,
    author     text NOT NULL DEFAULT session_user,
    at         timestamptz NOT NULL DEFAULT now()
);

-- The workspace as it stands: each row's fields, and per field the `seq` of the change
-- that set it (what a later edit is compared with). A deleted row keeps its place, with
-- the `seq` of its deletion, so a copy that had not seen the deletion cannot revive it.
CREATE TABLE rollplan.rows (
    table_name  text NOT NULL,
    row_id      text NOT NULL,
    fields      jsonb NOT NULL DEFAULT '{}',
    field_seq   jsonb NOT NULL DEFAULT '{}',
    deleted     boolean NOT NULL DEFAULT false,
    deleted_seq bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (table_name, row_id)
);

-- The answer given to every change received, so a change sent again (after a dropped
-- connection) gets the same answer and changes nothing.
CREATE TABLE rollplan.received (
    change_id  uuid PRIMARY KEY,
    answer     jsonb NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);

-- A field someone changed without having seen another person's newer value: both
-- values and both people, for the record (the laptop keeps its own copy to resolve).
CREATE TABLE rollplan.conflicts (
    id          bigserial PRIMARY KEY,
    change_id   uuid NOT NULL,
    table_name  text NOT NULL,
    row_id      text NOT NULL,
    field       text NOT NULL,
    yours       jsonb,
    theirs      jsonb,
    theirs_seq  bigint NOT NULL,
    yours_by    text NOT NULL DEFAULT session_user,
    at          timestamptz NOT NULL DEFAULT now()
);

-- One change from one copy of the workspace. A field is accepted when nobody else has
-- changed it since the copy last pulled (`based_on_seq`), when this copy itself made the
-- latest change to it, or when the value is the same; otherwise it is a conflict and the
-- server's value stays. A deletion (`fields` NULL) is always accepted. Returns
-- {"seq", "accepted": [field...], "conflicts": [{field, theirs, seq, by, at, deleted}]}.
CREATE FUNCTION rollplan.push_change(
    p_change_id uuid, p_replica_id uuid, p_table text, p_row text,
    p_based_on bigint, p_fields jsonb
) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = rollplan, pg_temp AS $$
DECLARE
    v_earlier   jsonb;
    v_row       rollplan.rows;
    v_field     text;
    v_value     jsonb;
    v_field_at  bigint;
    v_last_by   uuid;
    v_accepted  jsonb := '{}';
    v_clashes   jsonb := '[]';
    v_seq       bigint;
    v_answer    jsonb;
    v_theirs    rollplan.changes;
BEGIN
    -- One writer at a time: sequence numbers then become visible in order, so a copy
    -- that pulled up to N never later misses a change numbered below N.
    PERFORM pg_advisory_xact_lock(7206550);
    SELECT r.answer INTO v_earlier FROM rollplan.received r WHERE r.change_id = p_change_id;
    IF FOUND THEN
        RETURN v_earlier;
    END IF;
    IF p_fields = '{}'::jsonb THEN
        -- Nothing to decide; no row is made for it either.
        v_answer := jsonb_build_object('seq', NULL, 'accepted', '[]'::jsonb,
                                       'conflicts', '[]'::jsonb);
        INSERT INTO rollplan.received (change_id, answer) VALUES (p_change_id, v_answer);
        RETURN v_answer;
    END IF;
    INSERT INTO rollplan.rows (table_name, row_id) VALUES (p_table, p_row)
        ON CONFLICT DO NOTHING;
    SELECT * INTO v_row FROM rollplan.rows
        WHERE table_name = p_table AND row_id = p_row FOR UPDATE;

    IF p_fields IS NULL THEN
        INSERT INTO rollplan.changes (change_id, replica_id, table_name, row_id, fields, author)
            VALUES (p_change_id, p_replica_id, p_table, p_row, NULL, session_user)
            RETURNING seq INTO v_seq;
        UPDATE rollplan.rows SET fields = '{}', field_seq = '{}', deleted = true,
               deleted_seq = v_seq
         WHERE table_name = p_table AND row_id = p_row;
        v_answer := jsonb_build_object('seq', v_seq, 'accepted', '[]'::jsonb,
                                     'conflicts', '[]'::jsonb);
        INSERT INTO rollplan.received (change_id, answer) VALUES (p_change_id, v_answer);
        RETURN v_answer;
    END IF;

    FOR v_field, v_value IN SELECT * FROM jsonb_each(p_fields) LOOP
        IF v_row.deleted AND v_row.deleted_seq > p_based_on THEN
            v_field_at := v_row.deleted_seq;
        ELSE
            v_field_at := COALESCE((v_row.field_seq ->> v_field)::bigint, 0);
        END IF;
        v_last_by := NULL;
        IF v_field_at > p_based_on THEN
            SELECT c.replica_id INTO v_last_by FROM rollplan.changes c WHERE c.seq = v_field_at;
        END IF;
        IF v_field_at <= p_based_on
           OR v_last_by = p_replica_id
           OR (NOT v_row.deleted AND v_row.fields -> v_field IS NOT DISTINCT FROM v_value)
        THEN
            v_accepted := v_accepted || jsonb_build_object(v_field, v_value);
        ELSE
            SELECT * INTO v_theirs FROM rollplan.changes c WHERE c.seq = v_field_at;
            v_clashes := v_clashes || jsonb_build_array(jsonb_build_object(
                'field', v_field,
                'theirs', COALESCE(v_row.fields -> v_field, 'null'::jsonb),
                'seq', v_field_at,
                'by', v_theirs.author,
                'at', v_theirs.at,
                'deleted', v_row.deleted));
            INSERT INTO rollplan.conflicts
                (change_id, table_name, row_id, field, yours, theirs, theirs_seq, yours_by)
                VALUES (p_change_id, p_table, p_row, v_field, v_value, v_row.fields -> v_field,
                        v_field_at, session_user);
        END IF;
    END LOOP;

    IF v_accepted <> '{}'::jsonb THEN
        INSERT INTO rollplan.changes (change_id, replica_id, table_name, row_id, fields, author)
            VALUES (p_change_id, p_replica_id, p_table, p_row, v_accepted, session_user)
            RETURNING seq INTO v_seq;
        UPDATE rollplan.rows
           SET fields = CASE WHEN deleted THEN v_accepted ELSE fields || v_accepted END,
               field_seq = CASE WHEN deleted THEN '{}'::jsonb ELSE field_seq END
                   || (SELECT jsonb_object_agg(k, v_seq) FROM jsonb_object_keys(v_accepted) k),
               deleted = false
         WHERE table_name = p_table AND row_id = p_row;
    END IF;
    v_answer := jsonb_build_object(
        'seq', v_seq,
        'accepted', (SELECT COALESCE(jsonb_agg(k), '[]'::jsonb) FROM jsonb_object_keys(v_accepted) k),
        'conflicts', v_clashes);
    INSERT INTO rollplan.received (change_id, answer) VALUES (p_change_id, v_answer);
    RETURN v_answer;
END;
$$;

REVOKE ALL ON FUNCTION rollplan.push_change(uuid, uuid, text, text, bigint, jsonb) FROM PUBLIC;

-- Members: a viewer reads, an editor also sends changes (only through push_change, which
-- runs with the owner's rights). The roles are made once per server; an admin without
-- the right to create roles still gets a working team, only without them.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollplan_viewer') THEN
        CREATE ROLE rollplan_viewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollplan_editor') THEN
        CREATE ROLE rollplan_editor NOLOGIN IN ROLE rollplan_viewer;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'rollplan_viewer and rollplan_editor were not created: this login may not create roles';
END;
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollplan_viewer') THEN
        GRANT USAGE ON SCHEMA rollplan TO rollplan_viewer;
        GRANT SELECT ON ALL TABLES IN SCHEMA rollplan TO rollplan_viewer;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rollplan_editor') THEN
        GRANT EXECUTE ON FUNCTION rollplan.push_change(uuid, uuid, text, text, bigint, jsonb)
            TO rollplan_editor;
    END IF;
END;
$$;
