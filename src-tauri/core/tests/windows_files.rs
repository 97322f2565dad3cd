//! Files as a Windows laptop has them: rosters and task lists saved by Excel on Windows
//! (Windows-1252 or UTF-16, CRLF line endings) read exactly like UTF-8 ones, and a
//! database in a folder whose name has spaces and accents opens, backs up and restores.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backup_common;

use std::path::{Path, PathBuf};

use rollplan_core::backup::{list_backups, restore_backup, BackupReason};
use rollplan_core::import::{read_table, Table};
use rollplan_core::people::roster::{RejectedRows, RosterMapping};
use rollplan_core::{CoreError, Store};

use backup_common::{rollout, rollout_names};

/// A roster as a practice manager types it, accents, curly apostrophe and dash included.
const ROSTER: &str = "Name,Role,Email\n\
    Zoë Lefèvre,Registered nurse (RN),zoe@medecins-associes.fr\n\
    René Côté – locum,Front desk,rene@medecins-associes.fr\n\
    Siobhán O’Neill,Medical assistant (MA),siobhan@medecins-associes.fr\n";

/// `text` as Excel's "CSV" saves it on a Western European Windows: Windows-1252, CRLF.
fn windows_1252_crlf(text: &str) -> Vec<u8> {
    let crlf = text.replace('\n', "\r\n");
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&crlf);
    assert!(!lossy, "the sample must be expressible in Windows-1252");
    bytes.into_owned()
}

/// `text` as Excel's "Unicode Text" saves it: UTF-16 LE with a byte-order mark, CRLF.
fn utf16_crlf(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(
        text.replace('\n', "\r\n")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    bytes
}

/// A folder such as Windows gives a practice's shared account: spaces and accents.
fn accented_folder(dir: &Path) -> PathBuf {
    let folder = dir.join("Médecins Associés").join("Listes du personnel");
    std::fs::create_dir_all(&folder).expect("create the folder");
    folder
}

fn read(folder: &Path, name: &str, bytes: &[u8]) -> Table {
    let path = folder.join(name);
    std::fs::write(&path, bytes).expect("write the file");
    read_table(&path).unwrap_or_else(|e| panic!("{name} must read: {e}"))
}

/// Headers, cells and row numbers: everything of a table but its file name.
fn contents(table: &Table) -> (Vec<String>, Vec<(usize, Vec<String>)>) {
    (
        table.headers.clone(),
        table
            .rows
            .iter()
            .map(|row| (row.line, row.cells.clone()))
            .collect(),
    )
}

#[test]
fn rosters_saved_by_excel_on_windows_read_like_utf8_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = accented_folder(dir.path());
    let utf8 = read(&folder, "roster utf8.csv", ROSTER.as_bytes());
    let ansi = read(&folder, "roster ansi.csv", &windows_1252_crlf(ROSTER));
    let unicode = read(&folder, "roster unicode.txt", &utf16_crlf(ROSTER));
    assert_eq!(
        contents(&ansi),
        contents(&utf8),
        "a Windows-1252 CRLF roster must read exactly as the UTF-8 one"
    );
    assert_eq!(
        contents(&unicode),
        contents(&utf8),
        "a UTF-16 CRLF roster must read exactly as the UTF-8 one"
    );
    assert!(
        ansi.rows
            .iter()
            .flat_map(|row| &row.cells)
            .all(|cell| !cell.contains('\r')),
        "no carriage return may be left in a cell"
    );
    assert_eq!(ansi.rows[1].cells[0], "René Côté – locum");
}

#[test]
fn a_windows_1252_roster_imports_the_same_people_as_a_utf8_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = accented_folder(dir.path());
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 11).expect("a real date");
    let imported = |table: &Table| {
        let store = Store::open_in_memory().expect("in-memory store");
        store
            .import_roster(
                table,
                &RosterMapping::guess(&table.headers),
                RejectedRows::Refuse,
                today,
            )
            .unwrap_or_else(|e| panic!("{} must import: {e}", table.file));
        let mut people: Vec<_> = store
            .list_people(false)
            .expect("people")
            .into_iter()
            .map(|p| (p.name, p.email, p.role_name))
            .collect();
        people.sort();
        people
    };
    let utf8 = imported(&read(&folder, "roster.csv", ROSTER.as_bytes()));
    let ansi = imported(&read(
        &folder,
        "roster-1252.csv",
        &windows_1252_crlf(ROSTER),
    ));
    assert_eq!(utf8.len(), 3, "every row of the roster is imported");
    assert_eq!(
        ansi, utf8,
        "the same people, names spelled the same, whatever the file's encoding"
    );
}

#[test]
fn a_task_list_saved_by_excel_on_windows_reads_like_a_utf8_one() {
    // Excel in a French or German Windows separates with semicolons.
    let tasks = "Tâche;Responsable;Échéance;Statut\n\
        Former l’équipe d’accueil;Zoë Lefèvre;2027-02-01;à faire\n\
        Vérifier les rappels SMS – pilote;René Côté;2027-02-15;en cours\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = accented_folder(dir.path());
    let utf8 = read(&folder, "tâches.csv", tasks.as_bytes());
    let ansi = read(&folder, "tâches 1252.csv", &windows_1252_crlf(tasks));
    assert_eq!(
        contents(&ansi),
        contents(&utf8),
        "a Windows-1252 CRLF task list must read exactly as the UTF-8 one"
    );
    assert_eq!(utf8.headers[2], "Échéance");
}

#[test]
fn a_database_in_a_folder_with_spaces_and_accents_backs_up_and_restores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir
        .path()
        .join("Médecins Associés")
        .join("Données Rollplan");
    let db = folder.join("plans de l’équipe.db");
    let store = Store::open(&db).expect("a database opens in an accented folder");
    rollout(&store, "Mise en service du DPI – Clinique Saint-Éloi");
    let backup = store
        .back_up(BackupReason::Manual)
        .expect("a backup is made beside it");
    rollout(&store, "Added after the backup");
    drop(store);

    let listed = list_backups(&db).expect("backups are listed");
    assert!(
        listed.iter().any(|b| b.path == backup.path),
        "the backup in the accented folder is listed: {listed:?}"
    );
    assert!(
        !backup.file_name.contains(':'),
        "a backup's name must be one Windows accepts: {}",
        backup.file_name
    );
    restore_backup(&db, Path::new(&backup.path)).expect("the backup is restored");
    assert_eq!(
        rollout_names(&db),
        ["Mise en service du DPI – Clinique Saint-Éloi"],
        "the restored database holds what the backup held"
    );
}

#[test]
fn a_database_on_a_network_share_is_refused_before_anything_is_written() {
    let error = match Store::open(Path::new(r"\\fileserver\Médecins Associés\rollplan.db")) {
        Err(error) => error,
        Ok(_) => panic!("a database on a network share must be refused"),
    };
    assert!(
        matches!(error, CoreError::Conflict(_)),
        "the refusal is a conflict the person can act on: {error:?}"
    );
    assert!(
        error.to_string().contains("network drive"),
        "the message says why: {error}"
    );
    assert!(
        !Path::new(r"\\fileserver\Médecins Associés\rollplan.db").exists(),
        "nothing is created for a refused path"
    );
}
