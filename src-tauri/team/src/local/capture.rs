//! The capture triggers: after every insert, update and delete on a shared table, the
//! change goes into `team_outbox` with the fields that changed and the sequence number
//! this copy had pulled up to. They are plain SQL, so every program that writes the
//! file (the app, the CLI, a script) is captured without knowing about the team. They
//! are silent while pulled changes are applied (`team_link.applying`), so what others
//! changed is not sent back.
//!
//! Written from the tables as the file defines them, and written again whenever a
//! joined workspace is opened for team work: a migration that adds a column gets it
//! captured from then on.

use rusqlite::Transaction;

use super::tables::{literal, quoted, Table};
use crate::Result;

/// Every capture trigger is named with this prefix, so they can be found and dropped.
const PREFIX: &str = "team_capture_";

/// Drops every capture trigger and writes them afresh for `tables`.
pub(crate) fn install(tx: &Transaction<'_>, tables: &[Table]) -> Result<()> {
    remove(tx)?;
    for table in tables {
        tx.execute_batch(&triggers(table))?;
    }
    Ok(())
}

/// Drops every capture trigger (leaving a team, or before writing them again).
pub(crate) fn remove(tx: &Transaction<'_>) -> Result<()> {
    let names: Vec<String> = tx
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND instr(name, ?1) = 1")?
        .query_map([PREFIX], |row| row.get("name"))?
        .collect::<rusqlite::Result<_>>()?;
    for name in names {
        tx.execute_batch(&format!("DROP TRIGGER {}", quoted(&name)))?;
    }
    Ok(())
}

/// The four triggers of one table: insert, update of content, update of the key (a
/// deletion of the old key and an insertion of the new one) and delete.
fn triggers(table: &Table) -> String {
    let name = &table.name;
    let target = quoted(name);
    let table_literal = literal(name);
    let quiet = "(SELECT applying FROM team_link) = 0";
    let based_on = "(SELECT last_pulled_seq FROM team_link)";
    let same_key = table
        .key
        .iter()
        .map(|c| format!("OLD.{0} IS NEW.{0}", quoted(c)))
        .collect::<Vec<_>>()
        .join(" AND ");
    let any_changed = table
        .columns
        .iter()
        .map(|c| format!("OLD.{0} IS NOT NEW.{0}", quoted(c)))
        .collect::<Vec<_>>()
        .join(" OR ");
    // json_remove drops the unchanged fields; a changed one is spared by pointing its
    // path at a key no table has.
    let unchanged_paths = table
        .columns
        .iter()
        .map(|c| {
            format!(
                "CASE WHEN OLD.{0} IS NOT NEW.{0} THEN '$.\"#kept\"' ELSE {1} END",
                quoted(c),
                literal(&format!("$.\"{c}\""))
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let insert = |row_id: String, fields: String| {
        format!(
            "INSERT INTO team_outbox (table_name, row_id, fields, based_on_seq) \
             VALUES ({table_literal}, {row_id}, {fields}, {based_on});"
        )
    };
    let trigger = |suffix: &str, event: &str, when: String, body: String| {
        format!(
            "CREATE TRIGGER {} AFTER {event} ON {target} WHEN {when} BEGIN {body} END;\n",
            quoted(&format!("{PREFIX}{name}_{suffix}"))
        )
    };
    let mut sql = String::new();
    sql += &trigger(
        "insert",
        "INSERT",
        quiet.to_owned(),
        insert(table.row_id_sql("NEW"), table.fields_sql("NEW")),
    );
    sql += &trigger(
        "update",
        "UPDATE",
        format!("{quiet} AND ({same_key}) AND ({any_changed})"),
        insert(
            table.row_id_sql("NEW"),
            format!(
                "json_remove({}, {unchanged_paths})",
                table.fields_sql("NEW")
            ),
        ),
    );
    sql += &trigger(
        "rekey",
        "UPDATE",
        format!("{quiet} AND NOT ({same_key})"),
        insert(table.row_id_sql("OLD"), "NULL".to_owned())
            + &insert(table.row_id_sql("NEW"), table.fields_sql("NEW")),
    );
    sql += &trigger(
        "delete",
        "DELETE",
        quiet.to_owned(),
        insert(table.row_id_sql("OLD"), "NULL".to_owned()),
    );
    sql
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::install;
    use crate::local::tables;

    /// A file with the team tables, one shared table keyed on two columns, and the
    /// capture written for it.
    fn linked() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(include_str!("../../../core/migrations/0019_team.sql"))
            .unwrap();
        conn.execute_batch(
            "CREATE TABLE steps (
                 sop_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL,
                 weight REAL, updated_at TEXT NOT NULL, row_version INTEGER NOT NULL DEFAULT 1,
                 PRIMARY KEY (sop_id, position)) STRICT;
             INSERT INTO team_link (id, server, workspace_id, replica_id, last_pulled_seq, joined_at)
             VALUES (1, 'postgres://db/team', 'w', 'r', 42, 'now');",
        )
        .unwrap();
        let tx = conn.transaction().unwrap();
        let shared = tables::shared(&tx).unwrap();
        install(&tx, &shared).unwrap();
        tx.commit().unwrap();
        conn
    }

    fn outbox(conn: &Connection) -> Vec<(String, Option<String>, i64)> {
        conn.prepare("SELECT row_id, fields, based_on_seq FROM team_outbox ORDER BY seq")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn every_change_is_captured_with_the_fields_that_changed() {
        let conn = linked();
        conn.execute_batch(
            "INSERT INTO steps (sop_id, position, text, weight, updated_at) VALUES ('s', 1, 'Greet', 1.5, 't0');
             UPDATE steps SET text = 'Greet the patient', updated_at = 't1', row_version = 2;
             UPDATE steps SET updated_at = 't2', row_version = 3;
             UPDATE steps SET position = 2;
             DELETE FROM steps;",
        )
        .unwrap();
        let captured = outbox(&conn);
        let expected = [
            (
                r#"["s",1]"#,
                Some(r#"{"sop_id":"s","position":1,"text":"Greet","weight":1.5}"#),
            ),
            (r#"["s",1]"#, Some(r#"{"text":"Greet the patient"}"#)),
            (r#"["s",1]"#, None),
            (
                r#"["s",2]"#,
                Some(r#"{"sop_id":"s","position":2,"text":"Greet the patient","weight":1.5}"#),
            ),
            (r#"["s",2]"#, None),
        ];
        assert_eq!(
            captured.len(),
            expected.len(),
            "an insert, an edit, a new key (out and in) and a delete; a change of bookkeeping \
             alone is not a change: {captured:?}"
        );
        for ((row_id, fields, based_on), (want_id, want_fields)) in captured.iter().zip(expected) {
            assert_eq!(row_id, want_id, "the row is named by its key");
            assert_eq!(
                fields.as_deref(),
                want_fields,
                "only the changed shared fields travel"
            );
            assert_eq!(
                *based_on, 42,
                "each change says how far the copy had pulled"
            );
        }
    }

    #[test]
    fn nothing_is_captured_while_pulled_changes_apply_or_after_leaving() {
        let conn = linked();
        conn.execute_batch(
            "UPDATE team_link SET applying = 1;
             INSERT INTO steps (sop_id, position, text, updated_at) VALUES ('s', 1, 'Greet', 't0');
             UPDATE team_link SET applying = 0;",
        )
        .unwrap();
        assert!(outbox(&conn).is_empty(), "a pulled change is not sent back");

        let mut conn = conn;
        let tx = conn.transaction().unwrap();
        super::remove(&tx).unwrap();
        tx.commit().unwrap();
        conn.execute("UPDATE steps SET text = 'Hello'", []).unwrap();
        assert!(
            outbox(&conn).is_empty(),
            "a copy that left captures nothing"
        );
    }
}
