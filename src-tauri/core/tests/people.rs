//! The staff directory and roster import.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use rollplan_core::import::read_table;
use rollplan_core::people::roster::{RejectedRows, RosterMapping, RosterOutcome};
use rollplan_core::people::PersonDraft;
use rollplan_core::{CoreError, Store};

fn store() -> Store {
    Store::open_in_memory().expect("in-memory store")
}

fn role_id(store: &Store, name: &str) -> String {
    store
        .list_roles()
        .expect("roles")
        .into_iter()
        .find(|r| r.name == name)
        .map(|r| r.id)
        .expect("a seeded role")
}

fn write_csv(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("roster.csv");
    std::fs::write(&path, text).expect("write roster");
    path
}

#[test]
fn people_are_created_edited_deactivated_and_audited() {
    let store = store();
    let ma = role_id(&store, "Medical assistant (MA)");
    let created = store
        .create_person(&PersonDraft {
            name: "Luis Ortega".into(),
            role_id: Some(ma.clone()),
            department: "Riverside".into(),
            email: "luis@riverside.org".into(),
            ..PersonDraft::default()
        })
        .expect("create");
    assert_eq!(created.role_name.as_deref(), Some("Medical assistant (MA)"));
    assert!(created.active);

    let left = PersonDraft {
        active: false,
        ..created.draft()
    };
    let updated = store
        .update_person(&created.id, 1, &left)
        .expect("deactivate");
    assert!(!updated.active);
    assert!(
        store.list_people(false).expect("active").is_empty(),
        "inactive people leave the default list"
    );
    assert_eq!(
        store.list_people(true).expect("all").len(),
        1,
        "but stay in the directory"
    );

    let roles = store.list_roles().expect("roles");
    let ma_role = roles.iter().find(|r| r.id == ma).expect("MA");
    assert_eq!(
        ma_role.active_people, 0,
        "an inactive person does not count towards a role"
    );

    let history = store.person_history(&created.id).expect("history");
    assert_eq!(history.len(), 2);
    assert!(history[0]
        .changes
        .iter()
        .any(|c| c.field == "active" && c.new.as_deref() == Some("no")));
}

#[test]
fn emails_are_unique_and_roles_must_exist() {
    let store = store();
    let draft = PersonDraft {
        name: "Dana Whitfield".into(),
        email: "dana@riverside.org".into(),
        ..PersonDraft::default()
    };
    store.create_person(&draft).expect("first");
    let twin = PersonDraft {
        name: "Dana W.".into(),
        email: "DANA@riverside.org".into(),
        ..draft.clone()
    };
    let error = store.create_person(&twin).expect_err("duplicate email");
    assert_eq!(error.payload().field.as_deref(), Some("email"));
    assert!(
        error.to_string().contains("Dana Whitfield"),
        "names who has it: {error}"
    );

    let ghost_role = PersonDraft {
        name: "Sam".into(),
        role_id: Some("no-such-role".into()),
        ..PersonDraft::default()
    };
    assert_eq!(
        store
            .create_person(&ghost_role)
            .expect_err("unknown role")
            .payload()
            .field
            .as_deref(),
        Some("role_id")
    );
    assert!(
        store.create_role("scheduler").is_err(),
        "role names are unique ignoring case"
    );
}

#[test]
fn a_roster_preview_writes_nothing_and_the_import_matches_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store();
    store
        .create_person(&PersonDraft {
            name: "Priya Nair".into(),
            email: "priya@riverside.org".into(),
            department: "Riverside".into(),
            ..PersonDraft::default()
        })
        .expect("existing person");
    let path = write_csv(
        dir.path(),
        "First Name,Last Name,Job Title,Department,Email,Super User\n\
         Priya,Nair,Front desk,Northgate,priya@riverside.org,yes\n\
         Luis,Ortega,Medical assistant (MA),Riverside,luis@riverside.org,no\n\
         Ana,Silva,Lab liaison,Riverside,ana@riverside.org,\n\
         Bad,Email,Scheduler,Riverside,not-an-address,no\n\
         Luis,Ortega,Medical assistant (MA),Riverside,luis@riverside.org,no\n",
    );
    let table = read_table(&path).expect("read");
    let mapping = RosterMapping::guess(&table.headers);
    assert_eq!(mapping.first_name, Some(0));
    assert_eq!(mapping.role, Some(2));
    assert_eq!(mapping.super_user, Some(5));

    let preview = store
        .preview_roster(&table, &mapping, roster_today())
        .expect("preview");
    assert_eq!(
        (
            preview.added,
            preview.updated,
            preview.unchanged,
            preview.rejected
        ),
        (2, 1, 0, 2)
    );
    assert_eq!(preview.new_roles, ["Lab liaison"]);
    let bad = &preview.rows[3];
    assert_eq!(
        (bad.line, bad.outcome, bad.column.as_deref()),
        (5, RosterOutcome::Rejected, Some("Email"))
    );
    assert!(
        preview.rows[4].detail.contains("row 3"),
        "a repeated row names the first: {}",
        preview.rows[4].detail
    );
    assert_eq!(
        store.list_people(true).expect("people").len(),
        1,
        "a preview writes nothing"
    );
    assert!(store
        .list_roles()
        .expect("roles")
        .iter()
        .all(|r| r.name != "Lab liaison"));

    let refused = store
        .import_roster(&table, &mapping, RejectedRows::Refuse, roster_today())
        .expect_err("rejected rows refuse the whole import by default");
    match &refused {
        CoreError::Import {
            file, row, column, ..
        } => {
            assert_eq!(
                (file.as_str(), *row, column.as_deref()),
                ("roster.csv", Some(5), Some("Email"))
            );
        }
        other => panic!("expected an import error, got {other:?}"),
    }
    assert_eq!(
        store.list_people(true).expect("people").len(),
        1,
        "a refused import leaves nothing behind"
    );

    let report = store
        .import_roster(&table, &mapping, RejectedRows::Skip, roster_today())
        .expect("import");
    assert_eq!(
        report.rows, preview.rows,
        "the import does exactly what the preview showed"
    );
    let people = store.list_people(true).expect("people");
    assert_eq!(people.len(), 3);
    let priya = people
        .iter()
        .find(|p| p.name == "Priya Nair")
        .expect("Priya");
    assert_eq!(priya.department, "Northgate");
    assert!(priya.super_user);

    let again = store
        .import_roster(&table, &mapping, RejectedRows::Skip, roster_today())
        .expect("re-import");
    assert_eq!(
        (again.added, again.updated, again.unchanged),
        (0, 0, 3),
        "importing the same roster twice changes nothing"
    );
}

#[test]
fn people_without_email_are_matched_by_a_unique_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store();
    for _ in 0..2 {
        store
            .create_person(&PersonDraft {
                name: "Maria Lopez".into(),
                ..PersonDraft::default()
            })
            .expect("twin");
    }
    store
        .create_person(&PersonDraft {
            name: "Ken Ito".into(),
            ..PersonDraft::default()
        })
        .expect("Ken");
    let path = write_csv(
        dir.path(),
        "Name,Site,Status\nKen Ito,Northgate,Terminated\nMaria Lopez,Riverside,Active\n",
    );
    let table = read_table(&path).expect("read");
    let report = store
        .preview_roster(
            &table,
            &RosterMapping::guess(&table.headers),
            roster_today(),
        )
        .expect("preview");
    assert_eq!(report.rows[0].outcome, RosterOutcome::Updated);
    assert!(
        report.rows[0].detail.contains("deactivated"),
        "{}",
        report.rows[0].detail
    );
    assert_eq!(report.rows[1].outcome, RosterOutcome::Rejected);
    assert!(
        report.rows[1].detail.contains("email"),
        "asks for an email column: {}",
        report.rows[1].detail
    );
}

#[test]
fn an_xlsx_roster_imports_like_a_csv_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("roster.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, header) in ["Employee Name", "Role", "E-mail", "Hired"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(0, column as u16, *header)
            .expect("header");
    }
    sheet.write_string(1, 0, "Grace Kim").expect("cell");
    sheet
        .write_string(1, 1, "Registered nurse (RN)")
        .expect("cell");
    sheet
        .write_string(1, 2, "grace@northgate.org")
        .expect("cell");
    sheet.write_number(1, 3, 45_000.0).expect("cell");
    workbook.save(&path).expect("save workbook");

    let table = read_table(&path).expect("read xlsx");
    assert_eq!(table.rows[0].line, 2);
    assert_eq!(
        table.rows[0].cells[3], "45000",
        "whole numbers read without a decimal point"
    );
    let store = store();
    let report = store
        .import_roster(
            &table,
            &RosterMapping::guess(&table.headers),
            RejectedRows::Refuse,
            roster_today(),
        )
        .expect("import");
    assert_eq!(report.added, 1);
    let grace = &store.list_people(false).expect("people")[0];
    assert_eq!(grace.role_name.as_deref(), Some("Registered nurse (RN)"));
}

#[test]
fn a_mapping_without_a_name_column_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_csv(dir.path(), "Email\ndana@riverside.org\n");
    let table = read_table(&path).expect("read");
    let error = store()
        .preview_roster(
            &table,
            &RosterMapping::guess(&table.headers),
            roster_today(),
        )
        .expect_err("no name column");
    assert_eq!(error.code(), "validation");
}

#[test]
fn a_workbook_with_a_notes_sheet_and_a_merged_title_reads_the_roster_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("roster.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let notes = workbook.add_worksheet();
    notes.set_name("Read me").expect("name");
    notes
        .write_string(0, 0, "Exported from the HR system every month.")
        .expect("cell");
    let staff = workbook.add_worksheet();
    staff.set_name("Staff").expect("name");
    let title = rust_xlsxwriter::Format::new();
    staff
        .merge_range(0, 0, 0, 2, "Riverside staff - November", &title)
        .expect("merged title");
    for (column, header) in ["Name", "Role", "Email"].iter().enumerate() {
        staff
            .write_string(1, column as u16, *header)
            .expect("header");
    }
    staff.write_string(2, 0, "Grace Kim").expect("cell");
    staff
        .write_string(2, 1, "Registered nurse (RN)")
        .expect("cell");
    staff
        .write_string(2, 2, "grace@northgate.org")
        .expect("cell");
    workbook.save(&path).expect("save workbook");

    let table = read_table(&path).expect("read xlsx");
    assert_eq!(
        table.headers,
        ["Name", "Role", "Email"],
        "the notes sheet and the title are skipped"
    );
    assert_eq!(table.rows[0].line, 3, "rows keep the sheet's own numbers");
    let report = store()
        .preview_roster(
            &table,
            &RosterMapping::guess(&table.headers),
            roster_today(),
        )
        .expect("preview");
    assert_eq!(report.added, 1);
}

#[test]
fn a_roster_adds_each_new_role_once_however_its_rows_spell_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store();
    let path = write_csv(
        dir.path(),
        "Name,Role,Email\n\
         Ana Silva,Lab liaison,ana@riverside.org\n\
         Ben Okafor,LAB LIAISON,ben@riverside.org\n\
         Cara Diaz,front desk,cara@riverside.org\n\
         Dev Patel, Lab Liaison ,dev@riverside.org\n",
    );
    let table = read_table(&path).expect("read");
    let report = store
        .import_roster(
            &table,
            &RosterMapping::guess(&table.headers),
            RejectedRows::Refuse,
            roster_today(),
        )
        .expect("import");
    assert_eq!(report.added, 4);
    assert_eq!(
        report.new_roles,
        ["Lab liaison"],
        "a role new to the list is added once, as its first row spells it"
    );
    let people = store.list_people(true).expect("people");
    let role_of = |name: &str| {
        people
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.role_name.clone())
            .expect("a role")
    };
    for name in ["Ana Silva", "Ben Okafor", "Dev Patel"] {
        assert_eq!(
            role_of(name),
            "Lab liaison",
            "{name} holds the one new role"
        );
    }
    assert_eq!(
        role_of("Cara Diaz"),
        "Front desk",
        "a role already in the list is found ignoring case"
    );
}

/// The day a roster import weighs training and readiness on.
fn roster_today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, 1, 11).expect("a real date")
}
