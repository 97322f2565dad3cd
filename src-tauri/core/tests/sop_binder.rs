//! The library binder as a reader finds their way in it: every contents line and
//! every PDF bookmark names the SOP by code and title, so two SOPs of one title are
//! told apart, and the contents give each one's version and status.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod pdf_reader;
mod sops_common;

use pdf_reader::pdf_structure;
use rollplan_core::sops::SopDraft;
use rollplan_core::Store;
use sops_common::{check_in, date};

/// The text of a PDF's pages, through poppler's pdftotext, split at form feeds.
fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("binder.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().expect("path"), "-"])
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext read the PDF");
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(str::to_owned)
        .collect()
}

#[test]
fn contents_and_bookmarks_name_each_sop_by_code_with_version_and_status() {
    let store = Store::open_in_memory().expect("store");
    let approved = store.create_sop(&check_in()).expect("sop");
    store
        .approve_sop(
            &approved.id,
            approved.row_version,
            "Dr. Ortiz",
            "2026-11-01",
        )
        .expect("approve");
    // A second site's procedure of the same title, still a draft.
    store
        .create_sop(&SopDraft {
            code: "FD-112".into(),
            ..check_in()
        })
        .expect("second sop");
    let title = check_in().title;

    let pdf = rollplan_core::pdf::sop_library_pdf(&store, "Riverside", date("2026-11-25"))
        .expect("binder");
    let pages = pdf_pages(&pdf);
    let contents = pages
        .iter()
        .find(|p| p.contains("Contents"))
        .expect("a contents page");
    for (code, status) in [
        ("FD-012", "Approved"),
        ("FD-112", "DRAFT — not yet approved"),
    ] {
        let line = contents
            .lines()
            .find(|l| l.contains(code))
            .unwrap_or_else(|| panic!("{code} has a contents line:\n{contents}"));
        assert!(
            line.contains(&title) && line.contains("v1") && line.contains(status),
            "the contents line gives code, title, version and status: {line:?}"
        );
        let page: usize = line
            .split_whitespace()
            .last()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("the line ends with a page number: {line:?}"));
        assert!(
            pages[page - 1].contains(code) && pages[page - 1].contains(&title),
            "{code} starts on the page its contents line gives ({page})"
        );
    }

    let bookmarks = pdf_structure(&pdf).bookmarks;
    for code in ["FD-012", "FD-112"] {
        assert!(
            bookmarks.contains(&format!("{code} {title}")),
            "a bookmark names {code} by code and title: {bookmarks:?}"
        );
    }
}
