//! The report's drawings and tables as a reader on paper meets them, read back with
//! readers we did not write: poppler (`pdftotext`, `pdffonts`, `pdftoppm`) and a few
//! lines of Python that walk the PDF's bookmarks and tagged figures. Names are whole,
//! axes name their years, critical and slipped marks differ without colour, every
//! drawing says what it shows, and an empty RACI cell prints nothing.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;
mod pdf_reader;

use export_common::{fixture, pdf_text_and_pages, today, Fixture};
use pdf_reader::{pdf_fonts, pdf_structure, render_grey_page, word_boxes};
use rollplan_core::export::svg::{
    heat_map_svg, metric_chart_svg, phase_timeline_svgs, timeline_svgs,
};
use rollplan_core::export::{rollout_html_with, ExportDetail, RolloutReport};
use rollplan_core::metrics::{Cadence, Direction, MeasurementDraft, MetricDraft, MetricUnit};
use rollplan_core::pdf::rollout_pdf_with;
use rollplan_core::plan::{TaskDraft, TaskStatus};
use rollplan_core::workspace::{Raci, RaciAssignment, StakeholderDraft};

const LONG_NAME: &str =
    "Reconcile every insurance plan's eligibility rules with the clearinghouse before cutover";

/// The fixture stretched back to January 2026 (over a year: the axes tick every other
/// month, which once skipped January and with it the year): a long-named task, a task
/// that slipped in December, a value measured in January 2026, and a second stakeholder in another
/// workstream, so the RACI table has empty cells.
fn spanning_fixture() -> (Fixture, RolloutReport) {
    let f = fixture();
    let build = f
        .store
        .list_phases(&f.rollout)
        .expect("phases")
        .remove(0)
        .id;
    for (title, start, due) in [
        (LONG_NAME, "2026-01-12", "2026-02-20"),
        ("Order the label printers", "2026-12-02", "2026-12-15"),
    ] {
        f.store
            .create_task(
                &f.rollout,
                &TaskDraft {
                    title: title.into(),
                    phase_id: Some(build.clone()),
                    start_date: Some(start.into()),
                    due_date: Some(due.into()),
                    status: TaskStatus::Doing,
                    ..Default::default()
                },
            )
            .expect("task");
    }
    let metric = f.store.list_metrics(&f.rollout).expect("metrics").remove(0);
    f.store
        .record_measurement(
            &metric.id,
            &MeasurementDraft {
                measured_on: "2026-01-12".into(),
                value: 14.5,
                note: String::new(),
                source: "typed".into(),
            },
        )
        .expect("measurement");
    f.store
        .create_stakeholder(
            &f.rollout,
            &StakeholderDraft {
                name: "Billing office".into(),
                is_group: true,
                raci: vec![RaciAssignment {
                    workstream: "Billing".into(),
                    role: Raci::Informed,
                }],
                ..StakeholderDraft::default()
            },
        )
        .expect("stakeholder");
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    (f, report)
}

/// The report with every drawing in it: the timeline by phase in the body and the
/// task-by-task timeline in the appendix.
fn everything_pdf(report: &RolloutReport) -> rollplan_core::Result<Vec<u8>> {
    rollout_pdf_with(report, ExportDetail::Everything)
}

fn everything_html(report: &RolloutReport) -> String {
    rollout_html_with(report, ExportDetail::Everything)
}

/// The PDF's pages as text, split where pdftotext puts a form feed.
fn pages(text: &str) -> Vec<&str> {
    text.split('\u{c}').collect()
}

#[test]
fn the_timeline_and_the_metric_chart_name_the_years_they_span() {
    let (_f, report) = spanning_fixture();
    let (text, _) = pdf_text_and_pages(&everything_pdf(&report).expect("pdf"));
    let pages = pages(&text);
    let timeline = pages
        .iter()
        .find(|p| p.contains("Critical path (solid outline)"))
        .expect("a page with the timeline and its legend");
    let chart = pages
        .iter()
        .find(|p| p.contains("Baseline to target"))
        .expect("a page with the metric chart and its legend");
    let names_a_month_of = |page: &str, year: i32| {
        [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        .iter()
        .any(|month| page.contains(&format!("{month} {year}")))
    };
    for (name, page) in [("timeline", timeline), ("metric chart", chart)] {
        assert!(
            names_a_month_of(page, 2026),
            "the {name}'s first month names 2026:\n{page}"
        );
        assert!(
            page.contains("Jan 2027"),
            "the {name} names 2027 on its January:\n{page}"
        );
    }
}

#[test]
fn timeline_names_wrap_whole_instead_of_being_cut() {
    let (_f, report) = spanning_fixture();
    let drawings = timeline_svgs(&report);
    let markup: String = drawings.iter().map(|(_, svg)| svg.markup.clone()).collect();
    assert!(
        !markup.contains('…'),
        "no name is cut with an ellipsis in the timeline"
    );
    let lines: Vec<String> = markup
        .split("<tspan")
        .skip(1)
        .filter_map(|s| s.split('>').nth(1))
        .map(|s| s.trim_end_matches("</tspan").replace("&#39;", "'"))
        .collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty() && LONG_NAME.starts_with(l.as_str()))
        .expect("the long name's first line");
    let mut drawn = lines[first].clone();
    for line in &lines[first + 1..] {
        let longer = format!("{drawn} {line}");
        if !LONG_NAME.starts_with(&longer) {
            break;
        }
        drawn = longer;
    }
    assert_eq!(drawn, LONG_NAME, "the long name is drawn whole");
    assert!(
        lines[first..].len() > 1 && lines[first].len() < LONG_NAME.len(),
        "over more than one line"
    );
    let (text, _) = pdf_text_and_pages(&everything_pdf(&report).expect("pdf"));
    assert!(
        text.contains("clearinghouse before cutover"),
        "the end of the long name reaches the PDF"
    );
}

/// The attribute `name` of the first `<tag ...>` whose own `<title>` (right inside
/// it) mentions `needle`.
fn attribute_of(markup: &str, tag: &str, needle: &str, name: &str) -> Option<String> {
    let needle = escape(needle);
    markup
        .split(&format!("<{tag} "))
        .skip(1)
        .filter_map(|element| element.split_once('>'))
        .find(|(_, inside)| {
            inside
                .strip_prefix("<title>")
                .and_then(|title| title.split("</title>").next())
                .is_some_and(|title| title.contains(&needle))
        })
        .and_then(|(head, _)| {
            let start = head.find(&format!(" {name}=\""))? + name.len() + 3;
            Some(head[start..].split('"').next()?.to_owned())
        })
}

/// Text as the drawings escape it.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Perceived lightness of a `#rrggbb` colour, 0 (black) to 255 (white).
fn lightness(hex: &str) -> f64 {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).expect("a hex colour");
    let (r, g, b) = ((v >> 16) & 255, (v >> 8) & 255, v & 255);
    0.299 * r as f64 + 0.587 * g as f64 + 0.114 * b as f64
}

#[test]
fn critical_and_slipped_outlines_differ_in_dash_and_in_greyscale() {
    let (_f, report) = spanning_fixture();
    let critical = report
        .tasks
        .iter()
        .find(|t| report.is_critical(&t.id) && report.slip(&t.id).is_none())
        .expect("a critical task on time");
    let slipped = report
        .tasks
        .iter()
        .find(|t| report.slip(&t.id).is_some() && !report.is_critical(&t.id))
        .expect("a slipped task off the critical path");
    let markup: String = timeline_svgs(&report)
        .iter()
        .map(|(_, svg)| svg.markup.clone())
        .collect();
    let critical_stroke =
        attribute_of(&markup, "rect", &critical.title, "stroke").expect("a critical outline");
    let slipped_stroke =
        attribute_of(&markup, "rect", &slipped.title, "stroke").expect("a slipped outline");
    assert!(
        (lightness(&critical_stroke) - lightness(&slipped_stroke)).abs() > 40.0,
        "critical {critical_stroke} and slipped {slipped_stroke} differ in greyscale"
    );
    assert_eq!(
        attribute_of(&markup, "rect", &critical.title, "stroke-dasharray"),
        None,
        "a critical outline is solid"
    );
    assert!(
        attribute_of(&markup, "rect", &slipped.title, "stroke-dasharray").is_some(),
        "a slipped outline is dashed"
    );
    for meaning in [
        "Critical path (solid outline)",
        "Slipped (dashed outline)",
        "Blocked",
    ] {
        assert!(
            markup.contains(&format!(">{meaning}</text>")),
            "the timeline's legend names {meaning:?} beside a swatch"
        );
    }
}

#[test]
fn every_drawing_says_what_it_shows_in_svg_html_and_pdf() {
    let (_f, report) = spanning_fixture();
    let mut drawings = phase_timeline_svgs(&report, usize::MAX);
    drawings.extend(timeline_svgs(&report).into_iter().map(|(_, s)| s));
    drawings.extend(report.metrics.iter().map(|m| metric_chart_svg(&m.chart)));
    drawings.push(heat_map_svg(&report.heat_map));
    for svg in &drawings {
        assert!(!svg.alt.is_empty(), "a drawing has alt text");
        assert!(
            svg.markup.contains(r#"role="img""#)
                && svg.markup.contains("aria-label=")
                && svg.markup.contains("<title>"),
            "the SVG carries its alt text as label and title: {}",
            svg.alt
        );
    }
    let chart = &report.metrics[0].chart;
    let alt = &metric_chart_svg(chart).alt;
    for part in [
        chart.metric.name.as_str(),
        "latest 11% on Feb 22, 2027",
        "target 8% by May 1, 2027",
        &format!("status: {}", chart.status.state.label()),
    ] {
        assert!(
            alt.contains(part),
            "the chart's alt text gives {part:?}: {alt}"
        );
    }
    let timeline_alt = &drawings[1].alt;
    assert!(
        timeline_alt.starts_with("Timeline of Build: ")
            && timeline_alt.contains("on the critical path")
            && timeline_alt.contains("slipped"),
        "the timeline's alt text counts its tasks: {timeline_alt}"
    );

    let html = everything_html(&report);
    for svg in &drawings {
        assert!(
            html.contains(&svg.markup),
            "the HTML report inlines each drawing with its label"
        );
    }

    let structure = pdf_structure(&everything_pdf(&report).expect("pdf"));
    assert_eq!(
        structure.figures.len(),
        drawings.len(),
        "each drawing is a tagged figure in the PDF: {:?}",
        structure.figures
    );
    for svg in &drawings {
        assert!(
            structure.figures.contains(&svg.alt),
            "the PDF describes the figure as the SVG does: {}",
            svg.alt
        );
    }
}

#[test]
fn an_empty_raci_cell_prints_nothing_not_a_missing_glyph_box() {
    let (_f, report) = spanning_fixture();
    let pdf = everything_pdf(&report).expect("pdf");
    let fonts = pdf_fonts(&pdf);
    assert!(
        !fonts.contains("Type 3"),
        "every glyph comes from the embedded fonts:\n{fonts}"
    );
    let (text, _) = pdf_text_and_pages(&pdf);
    assert!(!text.contains('\u{fffd}'), "no replacement characters");
    let page = pages(&text)
        .iter()
        .position(|p| p.contains("RACI"))
        .expect("a RACI page")
        + 1;
    // The table: Billing and Cutover columns; Northgate providers is consulted on
    // Cutover only, so their Billing cell is empty.
    let words = word_boxes(&pdf, page);
    // The topmost of each word: the RACI table comes before the ADKAR table.
    let find = |word: &str| {
        words
            .iter()
            .filter(|w| w.text == word)
            .min_by(|a, b| a.y_min.total_cmp(&b.y_min))
            .unwrap_or_else(|| panic!("{word:?} on the RACI page: {words:?}"))
    };
    let (billing, cutover, northgate) = (find("Billing"), find("Cutover"), find("Northgate"));
    let letter = words
        .iter()
        .find(|w| w.text == "C" && (w.y_min - northgate.y_min).abs() < 2.0)
        .expect("the providers' C under Cutover");
    assert!(
        letter.x_min >= cutover.x_min - 1.0,
        "the letter sits in the Cutover column"
    );
    let dpi = 144.0;
    let image = render_grey_page(&pdf, page, dpi);
    let scale = dpi / 72.0;
    let region = (
        (billing.x_min * scale) as usize,
        (northgate.y_min * scale) as usize,
        ((cutover.x_min - 3.0) * scale) as usize,
        (northgate.y_max * scale) as usize,
    );
    let darkest = image.darkest_in(region);
    assert!(
        darkest > 235,
        "the providers' Billing cell is blank paper (darkest pixel {darkest} in {region:?})"
    );
    // The check can fail: the same region over a printed letter is not blank.
    let letter_region = (
        (letter.x_min * scale) as usize,
        (letter.y_min * scale) as usize,
        (letter.x_max * scale) as usize + 1,
        (letter.y_max * scale) as usize + 1,
    );
    assert!(
        image.darkest_in(letter_region) < 120,
        "a printed letter shows as ink in the same render"
    );
}

#[test]
fn the_markdown_report_heads_adkar_stages_by_name() {
    let (_f, report) = spanning_fixture();
    let markdown = rollplan_core::export::rollout_markdown(&report);
    assert!(
        markdown.contains("| Awareness | Desire | Knowledge | Ability | Reinforcement | Notes |"),
        "the ADKAR columns are named, not lettered"
    );
    assert!(!markdown.contains("| A | D | K | A | R |"));
}

#[test]
fn the_printed_web_page_keeps_blocks_whole_and_numbers_its_pages() {
    let (_f, report) = spanning_fixture();
    let html = everything_html(&report);
    let print = html
        .split("@media print")
        .nth(1)
        .expect("print rules in the stylesheet");
    for block in [".card", "figure", "tr", "nav.contents"] {
        assert!(
            print
                .lines()
                .any(|l| l.contains("break-inside: avoid") && l.contains(block)),
            "a printed {block} is never cut across pages"
        );
    }
    assert!(
        html.contains("counter(page)") && html.contains("counter(pages)"),
        "printed pages are numbered"
    );
    assert!(
        !print.contains("position: fixed"),
        "nothing is fixed over the text of a printed page"
    );
}

#[test]
fn wrapped_names_make_a_timeline_drawing_no_taller_than_its_rows_allow() {
    let f = fixture();
    let build = f
        .store
        .list_phases(&f.rollout)
        .expect("phases")
        .remove(0)
        .id;
    for n in 0..30 {
        f.store
            .create_task(
                &f.rollout,
                &TaskDraft {
                    title: format!("{LONG_NAME} at site {n}"),
                    phase_id: Some(build.clone()),
                    start_date: Some("2027-02-01".into()),
                    due_date: Some("2027-02-10".into()),
                    ..Default::default()
                },
            )
            .expect("task");
    }
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    let rows = 36;
    let drawings = rollplan_core::export::svg::timeline_drawings(&report, rows);
    assert!(
        drawings
            .iter()
            .any(|(title, _)| title.ends_with("(continued)")),
        "thirty names of several lines each do not fit in one drawing of {rows} rows"
    );
    for (title, svg) in &drawings {
        let height: f64 = svg
            .markup
            .split("viewBox=\"0 0 ")
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.split(' ').nth(1))
            .and_then(|h| h.parse().ok())
            .expect("a viewBox");
        // One-line rows are 22 high; the header, the legend and the margins add the rest.
        assert!(
            height <= rows as f64 * 22.0 + 100.0,
            "{title}: {height} high, no more than {rows} rows allow"
        );
    }
}

#[test]
fn each_metric_card_is_printed_on_one_page() {
    // Three more cards of about half a page each: the second starts halfway down a
    // page, where a card free to break would end on the next one.
    let f = fixture();
    for n in 1..=3 {
        let metric = f
            .store
            .create_metric(
                &f.rollout,
                &MetricDraft {
                    name: format!("Check-in accuracy {n}"),
                    definition: "Check-ins with insurance and demographics verified, of all \
                                 check-ins in the week, counted from the audit sample"
                        .into(),
                    numerator: "Verified check-ins in the sample".into(),
                    denominator: "Check-ins in the sample".into(),
                    unit: MetricUnit::Percent,
                    direction: Direction::HigherIsBetter,
                    data_source: format!("Audit sample of site {n}"),
                    cadence: Cadence::Weekly,
                    baseline_value: Some(80.0),
                    baseline_date: Some("2027-01-04".into()),
                    target_value: Some(95.0),
                    target_date: Some("2027-04-26".into()),
                    ..MetricDraft::default()
                },
            )
            .expect("metric");
        for week in 0..6u64 {
            f.store
                .record_measurement(
                    &metric.id,
                    &MeasurementDraft {
                        measured_on: (chrono::NaiveDate::from_ymd_opt(2027, 1, 12).unwrap()
                            + chrono::Days::new(7 * week))
                        .to_string(),
                        value: 80.0 + week as f64 * 2.0,
                        note: "weekly audit".into(),
                        source: "typed".into(),
                    },
                )
                .expect("value");
        }
    }
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    let (text, _) = pdf_text_and_pages(&everything_pdf(&report).expect("pdf"));
    let pages = pages(&text);
    for metric in &report.metrics {
        let name = &metric.chart.metric.name;
        let last = metric.measurements.last().expect("values");
        let last_day = rollplan_core::export::text::date_long(last.measured_on);
        // The card's first page: the one with its title line.
        let page = pages
            .iter()
            .find(|p| {
                p.lines().any(|l| {
                    l.trim() == name.as_str() || l.trim_start().starts_with(&format!("{name} "))
                })
            })
            .unwrap_or_else(|| panic!("a page opens the card of {name}"));
        if name.starts_with("Check-in accuracy") {
            let source = &metric.chart.metric.data_source;
            assert!(
                page.contains(source.as_str()),
                "{name}: its details ({source}) are on its first page:\n{page}"
            );
        }
        assert!(
            page.contains(&last_day),
            "{name}: its title and its last value ({last_day}) share a page:\n{page}"
        );
    }
}
