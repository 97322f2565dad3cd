//! One figure, one value: on the sample clinic, the trained %, the readiness score, each
//! metric's status and each risk's band read the same on Home, the overview, the
//! readiness and training pages, and in every export (HTML, Markdown, CSV, XLSX, PDF).

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use std::collections::HashMap;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use export_common::pdf_text_and_pages;
use rollplan_core::demo::seed_sample_clinic;
use rollplan_core::export::{rollout_csv_files, rollout_html, rollout_markdown, rollout_xlsx};
use rollplan_core::metrics::MetricState;
use rollplan_core::pdf::rollout_pdf;
use rollplan_core::rollouts::Rollout;
use rollplan_core::training::{MatrixFilter, TrainingProgress};
use rollplan_core::workspace::RiskBand;
use rollplan_core::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

fn sample() -> (Store, Vec<Rollout>) {
    let store = Store::open_in_memory().expect("store");
    let rollouts = seed_sample_clinic(&store, today()).expect("the sample clinic");
    (store, rollouts)
}

/// Whitespace collapsed, so a figure wrapped across lines by a layout still reads whole.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A CSV or sheet as rows of text cells.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.expect("csv row").iter().map(str::to_owned).collect())
        .collect()
}

/// The first data row of a table, by header.
fn first_row(rows: &[Vec<String>]) -> HashMap<String, String> {
    rows[0]
        .iter()
        .cloned()
        .zip(rows[1].iter().cloned())
        .collect()
}

/// A list of fields (name in the first column, value in the second), by name.
fn fields(rows: &[Vec<String>]) -> HashMap<String, String> {
    rows.iter()
        .skip(1)
        .filter_map(|row| Some((row.first()?.clone(), row.get(1)?.clone())))
        .collect()
}

fn sheet_rows(book: &mut Xlsx<std::io::Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<String>> {
    book.worksheet_range(name)
        .expect("sheet")
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_trained_percent_is_the_same_on_every_screen() {
    let (store, rollouts) = sample();
    let statuses = store.rollout_statuses(today()).expect("Home");
    for rollout in &rollouts {
        let home = &statuses
            .iter()
            .find(|s| s.rollout_id == rollout.id)
            .expect("a Home line")
            .training;
        let overview = store
            .rollout_overview(&rollout.id, today())
            .expect("overview")
            .readiness
            .training;
        let readiness = store
            .rollout_readiness(&rollout.id, today())
            .expect("readiness")
            .training;
        let page = store
            .training_matrix(
                &MatrixFilter {
                    rollout_id: Some(rollout.id.clone()),
                    ..MatrixFilter::default()
                },
                today(),
            )
            .expect("training page")
            .progress;
        let by_role = TrainingProgress::of_roles(
            &store
                .rollout_training_completion(&rollout.id, today())
                .expect("roles"),
        );
        assert!(
            home.people > 0,
            "{}: the sample trains people",
            rollout.name
        );
        for (screen, figure) in [
            ("the overview", &overview),
            ("the readiness page", &readiness),
            ("the training page", &page),
            ("the roles' completion", &by_role),
        ] {
            assert_eq!(
                figure, home,
                "{}: {screen} shows the trained % Home shows",
                rollout.name
            );
        }
    }
    let ehr = &statuses
        .iter()
        .find(|s| s.rollout_id == rollouts[0].id)
        .expect("the EHR go-live")
        .training;
    assert_eq!(
        (ehr.percent, ehr.summary.contains("people fully trained")),
        (
            rollplan_core::training::trained_percent(ehr.trained, ehr.people),
            true
        ),
        "the summary says of what"
    );
}

#[test]
fn the_training_completion_metric_agrees_with_the_training_records() {
    let (store, rollouts) = sample();
    let ehr = &rollouts[0];
    let home = store
        .rollout_statuses(today())
        .expect("Home")
        .into_iter()
        .find(|s| s.rollout_id == ehr.id)
        .expect("the EHR go-live on Home")
        .training;
    let statuses = store
        .rollout_metric_statuses(&ehr.id, today())
        .expect("statuses");
    let training = statuses
        .iter()
        .find(|s| s.metric_name == "Training completion")
        .expect("the training completion metric");
    let latest = training.latest.expect("a latest value");
    assert_eq!(
        (latest.date, latest.value),
        (today(), home.percent as f64),
        "the metric's latest value is the trained % Home shows ({})",
        home.summary
    );
    assert_ne!(
        training.state,
        MetricState::OnTrack,
        "{} with seven weeks to go is behind the line to 100%",
        home.summary
    );
}

#[test]
fn every_export_shows_the_same_figures_as_the_screens() {
    let (store, rollouts) = sample();
    let statuses = store.rollout_statuses(today()).expect("Home");
    for rollout in &rollouts {
        let home = statuses
            .iter()
            .find(|s| s.rollout_id == rollout.id)
            .expect("a Home line");
        let report = store
            .rollout_document_report(&rollout.id, today())
            .expect("report");
        let metric_states: Vec<(String, MetricState)> = store
            .rollout_metric_statuses(&rollout.id, today())
            .expect("metric statuses")
            .into_iter()
            .map(|s| (s.metric_name, s.state))
            .collect();
        let risks = store.list_risks(&rollout.id).expect("risks");
        assert_eq!(
            report.overview.readiness.score, home.score,
            "the report's readiness score is Home's"
        );
        assert_eq!(
            report
                .metrics
                .iter()
                .map(|m| (m.chart.metric.name.clone(), m.chart.status.state))
                .collect::<Vec<_>>(),
            metric_states,
            "the report's metric statuses are the metrics page's"
        );
        for risk in &risks {
            assert_eq!(risk.band, RiskBand::of(risk.score), "{}", risk.title);
        }
        let summary = &home.training.summary;
        let score = format!("{}/100", home.score);

        let html = flat(&rollout_html(&report));
        let markdown = flat(&rollout_markdown(&report));
        let (pdf, _) = pdf_text_and_pages(&rollout_pdf(&report).expect("pdf"));
        let pdf = flat(&pdf);
        for (format, text) in [("HTML", &html), ("Markdown", &markdown), ("PDF", &pdf)] {
            assert!(
                text.contains(summary.as_str()),
                "{format} of {} says {summary:?}",
                rollout.name
            );
            assert!(
                text.contains(&score),
                "{format} gives the readiness {score}"
            );
            for (name, state) in &metric_states {
                assert!(
                    text.contains(state.label()),
                    "{format} shows {name} as {}",
                    state.label()
                );
            }
            for risk in risks.iter().filter(|r| !r.title.is_empty()) {
                let band = format!("{} {}", risk.score, risk.band.label());
                let html_band = format!("<strong>{}</strong> {}", risk.score, risk.band.label());
                assert!(
                    text.contains(&band) || text.contains(&html_band),
                    "{format} bands {:?} as {band}",
                    risk.title
                );
            }
        }
        assert!(
            html.contains(&format!(
                "<span class=\"badge {}\">{}</span>",
                metric_states[0].1.code(),
                metric_states[0].1.label()
            )),
            "the HTML badge of the first metric is its status"
        );

        // CSV and XLSX carry the numbers themselves.
        let csv: HashMap<String, Vec<u8>> = rollout_csv_files(&report)
            .expect("csv")
            .into_iter()
            .collect();
        let full = store
            .rollout_report(&rollout.id, today())
            .expect("full report");
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(
            rollout_xlsx(&full).expect("xlsx"),
        ))
        .expect("a workbook");
        // The workbook lists the rollout's fields down its sheet, one per row.
        for (format, row) in [
            ("CSV", first_row(&csv_rows(&csv["rollout.csv"]))),
            ("XLSX", fields(&sheet_rows(&mut book, "rollout"))),
        ] {
            assert_eq!(
                row["Trained %"],
                home.training.percent.to_string(),
                "{format} trained %"
            );
            assert_eq!(
                row["Fully trained"],
                home.training.trained.to_string(),
                "{format} fully trained"
            );
            assert_eq!(
                row["Readiness score"],
                home.score.to_string(),
                "{format} readiness score"
            );
        }
        let summary = fields(&sheet_rows(&mut book, "Summary"));
        assert_eq!(
            summary["Fully trained"],
            home.training.percent.to_string(),
            "the workbook's summary trained %"
        );
        assert_eq!(
            summary["Readiness score"],
            home.score.to_string(),
            "the workbook's summary readiness score"
        );
        for (format, table) in [
            ("CSV", csv_rows(&csv["metrics.csv"])),
            ("XLSX", sheet_rows(&mut book, "metrics")),
        ] {
            let status = table[0]
                .iter()
                .position(|h| h == "Status")
                .expect("a status column");
            let shown: Vec<&str> = table[1..].iter().map(|r| r[status].as_str()).collect();
            let expected: Vec<&str> = metric_states.iter().map(|(_, s)| s.label()).collect();
            assert_eq!(shown, expected, "{format} metric statuses");
        }
        for (format, table) in [
            ("CSV", csv_rows(&csv["risks.csv"])),
            ("XLSX", sheet_rows(&mut book, "risks")),
        ] {
            let band = table[0].iter().position(|h| h == "Band").expect("a band");
            let shown: Vec<&str> = table[1..].iter().map(|r| r[band].as_str()).collect();
            let expected: Vec<&str> = risks.iter().map(|r| r.band.label()).collect();
            assert_eq!(shown, expected, "{format} risk bands");
        }
    }
}

#[test]
fn a_risk_band_follows_its_score() {
    let bands: Vec<RiskBand> = [1, 7, 8, 14, 15, 25].map(RiskBand::of).to_vec();
    assert_eq!(
        bands,
        [
            RiskBand::Low,
            RiskBand::Low,
            RiskBand::Medium,
            RiskBand::Medium,
            RiskBand::High,
            RiskBand::High
        ],
        "low to 7, medium to 14, high from 15"
    );
}
