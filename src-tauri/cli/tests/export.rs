//! `export` and `export-sop` as a script uses them: every format to a temp folder, exit
//! codes, the PHI refusal and `--force`, and no overwriting without `--overwrite`.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, demo, stderr};

#[test]
fn every_rollout_format_exports_by_name() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path());
    for (format, file) in [
        ("html", "r.html"),
        ("md", "r.md"),
        ("xlsx", "r.xlsx"),
        ("ics", "r.ics"),
        ("csv", "tables"),
        ("csv", "tables.zip"),
        ("pdf", "r.pdf"),
    ] {
        let out = dir.path().join(file);
        let done = cli(
            &db,
            &[
                "export",
                "SMS appointment",
                "--format",
                format,
                "--out",
                out.to_str().expect("path"),
            ],
        );
        assert!(
            done.status.success(),
            "{format} export failed: {}",
            stderr(&done)
        );
        assert!(out.exists(), "{format} export wrote nothing");
    }
    let html = std::fs::read_to_string(dir.path().join("r.html")).expect("html");
    assert!(
        html.contains("SMS appointment reminders"),
        "the report names its rollout"
    );
    assert!(
        dir.path().join("tables/tasks.csv").exists(),
        "csv writes one file per table"
    );
    assert!(
        std::fs::read(dir.path().join("r.xlsx"))
            .expect("xlsx")
            .starts_with(b"PK"),
        "an XLSX is a zip"
    );
    assert!(std::fs::read_to_string(dir.path().join("r.ics"))
        .expect("ics")
        .starts_with("BEGIN:VCALENDAR\r\n"));
}

/// Pages of a PDF, through poppler's pdfinfo.
fn pdf_pages(path: &std::path::Path) -> usize {
    let info = std::process::Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0)
}

#[test]
fn detail_chooses_how_much_a_report_holds() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path());
    let mut pages = Vec::new();
    for detail in ["summary", "standard", "everything"] {
        let out = dir.path().join(format!("{detail}.pdf"));
        let done = cli(
            &db,
            &[
                "export",
                "EHR go-live",
                "--format",
                "pdf",
                "--detail",
                detail,
                "--out",
                out.to_str().expect("path"),
            ],
        );
        assert!(
            done.status.success(),
            "--detail {detail} failed: {}",
            stderr(&done)
        );
        pages.push(pdf_pages(&out));
    }
    assert_eq!(pages[0], 2, "--detail summary is the two-page summary");
    assert!(
        pages[0] < pages[1] && pages[1] < pages[2],
        "each level holds more than the one before: {pages:?}"
    );
    let md = dir.path().join("summary.md");
    let done = cli(
        &db,
        &[
            "export",
            "EHR go-live",
            "--format",
            "md",
            "--detail",
            "summary",
            "--out",
            md.to_str().expect("path"),
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let text = std::fs::read_to_string(&md).expect("markdown");
    assert!(
        text.contains("### What blocks go-live") && !text.contains("## Contents"),
        "a Markdown summary holds the summary and no sections"
    );
    let refused = cli(
        &db,
        &[
            "export",
            "EHR go-live",
            "--format",
            "pdf",
            "--detail",
            "most",
            "--out",
            dir.path().join("x.pdf").to_str().expect("path"),
        ],
    );
    assert!(
        !refused.status.success() && stderr(&refused).contains("summary"),
        "an unknown level is refused, naming the levels: {}",
        stderr(&refused)
    );
}

#[test]
fn every_sop_format_exports_by_code() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path());
    for format in ["html", "md", "docx"] {
        let out = dir.path().join(format!("sop.{format}"));
        let done = cli(
            &db,
            &[
                "export-sop",
                "cl-031",
                "--format",
                format,
                "--out",
                out.to_str().expect("path"),
            ],
        );
        assert!(
            done.status.success(),
            "{format} export failed: {}",
            stderr(&done)
        );
        let bytes = std::fs::read(&out).expect("written");
        assert!(
            bytes.len() > 500,
            "{format} is a real document ({} bytes)",
            bytes.len()
        );
    }
}

#[test]
fn phi_refuses_the_export_with_its_field_unless_forced() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("rollplan.db");
    let created = cli(
        &db,
        &[
            "rollouts",
            "create",
            "--name",
            "Refill line",
            "--goal",
            "Callback for Jane Doe, MRN 00482213",
        ],
    );
    assert!(created.status.success(), "{}", stderr(&created));
    let out = dir.path().join("report.html");
    let path = out.to_str().expect("path");
    let refused = cli(
        &db,
        &["export", "Refill line", "--format", "html", "--out", path],
    );
    assert_eq!(
        refused.status.code(),
        Some(1),
        "PHI refuses the export as bad input"
    );
    let message = stderr(&refused);
    assert!(
        message.contains("Rollout \"Refill line\" — goal: a medical record number"),
        "the hit names its field: {message}"
    );
    assert!(
        message.contains("--force"),
        "the way to export anyway is named: {message}"
    );
    assert!(!out.exists(), "a refused export writes nothing");
    let forced = cli(
        &db,
        &[
            "export",
            "Refill line",
            "--format",
            "html",
            "--out",
            path,
            "--force",
        ],
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(out.exists());
}

#[test]
fn an_existing_file_is_kept_unless_overwrite_and_bad_input_exits_1() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path());
    let out = dir.path().join("r.md");
    let path = out.to_str().expect("path");
    assert!(
        cli(&db, &["export", "EHR", "--format", "md", "--out", path])
            .status
            .success()
    );
    std::fs::write(&out, "earlier export").expect("write");
    let again = cli(&db, &["export", "EHR", "--format", "md", "--out", path]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--overwrite"), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "earlier export",
        "the earlier file is untouched"
    );
    assert!(cli(
        &db,
        &[
            "export",
            "EHR",
            "--format",
            "md",
            "--out",
            path,
            "--overwrite"
        ]
    )
    .status
    .success());
    assert_ne!(
        std::fs::read_to_string(&out).expect("read"),
        "earlier export"
    );

    let ambiguous = cli(&db, &["export", "e", "--format", "md", "--out", path]);
    assert_eq!(
        ambiguous.status.code(),
        Some(1),
        "an ambiguous name is bad input"
    );
    assert!(stderr(&ambiguous).contains("matches several rollouts"));
    let unknown = cli(
        &db,
        &["export", "No such rollout", "--format", "md", "--out", path],
    );
    assert_eq!(unknown.status.code(), Some(1));
    let pdf = cli(&db, &["export", "EHR", "--format", "pdf", "--out", path]);
    assert_eq!(
        pdf.status.code(),
        Some(1),
        "formats not in this build are refused by the parser"
    );
    let missing_sop = cli(
        &db,
        &["export-sop", "ZZ-999", "--format", "md", "--out", path],
    );
    assert_eq!(missing_sop.status.code(), Some(1));
}

#[test]
fn a_bundle_protected_with_a_passphrase_file_imports_only_with_it() {
    let dir = tempfile::tempdir().expect("dir");
    let db = demo(dir.path());
    let secret = dir.path().join("passphrase.txt");
    std::fs::write(&secret, "riverside-2027\n").expect("passphrase file");
    let bundle = dir.path().join("sms.rollplan");
    let (bundle_path, secret_path) = (
        bundle.to_str().expect("path"),
        secret.to_str().expect("path"),
    );
    let done = cli(
        &db,
        &[
            "export",
            "SMS appointment",
            "--format",
            "bundle",
            "--out",
            bundle_path,
            "--passphrase-file",
            secret_path,
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(
        String::from_utf8_lossy(&done.stdout).contains("protected with a passphrase"),
        "the summary says the bundle is protected"
    );

    let other = dir.path().join("colleague.db");
    let refused = cli(&other, &["import", "bundle", bundle_path]);
    assert_eq!(refused.status.code(), Some(1), "no passphrase, no import");
    assert!(
        stderr(&refused).contains("passphrase"),
        "{}",
        stderr(&refused)
    );

    let imported = cli(
        &other,
        &[
            "import",
            "bundle",
            bundle_path,
            "--passphrase-file",
            secret_path,
        ],
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    let listed = cli(&other, &["rollouts", "list", "--json"]);
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("SMS appointment reminders"),
        "the colleague's database holds the rollout"
    );
}
