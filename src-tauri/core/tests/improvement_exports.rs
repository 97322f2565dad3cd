//! Improvement cycles leave the machine as the app shows them: the sample clinic's SMS
//! pilot — one decided cycle on its no-show rate, one running — in the metric's chart
//! (a golden SVG with the Do windows and predictions), in the HTML, Markdown and PDF
//! reports (the ramp with the core's words, read back from the PDF by pdftotext), and
//! in the bundle, which carries them to another database and back unchanged while a
//! bundle without them still imports.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use chrono::NaiveDate;
use export_common::{assert_golden, pdf_text_and_pages};
use rollplan_core::bundle::{bundle_to_json, BundleResolution, BundleResolutions};
use rollplan_core::export::svg::metric_chart_svg;
use rollplan_core::export::{rollout_docx, rollout_html, rollout_markdown};
use rollplan_core::improvement::{CycleStage, PdsaCycle};
use rollplan_core::pdf::rollout_pdf;
use rollplan_core::rollouts::Rollout;
use rollplan_core::Store;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

/// The sample clinic, and its SMS pilot.
fn clinic() -> (Store, Rollout) {
    let store = Store::open_in_memory().unwrap();
    let rollouts = rollplan_core::demo::seed_sample_clinic(&store, day()).unwrap();
    let sms = rollouts
        .into_iter()
        .find(|r| r.name == "SMS appointment reminders")
        .expect("the sample clinic runs an SMS pilot");
    (store, sms)
}

fn cycles(store: &Store, rollout: &str) -> Vec<PdsaCycle> {
    store.rollout_pdsa_cycles(rollout, day()).unwrap()
}

#[test]
fn the_sample_pilot_has_a_decided_cycle_and_a_running_one() {
    let (store, sms) = clinic();
    let found = cycles(&store, &sms.id);
    let stages: Vec<CycleStage> = found.iter().map(|c| c.stage).collect();
    assert_eq!(
        stages,
        [CycleStage::Decided, CycleStage::Running],
        "a ramp of two: the first decided, its adaptation running"
    );
    assert_eq!(
        found[0].study.summary,
        "Predicted 12% by Nov 23, 2026; measured 12.6% on Nov 23, 2026: 0.6 points above the \
         prediction, worse than predicted.",
        "more no-shows than predicted is worse"
    );
    let decision_id = found[0]
        .act
        .as_ref()
        .and_then(|a| a.decision_id.clone())
        .expect("the Act wrote a decision");
    assert!(
        store
            .list_decisions(&sms.id)
            .unwrap()
            .iter()
            .any(|d| d.id == decision_id && d.title.starts_with("Adapt: ")),
        "the Act is in the pilot's decision log"
    );
}

#[test]
fn the_chart_draws_each_do_window_and_prediction() {
    let (store, sms) = clinic();
    let no_show = &store.list_metrics(&sms.id).unwrap()[0];
    let chart = store.metric_chart(&no_show.id, day()).unwrap();
    let svg = metric_chart_svg(&chart);
    assert_eq!(
        svg.markup.matches("class=\"cycle-window\"").count(),
        2,
        "one band per cycle"
    );
    assert_eq!(
        svg.markup.matches("class=\"prediction\"").count(),
        2,
        "one marker per prediction"
    );
    assert!(
        svg.alt.contains("predicting 12% by"),
        "the text alternative names the prediction: {}",
        svg.alt
    );
    assert_golden("pdsa_chart.svg", &svg.markup);
}

#[test]
fn every_report_shows_the_ramp_in_the_cores_words() {
    let (store, sms) = clinic();
    let report = store.rollout_document_report(&sms.id, day()).unwrap();
    let first = &cycles(&store, &sms.id)[0];
    let html = rollout_html(&report);
    let markdown = rollout_markdown(&report);
    let word = docx_text(&rollout_docx(&report).unwrap());
    for (format, text) in [("HTML", &html), ("Markdown", &markdown), ("Word", &word)] {
        assert!(
            text.contains("Improvement cycles (PDSA)"),
            "the {format} report has the ramp's heading"
        );
        assert!(
            text.contains("0.6 points above the prediction, worse than predicted."),
            "the {format} report words the study as the core does"
        );
        assert!(
            text.contains("Adapt on Nov 24, 2026"),
            "the {format} report shows the Act"
        );
        assert!(
            text.contains("Due for its decision") || text.contains("Running"),
            "the {format} report shows where the running cycle stands"
        );
    }
    let (pdf, _) = pdf_text_and_pages(&rollout_pdf(&report).unwrap());
    let flat = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Improvement cycles (PDSA)"),
        "the PDF has the ramp"
    );
    assert!(
        flat.contains(&first.act_text()),
        "the PDF shows the Act as every format writes it: {}",
        first.act_text()
    );
    assert!(flat.contains("worse than predicted"), "and the study");
}

#[test]
fn the_bundle_carries_the_cycles_and_a_bundle_without_them_still_imports() {
    let (store, sms) = clinic();
    let bundle = store.export_bundle(&sms.id, false, day()).unwrap();
    assert_eq!(bundle.pdsa_cycles.len(), 2, "both cycles travel");
    let json = bundle_to_json(&bundle).unwrap();
    let take = BundleResolutions::all(BundleResolution::TakeTheirs);

    let folder = tempfile::tempdir().unwrap();
    // An import backs the file up first, so it needs a file.
    let elsewhere = Store::open(&folder.path().join("elsewhere.db")).unwrap();
    elsewhere.import_bundle(&json, &take).unwrap();
    // A row's version counts the edits of its own copy, so it is not compared.
    let unversioned = |store: &Store| -> Vec<PdsaCycle> {
        cycles(store, &sms.id)
            .into_iter()
            .map(|c| PdsaCycle {
                row_version: 0,
                ..c
            })
            .collect()
    };
    assert_eq!(
        unversioned(&elsewhere),
        unversioned(&store),
        "the cycles arrive as they left, with their studies and the decision of the Act"
    );

    let mut older: serde_json::Value = serde_json::from_str(&json).unwrap();
    older
        .as_object_mut()
        .unwrap()
        .remove("pdsa_cycles")
        .expect("the bundle had the section");
    let older = serde_json::to_string(&older).unwrap();
    let fresh = Store::open(&folder.path().join("fresh.db")).unwrap();
    fresh.import_bundle(&older, &take).unwrap();
    assert!(
        cycles(&fresh, &sms.id).is_empty(),
        "a bundle without the section imports, without cycles"
    );
    assert_eq!(
        fresh.list_metrics(&sms.id).unwrap().len(),
        2,
        "and with everything else"
    );
}

/// A Word document's text, run by run, with XML's escapes undone.
fn docx_text(docx: &[u8]) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut text = String::new();
    // A run's text is in <w:t> or <w:t xml:space="preserve">; <w:tbl>, <w:tc> and the
    // like are not text.
    for piece in xml.split("<w:t").skip(1) {
        if !(piece.starts_with('>') || piece.starts_with(' ')) {
            continue;
        }
        let body = &piece[piece.find('>').unwrap() + 1..];
        text.push_str(&body[..body.find("</w:t>").unwrap()]);
        text.push(' ');
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
