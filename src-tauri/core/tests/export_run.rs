//! One export from start to finish, as the app's Export panel and the command line run
//! it: the PHI check first, formats per subject, overwriting, CSV as a folder or a zip.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use std::path::Path;

use chrono::Utc;
use export_common::{fixture, today, Fixture};
use rollplan_core::export::{
    run_export, ExportDetail, ExportFormat, ExportOutcome, ExportRequest, ExportStage,
    ExportSubject,
};
use rollplan_core::plan::TaskDraft;

fn rollout_request(f: &Fixture, format: ExportFormat, path: &Path) -> ExportRequest {
    ExportRequest {
        subject: ExportSubject::Rollout {
            id: f.rollout.clone(),
        },
        format,
        path: path.to_path_buf(),
        force: false,
        overwrite: false,
        include_people: false,
        passphrase: None,
        detail: ExportDetail::default(),
    }
}

fn export(f: &Fixture, request: &ExportRequest) -> (ExportOutcome, Vec<ExportStage>) {
    let mut stages = Vec::new();
    let outcome = run_export(&f.store, request, today(), Utc::now(), &mut |s| {
        stages.push(s)
    })
    .expect("export runs");
    (outcome, stages)
}

fn add_phone_number(f: &Fixture) {
    f.store
        .create_task(
            &f.rollout,
            &TaskDraft {
                title: "Call back about the lab result".into(),
                notes: "Patient's cell 555-201-7788".into(),
                ..TaskDraft::default()
            },
        )
        .expect("task");
}

#[test]
fn every_rollout_format_writes_a_file_and_reports_each_stage() {
    let f = fixture();
    let dir = tempfile::tempdir().expect("dir");
    for format in [
        ExportFormat::Pdf,
        ExportFormat::Html,
        ExportFormat::Docx,
        ExportFormat::Markdown,
        ExportFormat::Xlsx,
        ExportFormat::Csv,
        ExportFormat::Ics,
        ExportFormat::Mspdi,
        ExportFormat::Bundle,
    ] {
        let path = dir.path().join(format!("report.{}", format.extension()));
        let (outcome, stages) = export(&f, &rollout_request(&f, format, &path));
        assert!(outcome.written, "{format:?} is written");
        assert_eq!(
            std::fs::metadata(&path).expect("file").len(),
            outcome.bytes,
            "{format:?}: the size reported is the size on disk"
        );
        assert!(
            outcome.summary.starts_with("Exported"),
            "{}",
            outcome.summary
        );
        assert_eq!(
            stages,
            [
                ExportStage::Gathering,
                ExportStage::CheckingPhi,
                ExportStage::Rendering,
                ExportStage::Writing
            ],
            "{format:?} reports its progress in order"
        );
    }
    let zip = std::fs::read(dir.path().join("report.zip")).expect("zip");
    assert!(zip.starts_with(b"PK"), "CSV to a .zip path is one zip file");
}

#[test]
fn csv_into_a_folder_writes_a_file_per_table() {
    let f = fixture();
    let dir = tempfile::tempdir().expect("dir");
    let folder = dir.path().join("tables");
    let (outcome, _) = export(&f, &rollout_request(&f, ExportFormat::Csv, &folder));
    assert!(
        outcome.files.len() > 5,
        "one CSV per table: {:?}",
        outcome.files
    );
    assert!(folder.join("tasks.csv").exists(), "the task table is there");
}

#[test]
fn patient_data_stops_the_export_until_forced() {
    let f = fixture();
    add_phone_number(&f);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("report.pdf");
    let mut request = rollout_request(&f, ExportFormat::Pdf, &path);
    let (refused, stages) = export(&f, &request);
    assert!(!refused.written, "a PHI hit stops the export");
    assert!(
        !path.exists(),
        "nothing is written while a hit is unanswered"
    );
    assert_eq!(
        stages,
        [ExportStage::Gathering, ExportStage::CheckingPhi],
        "nothing is rendered either"
    );
    let hit = refused
        .phi_hits
        .iter()
        .find(|h| h.field == "notes")
        .expect("the phone number in the task's notes");
    assert!(
        hit.entity.contains("Call back about the lab result"),
        "{hit:?}"
    );

    request.force = true;
    let (forced, _) = export(&f, &request);
    assert!(
        forced.written && path.exists(),
        "export anyway writes the file"
    );
    assert_eq!(
        forced.phi_hits, refused.phi_hits,
        "a forced export still lists what went out"
    );
}

#[test]
fn an_existing_file_is_kept_unless_overwrite_is_asked() {
    let f = fixture();
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("report.html");
    std::fs::write(&path, "yesterday's export").expect("old file");
    let mut request = rollout_request(&f, ExportFormat::Html, &path);
    let error = run_export(&f.store, &request, today(), Utc::now(), &mut |_| {})
        .expect_err("an existing file is not replaced silently");
    assert_eq!(error.payload().code, "conflict");
    assert_eq!(
        std::fs::read_to_string(&path).expect("file"),
        "yesterday's export",
        "the old export is untouched"
    );
    request.overwrite = true;
    let (outcome, _) = export(&f, &request);
    assert!(outcome.written);
    assert!(std::fs::read_to_string(&path)
        .expect("file")
        .starts_with("<!DOCTYPE html>"));
}

#[test]
fn each_subject_takes_only_its_formats() {
    let f = fixture();
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("x.docx");
    let library = ExportRequest {
        subject: ExportSubject::Library {
            title: "Riverside Family Health".into(),
        },
        format: ExportFormat::Docx,
        path: path.clone(),
        force: false,
        overwrite: false,
        include_people: false,
        passphrase: None,
        detail: ExportDetail::default(),
    };
    let error = run_export(&f.store, &library, today(), Utc::now(), &mut |_| {})
        .expect_err("the library binder is a PDF only");
    assert_eq!(error.payload().field.as_deref(), Some("format"));
    assert!(error.to_string().contains("pdf"), "{error}");

    let sop = ExportRequest {
        subject: ExportSubject::Sop { id: f.sop.clone() },
        format: ExportFormat::Docx,
        path: path.clone(),
        force: false,
        overwrite: false,
        include_people: false,
        passphrase: None,
        detail: ExportDetail::default(),
    };
    let (outcome, _) = export(&f, &sop);
    assert!(outcome.written, "an SOP is");
    assert!(outcome.summary.contains(".docx"), "{}", outcome.summary);

    let library = ExportRequest {
        subject: ExportSubject::Library {
            title: "Riverside Family Health".into(),
        },
        format: ExportFormat::Pdf,
        path: dir.path().join("binder.pdf"),
        ..sop
    };
    let (outcome, _) = export(&f, &library);
    assert!(outcome.written, "the library is a PDF binder");
}

#[test]
fn the_save_dialog_proposes_a_name_any_file_system_accepts() {
    let f = fixture();
    let name = rollplan_core::export::export_file_name(
        &f.store,
        &ExportSubject::Rollout {
            id: f.rollout.clone(),
        },
        ExportFormat::Pdf,
    )
    .expect("name");
    assert!(name.ends_with(".pdf"), "{name}");
    assert!(
        !name.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']),
        "{name}"
    );
    let rollout = f.store.get_rollout(&f.rollout).expect("rollout");
    let mut draft = rollout.draft();
    draft.name = "EHR go-live: Riverside/Northgate?".into();
    f.store
        .update_rollout(&rollout.id, rollout.row_version, &draft)
        .expect("rename");
    let name = rollplan_core::export::export_file_name(
        &f.store,
        &ExportSubject::Rollout {
            id: f.rollout.clone(),
        },
        ExportFormat::Csv,
    )
    .expect("name");
    assert_eq!(name, "EHR go-live - Riverside - Northgate.zip");
}

#[test]
fn the_phi_check_alone_reports_without_writing() {
    let f = fixture();
    add_phone_number(&f);
    let hits = rollplan_core::export::check_export(
        &f.store,
        &ExportSubject::Rollout {
            id: f.rollout.clone(),
        },
        ExportFormat::Html,
        today(),
    )
    .expect("check");
    assert!(
        hits.iter().any(|h| h.excerpt.contains("555-201-7788")),
        "{hits:?}"
    );
}
