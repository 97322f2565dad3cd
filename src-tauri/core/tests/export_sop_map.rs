//! The process map as a drawing: golden SVGs of the sample clinic's SOPs (run with
//! `UPDATE_GOLDEN=1` after an intended change and review them like code), the SVG and
//! PNG exports written through the one export path, and a long map cut into pages.

// Integration tests may unwrap: a failure is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use export_common::{assert_golden, python, today};
use rollplan_core::export::svg::{sop_map_pages, sop_map_svg, MapTheme};
use rollplan_core::export::{run_export, ExportDetail, ExportFormat, ExportRequest, ExportSubject};
use rollplan_core::sops::map::process_map;
use rollplan_core::Store;

fn sample() -> Store {
    let store = Store::open_in_memory().expect("store");
    rollplan_core::demo::seed_sample_clinic(&store, today()).expect("sample clinic");
    store
}

#[test]
fn the_sample_clinics_maps_match_their_golden_svgs() {
    let store = sample();
    for summary in store.list_sops().expect("library") {
        let map = store.sop_map(&summary.id).expect("map");
        let svg = sop_map_svg(&map, MapTheme::Light);
        assert!(
            svg.markup.starts_with("<svg") && svg.markup.ends_with("</svg>"),
            "{} is one SVG element",
            summary.code
        );
        assert_golden(&format!("sop_map/{}.svg", summary.code), &svg.markup);
        let dark = sop_map_svg(&map, MapTheme::Dark);
        assert_ne!(
            dark.markup, svg.markup,
            "the dark theme has colours of its own"
        );
        assert_eq!(dark.alt, svg.alt, "and says the same in words");
    }
}

fn export(store: &Store, code: &str, format: ExportFormat, dir: &std::path::Path) -> Vec<u8> {
    let sop = store.find_sop_by_code(code).expect("sop");
    let path = dir.join(format!("map.{}", format.extension()));
    let outcome = run_export(
        store,
        &ExportRequest {
            subject: ExportSubject::Sop { id: sop.id },
            format,
            path: path.clone(),
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
    .expect("exported");
    assert!(outcome.written, "the map is written");
    std::fs::read(&path).expect("the file is there")
}

#[test]
fn the_map_exports_as_svg_and_as_a_png_picture() {
    let store = sample();
    let dir = tempfile::tempdir().expect("temp dir");
    let svg =
        String::from_utf8(export(&store, "FD-012", ExportFormat::Svg, dir.path())).expect("text");
    for words in ["Front desk", "within 15 minutes", "Start", "End"] {
        assert!(svg.contains(words), "the SVG shows '{words}'");
    }
    export(&store, "FD-012", ExportFormat::Png, dir.path());
    let png = dir.path().join("map.png");
    // Pillow may be missing; the PNG header holds the size, so read it by hand.
    let size = python(
        "import sys, struct, json\nb = open(sys.argv[1], 'rb').read(32)\nok = b[:8] == b'\\x89PNG\\r\\n\\x1a\\n'\nw, h = struct.unpack('>II', b[16:24])\nprint(json.dumps({'png': ok, 'width': w, 'height': h}))",
        &[&png],
    );
    assert_eq!(size["png"], true, "the picture is a PNG");
    let map = process_map(&store.find_sop_by_code("FD-012").expect("sop"));
    assert!(
        size["width"].as_f64().unwrap_or(0.0) >= map.width * 2.0 - 1.0,
        "drawn at twice the map's size, sharp on paper: {size}"
    );
}

#[test]
fn a_png_draws_the_words_in_the_embedded_font() {
    let store = sample();
    let map = store
        .sop_map(&store.find_sop_by_code("CL-031").expect("sop").id)
        .expect("map");
    let png = rollplan_core::export::svg::svg_to_png(&sop_map_svg(&map, MapTheme::Light), 1.0)
        .expect("png");
    let blank = {
        let mut empty = map.clone();
        for node in &mut empty.nodes {
            node.lines.clear();
        }
        for lane in &mut empty.lanes {
            lane.name_lines.clear();
        }
        rollplan_core::export::svg::svg_to_png(&sop_map_svg(&empty, MapTheme::Light), 1.0)
            .expect("png")
    };
    assert_ne!(
        png, blank,
        "the text is drawn, not dropped for want of a font"
    );
}

#[test]
fn a_long_map_prints_as_pages_each_with_the_lane_headings() {
    let store = sample();
    let sop = store.find_sop_by_code("CL-031").expect("sop");
    let mut long = store.get_sop(&sop.id).expect("sop");
    let steps = long.steps.clone();
    for round in 0..50 {
        for step in &steps {
            let mut step = step.clone();
            step.id = format!("{}-{round}", step.id);
            long.steps.push(step);
        }
    }
    let map = process_map(&long);
    let pages = sop_map_pages(&map, 1000.0);
    assert!(
        pages.len() > 5,
        "a long map takes several pages: {}",
        pages.len()
    );
    for (index, page) in pages.iter().enumerate() {
        for lane in &map.lanes {
            assert!(
                page.markup.contains(&lane.name_lines[0]),
                "page {} repeats the heading of {}",
                index + 1,
                lane.name
            );
        }
    }
    let last = map.nodes.iter().filter(|n| n.step.is_some()).count();
    assert!(last > 200, "every step is drawn");
}

#[test]
fn an_sop_without_steps_draws_a_sentence() {
    let store = Store::open_in_memory().expect("store");
    let sop = store
        .create_sop(&rollplan_core::sops::SopDraft {
            code: "NEW-1".into(),
            title: "Not written yet".into(),
            ..Default::default()
        })
        .expect("sop");
    let svg = sop_map_svg(&store.sop_map(&sop.id).expect("map"), MapTheme::Light);
    assert!(
        svg.markup.contains("has no steps yet"),
        "the drawing says why it is empty"
    );
}
