//! `import roster` with an HR system's file: job titles mapped to the directory's roles
//! (suggested, or chosen with `--role`), an unknown employment status asked about once
//! and answered with `--status`; and `people merge-roles`.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, json, stderr, stdout};

#[test]
fn an_hr_roster_maps_job_titles_and_asks_about_an_unknown_status_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let file = dir.path().join("hr.csv");
    std::fs::write(
        &file,
        "Employee Name,Job Title,Work Email,Employment Status\n\
         Grace Kim,RN Care Coordinator,grace@northgate.org,Active\n\
         Luis Ortega,Medical Assistant II,luis@riverside.org,Suspended\n\
         Keisha Brown,Medical Assistant II,keisha@riverside.org,Leave of Absence\n\
         Ana Silva,Front office clerk,ana@riverside.org,Per diem\n",
    )
    .expect("write");
    let path = file.to_str().expect("path");

    let dry = cli(&db, &["import", "roster", path, "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    let text = stdout(&dry);
    for line in [
        "RN Care Coordinator (1 person) → Registered nurse (RN) (suggested)",
        "Medical Assistant II (2 people) → Medical assistant (MA) (suggested)",
        "Front office clerk (1 person) → Front office clerk (new role)",
        "Status 'Suspended' (1 row): not known: add --status 'Suspended=working' or --status 'Suspended=left'",
    ] {
        assert!(text.contains(line), "the report says '{line}':\n{text}");
    }

    let refused = cli(&db, &["import", "roster", path]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        stderr(&refused).matches("Suspended").count(),
        1,
        "asked once: {}",
        stderr(&refused)
    );

    let unknown_role = cli(
        &db,
        &[
            "import",
            "roster",
            path,
            "--role",
            "Front office clerk=Receptionist",
        ],
    );
    assert_eq!(unknown_role.status.code(), Some(1));
    assert!(
        stderr(&unknown_role).contains("'Front desk'")
            && stderr(&unknown_role).contains("'Front office clerk=new'"),
        "lists the roles and how to ask for a new one: {}",
        stderr(&unknown_role)
    );

    let imported = cli(
        &db,
        &[
            "import",
            "roster",
            path,
            "--status",
            "Suspended=left",
            "--role",
            "Front office clerk=new",
        ],
    );
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let people = json(&cli(&db, &["people", "list", "--all", "--json"]));
    let person = |name: &str| {
        people
            .as_array()
            .expect("a list")
            .iter()
            .find(|p| p["name"] == name)
            .cloned()
            .expect("the person")
    };
    assert_eq!(person("Luis Ortega")["role_name"], "Medical assistant (MA)");
    assert_eq!(person("Luis Ortega")["active"], false);
    assert_eq!(
        person("Keisha Brown")["active"],
        true,
        "on leave is still staff"
    );
    assert_eq!(person("Grace Kim")["role_name"], "Registered nurse (RN)");

    let merged = cli(
        &db,
        &[
            "people",
            "merge-roles",
            "front office",
            "--into",
            "Front desk",
        ],
    );
    assert_eq!(merged.status.code(), Some(0), "{}", stderr(&merged));
    assert!(
        stdout(&merged).contains("Merged 'Front office clerk' into 'Front desk': 1 person moved"),
        "{}",
        stdout(&merged)
    );
    let people = json(&cli(&db, &["people", "list", "--json"]));
    assert!(people
        .as_array()
        .expect("a list")
        .iter()
        .any(|p| p["name"] == "Ana Silva" && p["role_name"] == "Front desk"));

    let again = cli(&db, &["import", "roster", path, "--dry-run"]);
    assert!(
        stdout(&again).contains("Front office clerk (1 person) → Front desk (as chosen before)"),
        "next month's file is mapped as before, the merge included:\n{}",
        stdout(&again)
    );
    assert!(
        stdout(&again).contains("Status 'Suspended' (1 row): has left"),
        "{}",
        stdout(&again)
    );
}
