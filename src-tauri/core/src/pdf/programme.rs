//! A programme's report as a PDF: its waves on one timeline, each wave's go-live, sites,
//! readiness and training (the figures of [`ProgrammeOverview`], which are the waves'
//! own), their metrics side by side, and what each wave's debriefs asked the next one
//! to change. Every value reaches the template already in words.

use chrono::NaiveDate;
use serde::Serialize;

use super::world::typeset;
use crate::export::text::{date_long, date_or_dash, value_text};
use crate::metrics::MetricStatus;
use crate::programmes::{ProgrammeOverview, WaveOverview};
use crate::Result;

const TEMPLATE: &str = include_str!("programme.typ");

/// What the template reads.
#[derive(Serialize)]
struct Data {
    title: String,
    byline: String,
    description: String,
    printed_on: String,
    timeline: Timeline,
    waves: Vec<WaveData>,
    /// "Wave 1", "Wave 2", ...: the metric table's columns.
    wave_names: Vec<String>,
    metrics: Vec<MetricRow>,
    empty: String,
}

/// The waves' bars as fractions of the timeline's width (0 at its first day, 1 at its
/// last), so the template only places them.
#[derive(Serialize)]
struct Timeline {
    from: String,
    to: String,
    today: Option<f64>,
    today_label: String,
    rows: Vec<TimelineRow>,
}

#[derive(Serialize)]
struct TimelineRow {
    label: String,
    go_live: String,
    /// `[start, go-live]`, or none for a wave with no go-live date.
    span: Option<(f64, f64)>,
}

#[derive(Serialize)]
struct WaveData {
    heading: String,
    facts: Vec<(String, String)>,
    /// "What wave 1's debriefs asked to change", or empty for the first wave.
    lessons_title: String,
    lessons: Vec<Lesson>,
    no_lessons: String,
}

#[derive(Serialize)]
struct Lesson {
    source: String,
    changed: String,
    next_check: String,
}

#[derive(Serialize)]
struct MetricRow {
    name: String,
    cells: Vec<String>,
}

/// The programme's report as PDF bytes.
pub fn programme_pdf(overview: &ProgrammeOverview) -> Result<Vec<u8>> {
    let programme = &overview.programme;
    let mut byline = vec![format!(
        "{} {}",
        overview.waves.len(),
        if overview.waves.len() == 1 {
            "wave"
        } else {
            "waves"
        }
    )];
    if !programme.owner.trim().is_empty() {
        byline.insert(0, format!("Led by {}", programme.owner.trim()));
    }
    byline.push(format!("Figures as of {}", date_long(overview.as_of)));
    let metric_rows = metrics_side_by_side(&overview.waves);
    typeset(
        TEMPLATE,
        &Data {
            title: programme.name.clone(),
            byline: byline.join(" · "),
            description: programme.description.trim().to_owned(),
            printed_on: date_long(overview.as_of),
            timeline: timeline(&overview.waves, overview.as_of),
            waves: overview
                .waves
                .iter()
                .enumerate()
                .map(|(i, wave)| {
                    wave_data(wave, i.checked_sub(1).and_then(|p| overview.waves.get(p)))
                })
                .collect(),
            wave_names: overview
                .waves
                .iter()
                .map(|w| format!("Wave {}", w.number))
                .collect(),
            metrics: metric_rows,
            empty: "No waves yet: add the rollout that is the programme's first wave.".to_owned(),
        },
    )
}

fn wave_data(wave: &WaveOverview, previous: Option<&WaveOverview>) -> WaveData {
    let rollout = &wave.rollout;
    let readiness = &wave.readiness;
    let training = &readiness.training;
    let readiness_text = match readiness.verdict {
        crate::readiness::Verdict::NotAssessed => readiness.verdict.label().to_owned(),
        verdict => format!("{} · {}% ready", verdict.label(), readiness.score),
    };
    let training_text = if training.people > 0 {
        training.summary.clone()
    } else {
        "No one to train yet".to_owned()
    };
    let dash = |text: &str| {
        if text.trim().is_empty() {
            "—".to_owned()
        } else {
            text.trim().to_owned()
        }
    };
    WaveData {
        heading: format!("Wave {} · {}", wave.number, rollout.name),
        facts: vec![
            ("Go-live".to_owned(), date_or_dash(rollout.go_live_date)),
            ("Phase".to_owned(), rollout.phase.label().to_owned()),
            ("Sites".to_owned(), dash(&rollout.sites.join(", "))),
            ("Owner".to_owned(), dash(&rollout.owner)),
            ("Readiness".to_owned(), readiness_text),
            ("Training".to_owned(), training_text),
        ],
        lessons_title: previous
            .map(|p| format!("What wave {}'s debriefs asked to change", p.number))
            .unwrap_or_default(),
        lessons: wave
            .lessons
            .iter()
            .map(|l| Lesson {
                source: format!("{}, {}", l.title, date_long(l.held_on)),
                changed: l.changed.trim().to_owned(),
                next_check: l.next_check.trim().to_owned(),
            })
            .collect(),
        no_lessons: previous
            .map(|p| format!("No debrief of wave {} asks for a change yet.", p.number))
            .unwrap_or_default(),
    }
}

/// One metric per row, by name in the order the waves first list them; a cell per wave.
fn metrics_side_by_side(waves: &[WaveOverview]) -> Vec<MetricRow> {
    let mut rows: Vec<(String, Vec<Option<&MetricStatus>>)> = Vec::new();
    for (index, wave) in waves.iter().enumerate() {
        for status in &wave.metrics {
            let position = rows
                .iter()
                .position(|(name, _)| name.eq_ignore_ascii_case(&status.metric_name));
            let position = position.unwrap_or_else(|| {
                rows.push((status.metric_name.clone(), vec![None; waves.len()]));
                rows.len() - 1
            });
            if let Some(cell) = rows[position].1.get_mut(index) {
                cell.get_or_insert(status);
            }
        }
    }
    rows.into_iter()
        .map(|(name, cells)| MetricRow {
            name,
            cells: cells
                .into_iter()
                .map(|cell| match cell {
                    Some(s) => match &s.latest {
                        Some(latest) => {
                            format!("{} · {}", value_text(latest.value, s.unit), s.state.label())
                        }
                        None => s.state.label().to_owned(),
                    },
                    None => "—".to_owned(),
                })
                .collect(),
        })
        .collect()
}

/// Where each wave's bar sits between the earliest date shown and the latest.
fn timeline(waves: &[WaveOverview], today: NaiveDate) -> Timeline {
    let dates: Vec<NaiveDate> = waves
        .iter()
        .flat_map(|w| [w.rollout.start_date, w.rollout.go_live_date])
        .flatten()
        .chain([today])
        .collect();
    let first = dates.iter().min().copied().unwrap_or(today);
    let last = dates.iter().max().copied().unwrap_or(today);
    let days = (last - first).num_days().max(1) as f64;
    let at = |date: NaiveDate| (date - first).num_days() as f64 / days;
    Timeline {
        from: date_long(first),
        to: date_long(last),
        today: Some(at(today)),
        today_label: format!("Today, {}", date_long(today)),
        rows: waves
            .iter()
            .map(|w| TimelineRow {
                label: format!("Wave {} · {}", w.number, w.rollout.name),
                go_live: date_or_dash(w.rollout.go_live_date),
                span: w.rollout.go_live_date.map(|go_live| {
                    let start = w.rollout.start_date.unwrap_or(go_live).min(go_live);
                    (at(start), at(go_live))
                }),
            })
            .collect(),
    }
}
