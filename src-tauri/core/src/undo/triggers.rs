//! The recording triggers: for every row the app inserts, updates or deletes while a
//! step is open, the statement that would put it back goes into `undo_log`. They are
//! TEMP triggers, written on the app's own connection each time it opens the file from
//! the tables the file defines (`PRAGMA table_info`): the command line, a team's pulled
//! changes (written through another connection) and the migrations are never recorded,
//! and a table a later migration adds is recorded without anyone listing it.

use rusqlite::Connection;

use crate::Result;

/// Tables an undo leaves alone, and why.
const NOT_RECORDED: &[(&str, &str)] = &[
    (
        "audit_log",
        "the history of what was done; an undo adds entries saying so, it never erases any",
    ),
    ("undo_steps", "the undo list itself"),
    ("undo_log", "the undo list itself"),
    (
        "search_keys",
        "kept in step with the indexed tables by their own triggers, which an undo's \
         changes fire like any other",
    ),
    ("team_link", "this copy's link to the team's server"),
    (
        "team_outbox",
        "changes waiting for the team's server: an undo is itself a change sent there",
    ),
    ("team_conflicts", "decisions left to this copy's person"),
];

/// The one-row state table naming the open step; empty while none is open, so the
/// triggers stay silent. TEMP like the triggers: it exists only on this connection and
/// is never committed to the file.
pub(crate) const OPEN_STEP: &str = "temp.undo_open_step";

const PREFIX: &str = "undo_record_";

/// A table as the triggers need it.
struct Table {
    name: String,
    key: Vec<String>,
    columns: Vec<String>,
    has_row_version: bool,
}

/// Whether an undo records changes to `table`.
pub(crate) fn is_recorded(table: &str) -> bool {
    !table.starts_with("sqlite_") && !NOT_RECORDED.iter().any(|(name, _)| *name == table)
}

/// Writes the state table and the triggers of every recorded table on `conn`.
pub(crate) fn install(conn: &Connection) -> Result<()> {
    // The state table and the statement journals the triggers make every write keep
    // (a statement that fires one writes two rows) stay in memory, not in temp files.
    // The store set the same when it opened (for its kept values' counts): another
    // setting would drop every TEMP table and trigger of the connection.
    let mut sql = format!(
        "PRAGMA temp_store = MEMORY;
         DROP TABLE IF EXISTS {OPEN_STEP};
         CREATE TEMP TABLE undo_open_step (step INTEGER NOT NULL);\n"
    );
    let names: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'")?
        .query_map([], |row| row.get("name"))?
        .collect::<rusqlite::Result<_>>()?;
    for name in names.into_iter().filter(|n| is_recorded(n)) {
        sql += &triggers(&describe(conn, &name)?);
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

fn describe(conn: &Connection, name: &str) -> Result<Table> {
    let mut key: Vec<(i64, String)> = Vec::new();
    let mut columns = Vec::new();
    let mut statement = conn.prepare("SELECT name, pk FROM pragma_table_info(?1)")?;
    let mut rows = statement.query([name])?;
    while let Some(row) = rows.next()? {
        let column: String = row.get("name")?;
        let pk: i64 = row.get("pk")?;
        if pk > 0 {
            key.push((pk, column.clone()));
        }
        columns.push(column);
    }
    key.sort();
    Ok(Table {
        name: name.to_owned(),
        key: key.into_iter().map(|(_, c)| c).collect(),
        has_row_version: columns.iter().any(|c| c == "row_version"),
        columns,
    })
}

/// An identifier quoted for SQL.
pub(crate) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A string literal for SQL.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// SQL text (an expression of the trigger) naming the row `prefix` (NEW or OLD) by its
/// primary key, or by rowid for a table without one.
fn target(table: &Table, prefix: &str) -> String {
    if table.key.is_empty() {
        return format!("'rowid = ' || {prefix}.rowid");
    }
    table
        .key
        .iter()
        .map(|c| {
            format!(
                "{} || quote({prefix}.{})",
                literal(&format!("{} = ", quoted(c))),
                quoted(c)
            )
        })
        .collect::<Vec<_>>()
        .join(" || ' AND ' || ")
}

fn triggers(table: &Table) -> String {
    let on = format!("main.{}", quoted(&table.name));
    let name = literal(&table.name);
    let open = format!("EXISTS (SELECT 1 FROM {OPEN_STEP})");
    let version = |prefix: &str| {
        if table.has_row_version {
            format!("{prefix}.\"row_version\"")
        } else {
            "NULL".to_owned()
        }
    };
    let log = |kind: &str, target: String, version: String, inverse: String| {
        format!(
            "INSERT INTO main.undo_log (table_name, kind, target, version, inverse) \
             VALUES ({name}, '{kind}', {target}, {version}, {inverse});"
        )
    };
    // Every column goes back, the row's version and time of change too: the row is as
    // it was, so an earlier step's check (the version it left the row at) holds again,
    // and a form still open on the undone version is told the row changed.
    let set = table
        .columns
        .iter()
        .map(|c| {
            format!(
                "{} || quote(OLD.{})",
                literal(&format!("{} = ", quoted(c))),
                quoted(c)
            )
        })
        .collect::<Vec<_>>()
        .join(" || ', ' || ");
    let columns = table
        .columns
        .iter()
        .map(|c| quoted(c))
        .collect::<Vec<_>>()
        .join(", ");
    let values = table
        .columns
        .iter()
        .map(|c| format!("quote(OLD.{})", quoted(c)))
        .collect::<Vec<_>>()
        .join(" || ', ' || ");
    let reinsert = format!(
        "{} || {values} || ')'",
        literal(&format!(
            "INSERT INTO {} ({columns}) VALUES (",
            quoted(&table.name)
        ))
    );
    // An update that changes nothing (a bulk statement passing over rows already
    // right) leaves nothing to undo.
    let any_changed = table
        .columns
        .iter()
        .map(|c| format!("OLD.{0} IS NOT NEW.{0}", quoted(c)))
        .collect::<Vec<_>>()
        .join(" OR ");
    let trigger = |suffix: &str, event: &str, when: &str, body: String| {
        format!(
            "CREATE TEMP TRIGGER {} AFTER {event} ON {on} WHEN {when} BEGIN {body} END;\n",
            quoted(&format!("{PREFIX}{}_{suffix}", table.name))
        )
    };
    let mut sql = String::new();
    sql += &trigger(
        "insert",
        "INSERT",
        &open,
        log("i", target(table, "NEW"), version("NEW"), "NULL".into()),
    );
    sql += &trigger(
        "update",
        "UPDATE",
        &format!("{open} AND ({any_changed})"),
        log("u", target(table, "NEW"), version("NEW"), set),
    );
    sql += &trigger(
        "delete",
        "DELETE",
        &open,
        log("d", target(table, "OLD"), "NULL".into(), reinsert),
    );
    sql
}
