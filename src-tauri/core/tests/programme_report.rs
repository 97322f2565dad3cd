//! A programme's PDF report, read back with pdftotext: its waves on one timeline, each
//! wave's readiness and trained % exactly as the programme's page (the core's overview)
//! gives them, the previous wave's lessons, the metrics side by side; the text pinned by
//! a golden file. It goes through the one export path with its PHI check.

// Integration tests may unwrap: a failure is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use chrono::Duration;
use export_common::{assert_golden, pdf_text_and_pages, today};
use rollplan_core::debriefs::DebriefDraft;
use rollplan_core::demo::SAMPLE_PROGRAMME;
use rollplan_core::export::{
    export_file_name, run_export, ExportDetail, ExportFormat, ExportOutcome, ExportRequest,
    ExportSubject,
};
use rollplan_core::programmes::{ProgrammeDraft, WaveDraft};
use rollplan_core::Store;

/// The sample clinic, whose EHR go-live is wave 1 of its programme (with `description`
/// when one is given), a debrief of it that asks for a change, and wave 2 planned from it.
fn programme(description: Option<&str>) -> (Store, String) {
    let store = Store::open_in_memory().expect("store");
    rollplan_core::demo::seed_sample_clinic(&store, today()).expect("sample");
    let mut programme = store.find_programme(SAMPLE_PROGRAMME).expect("programme");
    if let Some(description) = description {
        programme = store
            .update_programme(
                &programme.id,
                programme.row_version,
                &ProgrammeDraft {
                    name: programme.name.clone(),
                    description: description.into(),
                    owner: programme.owner.clone(),
                },
            )
            .expect("described");
    }
    let ehr = store.programme_waves(&programme.id).expect("waves").waves[0]
        .rollout
        .clone();
    store
        .create_debrief(
            &ehr.id,
            &DebriefDraft {
                held_on: today().to_string(),
                title: "Pilot go-live week".into(),
                happened: "Check-in ran long on the first two days.".into(),
                changed: "Super-users start at the front desk an hour before opening.".into(),
                next_check: "Label printers mapped at every desk the week before.".into(),
                ..DebriefDraft::default()
            },
        )
        .expect("debrief");
    let go_live = ehr.go_live_date.expect("the EHR go-live is dated") + Duration::days(91);
    store
        .plan_next_wave(
            &programme.id,
            &WaveDraft {
                name: "EHR go-live: wave 2 (four sites)".into(),
                go_live_date: go_live.to_string(),
                sites: vec!["Eastside Clinic".into(), "Northgate Pediatrics".into()],
            },
            today(),
        )
        .expect("wave 2");
    (store, programme.id)
}

fn export(store: &Store, id: &str, format: ExportFormat, path: &std::path::Path) -> ExportOutcome {
    run_export(
        store,
        &ExportRequest {
            subject: ExportSubject::Programme { id: id.to_owned() },
            format,
            path: path.to_path_buf(),
            force: false,
            overwrite: false,
            include_people: false,
            passphrase: None,
            detail: ExportDetail::default(),
        },
        today(),
        chrono::Utc::now(),
        &mut |_| {},
    )
    .expect("export ran")
}

#[test]
fn the_report_shows_each_wave_with_the_figures_of_the_programme_page() {
    let (store, id) = programme(None);
    let overview = store.programme_overview(&id, today()).unwrap();
    assert_eq!(overview.waves.len(), 2, "two waves");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("programme.pdf");
    let outcome = export(&store, &id, ExportFormat::Pdf, &path);
    assert!(
        outcome.written,
        "no PHI in the sample: {:?}",
        outcome.phi_hits
    );
    assert!(
        outcome.summary.contains("'EHR across the clinics'"),
        "the summary names the programme: {}",
        outcome.summary
    );
    let (text, pages) = pdf_text_and_pages(&std::fs::read(&path).unwrap());
    assert!(pages >= 1, "a document came out");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for wave in &overview.waves {
        let readiness = &wave.readiness;
        if readiness.training.people > 0 {
            assert!(
                flat.contains(&readiness.training.summary),
                "wave {}'s trained figure is the page's: {}",
                wave.number,
                readiness.training.summary
            );
        }
        assert!(
            flat.contains(&format!("{}% ready", readiness.score)),
            "wave {}'s readiness score is the page's: {}%",
            wave.number,
            readiness.score
        );
        assert!(
            flat.contains(&format!("Wave {} · {}", wave.number, wave.rollout.name)),
            "wave {} is on the timeline and in the list",
            wave.number
        );
    }
    assert!(
        flat.contains("What wave 1's debriefs asked to change")
            && flat.contains("Super-users start at the front desk an hour before opening."),
        "wave 2 carries what wave 1's debrief asked to change"
    );
    assert!(
        flat.contains("METRICS SIDE BY SIDE"),
        "the metrics are side by side"
    );
    assert_golden("programme.txt", &text);
}

#[test]
fn a_programme_exports_as_pdf_only_under_its_own_name() {
    let (store, id) = programme(None);
    let subject = ExportSubject::Programme { id: id.clone() };
    assert_eq!(
        export_file_name(&store, &subject, ExportFormat::Pdf).unwrap(),
        "EHR across the clinics.pdf",
        "the save dialog proposes the programme's name"
    );
    let dir = tempfile::tempdir().unwrap();
    let refused = run_export(
        &store,
        &ExportRequest {
            subject,
            format: ExportFormat::Html,
            path: dir.path().join("p.html"),
            force: false,
            overwrite: false,
            include_people: false,
            passphrase: None,
            detail: ExportDetail::default(),
        },
        today(),
        chrono::Utc::now(),
        &mut |_| {},
    )
    .expect_err("HTML is not a programme format");
    assert!(
        refused
            .to_string()
            .contains("A programme cannot be exported as html: choose pdf."),
        "the refusal names the format it can take: {refused}"
    );
    assert!(!dir.path().join("p.html").exists(), "nothing written");
}

#[test]
fn patient_details_in_the_programme_hold_the_export() {
    let (store, id) = programme(Some(
        "Started after the incident with John Smith, DOB 04/12/1961.",
    ));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("programme.pdf");
    let outcome = export(&store, &id, ExportFormat::Pdf, &path);
    assert!(!outcome.written, "the PHI check holds the export");
    assert!(
        outcome
            .phi_hits
            .iter()
            .any(|hit| hit.entity == "Programme \"EHR across the clinics\""
                && hit.field == "description"),
        "the hit names the programme and its field: {:?}",
        outcome.phi_hits
    );
    assert!(!path.exists(), "nothing was written");
}
