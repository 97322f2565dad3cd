//! The number of rows in every table of a database file, read through a connection of
//! its own: what a test compares before and after to show that a refused or previewed
//! write left nothing behind. The tables are read from the schema itself, so one added
//! by a later migration is counted without anyone remembering to list it.

use std::path::Path;

/// (table, rows) for every ordinary table of the file at `path`, by name.
pub fn row_counts(path: &Path) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(path).expect("open for counting");
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM pragma_table_list
             WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )
        .expect("list tables")
        .query_map([], |row| row.get(0))
        .expect("tables")
        .collect::<rusqlite::Result<_>>()
        .expect("table names");
    tables
        .into_iter()
        .map(|table| {
            let count = conn
                .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |row| {
                    row.get(0)
                })
                .expect("count");
            (table, count)
        })
        .collect()
}
