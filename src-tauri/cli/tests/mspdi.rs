//! Microsoft Project XML from the command line, as a script uses it: `export --format
//! mspdi` writes the plan, `import tasks FILE.xml` reads it back into another rollout,
//! and a binary `.mpp` is refused with what to do instead.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, demo, ok, stderr, stdout};

#[test]
fn a_plan_exported_as_mspdi_imports_into_another_rollout() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path());
    let plan = dir.path().join("plan.xml");
    let path = plan.to_str().expect("path");
    ok(cli(
        &db,
        &[
            "export",
            "SMS appointment",
            "--format",
            "mspdi",
            "--out",
            path,
        ],
    ));
    let xml = std::fs::read_to_string(&plan).expect("the file");
    assert!(
        xml.contains("<Project xmlns=\"http://schemas.microsoft.com/project\">"),
        "an MSPDI document"
    );
    ok(cli(
        &db,
        &["rollouts", "create", "--name", "Reminders copy"],
    ));
    let dry = ok(cli(
        &db,
        &[
            "import",
            "tasks",
            path,
            "--rollout",
            "Reminders copy",
            "--dry-run",
        ],
    ));
    assert!(
        stdout(&dry).starts_with("Would import plan.xml: "),
        "{}",
        stdout(&dry)
    );
    let done = ok(cli(
        &db,
        &["import", "tasks", path, "--rollout", "Reminders copy"],
    ));
    let said = stdout(&done);
    let tasks = xml.matches("<Summary>0</Summary>").count();
    assert!(
        said.starts_with(&format!("Imported plan.xml: {tasks} tasks, ")),
        "every task of the file is imported: {said}"
    );
}

#[test]
fn a_binary_project_file_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path());
    let mpp = dir.path().join("vendor.mpp");
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(1024, 0);
    std::fs::write(&mpp, bytes).expect("write");
    let refused = cli(
        &db,
        &[
            "import",
            "tasks",
            mpp.to_str().expect("path"),
            "--rollout",
            "SMS appointment",
        ],
    );
    assert_eq!(refused.status.code(), Some(1), "a refusal exits 1");
    assert!(
        stderr(&refused).contains("Save it from Microsoft Project as XML: File › Save As › XML"),
        "{}",
        stderr(&refused)
    );
}
