//! The process map everywhere an SOP goes, read back as its recipient would: the PDF
//! through poppler (the caption and lane names as text, the drawing painted on its own
//! page, a 200-step map cut across several pages), the Word file through python-docx
//! (the map as inline pictures a page wide), the HTML with the drawing inline, and the
//! library binder with a map for every SOP.

// Integration tests may unwrap: a failure is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use export_common::{pdf_text_and_pages, python, today};
use rollplan_core::export::{sop_docx, sop_html};
use rollplan_core::pdf::{sop_library_pdf, sop_pdf};
use rollplan_core::sops::{SopDraft, Step};
use rollplan_core::Store;

fn sample() -> Store {
    let store = Store::open_in_memory().expect("store");
    rollplan_core::demo::seed_sample_clinic(&store, today()).expect("sample clinic");
    store
}

/// An SOP of `count` steps taking turns between three roles, every fifth with a check.
fn long_sop(store: &Store, count: usize) -> String {
    let roles = ["Front desk", "Medical assistant", "Registered nurse"];
    let steps = (0..count)
        .map(|i| Step {
            id: String::new(),
            role: roles[(i / 3) % roles.len()].to_owned(),
            instruction: format!("Do part {} of the intake", i + 1),
            quality_check: if i % 5 == 4 {
                "Stop the line if the chart is incomplete".to_owned()
            } else {
                String::new()
            },
        })
        .collect();
    store
        .create_sop(&SopDraft {
            code: "LONG-200".into(),
            title: "Two hundred steps".into(),
            steps,
            ..SopDraft::default()
        })
        .expect("a long SOP saves")
        .id
}

/// The text with every run of spaces and line breaks made one space: a caption the
/// page wraps still reads as one sentence.
fn words_of(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many pixels of each page of `pdf` are not white, rendered at 30 dpi (PIL reads
/// poppler's PNGs).
fn ink_per_page(pdf: &[u8]) -> Vec<u64> {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).expect("write");
    let out = python(
        r#"
import glob, json, os, subprocess, sys
from PIL import Image
pdf = sys.argv[1]
prefix = os.path.join(os.path.dirname(pdf), "page")
subprocess.run(["pdftoppm", "-r", "30", "-png", pdf, prefix], check=True)
ink = []
for name in sorted(glob.glob(prefix + "*.png")):
    grey = Image.open(name).convert("L")
    ink.append(sum(1 for v in grey.getdata() if v < 200))
print(json.dumps(ink))
"#,
        &[&path],
    );
    serde_json::from_value(out).expect("a list of counts")
}

#[test]
fn the_pdf_prints_the_map_on_a_page_of_its_own_with_its_caption() {
    let store = sample();
    let sop = store.find_sop_by_code("CL-020").expect("sop");
    let pdf = sop_pdf(&store, &sop.id, None, today()).expect("pdf");
    let (text, pages) = pdf_text_and_pages(&pdf);
    let text = words_of(&text);
    assert!(
        pages >= 2,
        "the map takes a page after the procedure: {pages} pages"
    );
    for words in [
        "PROCESS MAP",
        "Scheduler",
        "Referral coordinator",
        "1 hand-off between lanes and 1 failure point",
    ] {
        assert!(
            text.contains(words),
            "the PDF's text reads '{words}':\n{text}"
        );
    }
    let ink = ink_per_page(&pdf);
    let last = *ink.last().expect("a last page");
    assert!(
        last > 2 * ink[0] / 3,
        "the map's page carries a drawing, not only a caption: ink per page {ink:?}"
    );
}

#[test]
fn a_200_step_map_is_cut_across_printed_pages() {
    let store = Store::open_in_memory().expect("store");
    let id = long_sop(&store, 200);
    let short = {
        let shorter = long_sop_named(&store, 3);
        pdf_text_and_pages(&sop_pdf(&store, &shorter, None, today()).expect("pdf")).1
    };
    let pdf = sop_pdf(&store, &id, None, today()).expect("a 200-step SOP prints");
    let (text, pages) = pdf_text_and_pages(&pdf);
    let text = words_of(&text);
    assert!(
        text.contains("200 steps across 3 lanes"),
        "the caption counts every step:\n{}",
        &text[..text.len().min(2000)]
    );
    let map = store.sop_map(&id).expect("map");
    let expected = rollplan_core::export::sop_map_print_pages(&map).len();
    assert!(expected > 3, "200 steps need several map pages: {expected}");
    assert!(
        pages >= short + expected,
        "every slice of the map is printed on a page of its own: {pages} pages for {expected} slices"
    );
}

fn long_sop_named(store: &Store, count: usize) -> String {
    store
        .create_sop(&SopDraft {
            code: format!("SHORT-{count}"),
            title: "A short one".into(),
            steps: (0..count)
                .map(|i| Step {
                    id: String::new(),
                    role: "Front desk".into(),
                    instruction: format!("Step {}", i + 1),
                    quality_check: String::new(),
                })
                .collect(),
            ..SopDraft::default()
        })
        .expect("saved")
        .id
}

#[test]
fn the_word_file_holds_the_map_as_an_inline_picture_a_page_wide() {
    let store = sample();
    let sop = store.find_sop_by_code("FD-012").expect("sop");
    let document = store.sop_document(&sop.id).expect("document");
    let bytes = sop_docx(&document).expect("docx");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("sop.docx");
    std::fs::write(&path, bytes).expect("write");
    let read = python(
        r#"
import json, sys, docx
d = docx.Document(sys.argv[1])
shapes = [{"width": s.width.inches, "height": s.height.inches} for s in d.inline_shapes]
images = [p.partname for p in d.part.package.iter_parts() if p.content_type == "image/png"]
print(json.dumps({"shapes": shapes, "images": images, "text": "\n".join(p.text for p in d.paragraphs)}))
"#,
        &[&path],
    );
    let shapes = read["shapes"].as_array().expect("shapes");
    assert!(!shapes.is_empty(), "the map is an inline picture: {read}");
    for shape in shapes {
        let width = shape["width"].as_f64().unwrap();
        assert!(
            (width - 6.5).abs() < 0.01,
            "the picture spans the 6.5-inch text width: {shape}"
        );
        assert!(
            shape["height"].as_f64().unwrap() <= 9.0,
            "and fits a page's height: {shape}"
        );
    }
    assert_eq!(
        read["images"].as_array().unwrap().len(),
        shapes.len(),
        "each picture is a PNG packed in the file: {read}"
    );
    let text = read["text"].as_str().unwrap();
    assert!(
        text.contains("Process map") && text.contains("Front desk"),
        "the map has its heading and a caption naming its lanes:\n{text}"
    );
}

#[test]
fn the_html_holds_the_drawing_inline() {
    let store = sample();
    let sop = store.find_sop_by_code("CL-020").expect("sop");
    let html = sop_html(&store.sop_document(&sop.id).expect("document"));
    let figure = html
        .split("<figure class=\"map\">")
        .nth(1)
        .expect("the map is a figure in the page");
    assert!(
        figure.starts_with("<svg"),
        "the figure is the SVG itself, inline"
    );
    for words in [
        "Scheduler",
        "Referral coordinator",
        "1 hand-off between lanes",
    ] {
        assert!(html.contains(words), "the HTML shows '{words}'");
    }
    assert_eq!(
        html.matches("<svg").count(),
        1,
        "one drawing: the whole map, not print slices"
    );
}

#[test]
fn the_binder_prints_every_sops_map() {
    let store = sample();
    let pdf = sop_library_pdf(&store, "Riverside SOPs", today()).expect("binder");
    let text = words_of(&pdf_text_and_pages(&pdf).0);
    for summary in store.list_sops().expect("library") {
        if summary.status == rollplan_core::sops::SopStatus::Retired {
            continue;
        }
        assert!(
            text.contains(&format!("Process map of {}", summary.code)),
            "the binder carries the map of {}",
            summary.code
        );
    }
}
