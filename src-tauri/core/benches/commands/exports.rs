//! Every export format of the largest rollout, timed as `rollplan-cli export` runs it —
//! gather the report, run the PHI check, render — with the size of what it writes (the
//! file itself is not written: disks on shared machines are too noisy to time).

use std::time::Duration;

use chrono::Utc;
use rollplan_core::bundle::bundle_to_json;
use rollplan_core::export;
use rollplan_core::Store;

use crate::measure::{Bench, Budget};
use crate::Landmarks;

/// A rollout's HTML report in under 200 ms, its PDF in under 2 s.
const HTML: Budget = Budget::Median(Duration::from_millis(200));
const PDF: Budget = Budget::Median(Duration::from_secs(2));

pub fn run(bench: &mut Bench, store: &Store, at: &Landmarks) {
    let (today, rollout) = (at.today, at.rollout.id.as_str());
    bench.area("Export", &at.rollout.name);
    // Documents show each metric's latest values; the table formats carry every value.
    let document = || store.rollout_document_report(rollout, today).unwrap();
    let tables = || store.rollout_report(rollout, today).unwrap();
    bench.time("rollout_document_report (gather)", Budget::None, || {
        drop(document())
    });
    bench.time("rollout_report, every value (gather)", Budget::None, || {
        drop(tables())
    });
    let report = tables();
    bench.time("phi_check (every value)", Budget::None, || {
        drop(export::phi_check(&report))
    });

    let html = export::rollout_html(&document()).len();
    bench.sized("HTML", HTML, Some(html), || {
        let report = document();
        drop(export::phi_check(&report));
        drop(export::rollout_html(&report));
    });

    let pdf = rollplan_core::pdf::rollout_pdf(&document()).unwrap().len();
    bench.sized("PDF", PDF, Some(pdf), || {
        let report = document();
        drop(export::phi_check(&report));
        drop(rollplan_core::pdf::rollout_pdf(&report).unwrap());
    });

    let markdown = export::rollout_markdown(&document()).len();
    bench.sized("Markdown", Budget::None, Some(markdown), || {
        let report = document();
        drop(export::phi_check(&report));
        drop(export::rollout_markdown(&report));
    });
    let xlsx = export::rollout_xlsx(&report).unwrap().len();
    bench.sized("XLSX", Budget::None, Some(xlsx), || {
        let report = tables();
        drop(export::phi_check(&report));
        drop(export::rollout_xlsx(&report).unwrap());
    });
    let csv: usize = export::rollout_csv_files(&report)
        .unwrap()
        .iter()
        .map(|(_, bytes)| bytes.len())
        .sum();
    bench.sized("CSV, one file per table", Budget::None, Some(csv), || {
        let report = tables();
        drop(export::phi_check(&report));
        drop(export::rollout_csv_files(&report).unwrap());
    });
    let stamp = Utc::now();
    let ics = export::rollout_ics(&document(), stamp).len();
    bench.sized("iCal", Budget::None, Some(ics), || {
        let report = document();
        drop(export::phi_check(&report));
        drop(export::rollout_ics(&report, stamp));
    });
    let mspdi = export::rollout_mspdi(&document()).unwrap().len();
    bench.sized("Microsoft Project XML", Budget::None, Some(mspdi), || {
        let report = document();
        drop(export::phi_check(&report));
        drop(export::rollout_mspdi(&report).unwrap());
    });
    let bundle = bundle_to_json(&store.export_bundle(rollout, false, today).unwrap())
        .unwrap()
        .len();
    bench.sized("bundle (.rollplan)", Budget::None, Some(bundle), || {
        drop(export::phi_check(&document()));
        drop(bundle_to_json(&store.export_bundle(rollout, false, today).unwrap()).unwrap());
    });

    // Beside them, for scale: the longest SOP typeset as a PDF.
    let steps = store.get_sop(&at.longest_sop).unwrap().steps.len();
    let pdf = rollplan_core::pdf::sop_pdf(store, &at.longest_sop, None, today)
        .unwrap()
        .len();
    bench.sized(
        &format!("SOP PDF ({steps} steps)"),
        Budget::None,
        Some(pdf),
        || drop(rollplan_core::pdf::sop_pdf(store, &at.longest_sop, None, today).unwrap()),
    );
}
