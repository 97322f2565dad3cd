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
