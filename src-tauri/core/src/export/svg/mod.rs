//! Drawings for the HTML and PDF reports: the plan's timeline, each metric's chart and
//! the risk heat map. Pure functions of the report model that return an [`Svg`]: the
//! markup and the sentence that says what it shows, so every format can carry that
//! sentence as the drawing's alternative text. Every user-typed label goes through
//! [`html_escape`](crate::export::text::html_escape).
//!
//! Colours come from the Okabe–Ito palette, which stays apart for colour-blind
//! readers, and every colour that means something has a second cue (a dash, a
//! hatching, a label) so the drawings also read in greyscale; each drawing that uses
//! colour to mean something carries a legend of drawn swatches.

mod chart;
mod heat_map;
mod legend;
mod phase_timeline;
mod sop_map;
mod sop_map_compare;
mod sop_map_parts;
mod sop_map_png;
mod timeline;
mod timeline_arrow;
mod timeline_key;

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::export::text::html_escape;

pub use chart::metric_chart_svg;
pub use heat_map::heat_map_svg;
pub use phase_timeline::phase_timeline_svgs;
pub use sop_map::{marked_map_svg, sop_map_pages, sop_map_svg, MapTheme, SopMapDrawing};
pub use sop_map_compare::{map_comparison_drawing, ComparedDrawing, MapComparisonDrawing};
pub use sop_map_png::svg_to_png;
pub use timeline::{timeline_drawings, timeline_svgs};

/// A drawing: its SVG markup and the sentence a screen reader or a text-only reader
/// gets instead of it ("Timeline of Build: 3 tasks from ...").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Svg {
    /// What the drawing shows, in one plain sentence.
    pub alt: String,
    /// The `<svg>` element, which carries the same sentence as its title and label.
    pub markup: String,
}

impl Svg {
    pub fn new(alt: impl Into<String>, markup: impl Into<String>) -> Self {
        Self {
            alt: alt.into(),
            markup: markup.into(),
        }
    }
}

/// From `(alt text, markup)`, the shape drawings return as plain strings.
impl From<(String, String)> for Svg {
    fn from((alt, markup): (String, String)) -> Self {
        Self { alt, markup }
    }
}

/// The markup, for a page that inlines the drawing.
impl fmt::Display for Svg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.markup)
    }
}

/// Colours shared by the drawings and the report's stylesheet (Okabe–Ito where a
/// colour means something).
pub(crate) mod colour {
    pub const INK: &str = "#1f2933";
    pub const MUTED: &str = "#616e7c";
    pub const GRID: &str = "#e4e7eb";
    /// Okabe–Ito blue; drawn dashed.
    pub const TODAY: &str = "#0072b2";
    /// Okabe–Ito reddish purple; drawn solid.
    pub const GO_LIVE: &str = "#cc79a7";
    /// Okabe–Ito orange, a solid outline: lighter in greyscale than [`SLIPPED`].
    pub const CRITICAL: &str = "#e69f00";
    /// Okabe–Ito vermillion, a dashed outline: darker in greyscale than [`CRITICAL`].
    pub const SLIPPED: &str = "#d55e00";
    /// How a slipped outline is dashed; critical outlines are solid.
    pub const SLIPPED_DASH: &str = "4 2";
    /// A pale orange band for the watch level.
    pub const WATCH_BAND: &str = "#fbe7bf";
    /// A pale vermillion band for the act level, hatched so it differs from the watch
    /// band without colour.
    pub const ACT_BAND: &str = "#f7d0b8";
    pub const ACT_HATCH: &str = "#d55e00";
    /// Okabe–Ito blue for a metric's values.
    pub const SERIES: &str = "#0072b2";
    pub const TARGET: &str = "#52606d";
    /// A pale bluish green band for an improvement cycle's Do window: lighter than
    /// the level bands, and drawn under them.
    pub const CYCLE_BAND: &str = "#dff2ec";
    /// Okabe–Ito bluish green for a cycle's prediction marker.
    pub const PREDICTION: &str = "#009e73";
}

/// A coordinate with one decimal: enough for print, and keeps the file small.
pub(crate) fn px(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// The opening `<svg>` tag with its text alternative: `role="img"`, `aria-label`
/// and a `<title>`, so a browser, a screen reader and a PDF tagger all find it.
pub(crate) fn open_svg(class: &str, width: f64, height: f64, fixed: bool, alt: &str) -> String {
    let alt = html_escape(alt);
    let size = if fixed {
        format!(r#"width="{w}" height="{h}""#, w = px(width), h = px(height))
    } else {
        r#"width="100%""#.to_owned()
    };
    format!(
        r#"<svg class="{class}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" {size} role="img" aria-label="{alt}"><title>{alt}</title>"#,
        w = px(width),
        h = px(height),
    )
}

/// A hatching pattern: `fill` crossed by diagonal `stripe` lines, for an area that
/// must read apart from a plain one in greyscale too.
pub(crate) fn hatch_pattern(id: &str, fill: &str, stripe: &str) -> String {
    format!(
        r#"<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{fill}"/><line x1="1" y1="0" x2="1" y2="6" stroke="{stripe}" stroke-width="1.3"/></pattern>"#
    )
}

/// An id for an element of a drawing that is unique in a page holding many drawings:
/// `prefix` and the letters, digits and hyphens of `key` (a record's id stays whole).
pub(crate) fn element_id(prefix: &str, key: &str) -> String {
    let key: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("{prefix}-{key}")
}

/// Maps days onto a horizontal pixel range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateScale {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub left: f64,
    pub width: f64,
}

/// Steps between month ticks that divide a year, so January always gets a tick.
const MONTH_STEPS: [u32; 6] = [1, 2, 3, 4, 6, 12];

impl DateScale {
    pub fn x(&self, date: NaiveDate) -> f64 {
        let span = (self.last - self.first).num_days().max(1) as f64;
        self.left + (date - self.first).num_days() as f64 / span * self.width
    }

    /// First days of months within the range, at most about ten: every month, every
    /// other, every quarter, ... counted from January, so each year's January is a
    /// tick. The first tick and every January name their year ("Sep 2026", "Dec",
    /// "Jan 2027"), so a reader never has to guess which year a month is in.
    pub fn month_ticks(&self) -> Vec<(NaiveDate, String)> {
        let months = months_between(self.first, self.last).max(1) as u32;
        let wanted = months.div_ceil(10).max(1);
        let step = MONTH_STEPS
            .iter()
            .copied()
            .find(|s| *s >= wanted)
            .unwrap_or_else(|| wanted.div_ceil(12) * 12);
        let mut ticks = Vec::new();
        let mut month = NaiveDate::from_ymd_opt(self.first.year(), self.first.month(), 1)
            .and_then(|d| d.checked_add_months(Months::new(1)));
        while let Some(date) = month.filter(|d| *d <= self.last) {
            // Within a year, months a step apart from January; past a year, Januaries
            // of every `step / 12`th year.
            let on_step = date.month0().is_multiple_of(step.min(12))
                && (step <= 12 || date.year().unsigned_abs().is_multiple_of(step / 12));
            if on_step {
                let label = if date.month() == 1 || ticks.is_empty() {
                    date.format("%b %Y").to_string()
                } else {
                    date.format("%b").to_string()
                };
                ticks.push((date, label));
            }
            month = date.checked_add_months(Months::new(1));
        }
        ticks
    }
}

fn months_between(first: NaiveDate, last: NaiveDate) -> i64 {
    (last.year() - first.year()) as i64 * 12 + last.month() as i64 - first.month() as i64 + 1
}

/// Up to `count` + 1 round values covering `low..=high` (1, 2, 2.5 or 5 times a power
/// of ten apart), for a value axis.
pub(crate) fn nice_ticks(low: f64, high: f64, count: usize) -> Vec<f64> {
    let span = (high - low).abs().max(f64::EPSILON);
    let raw = span / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let start = (low / step).floor() * step;
    let mut ticks = Vec::new();
    let mut value = start;
    while value <= high + step * 0.5 && ticks.len() <= count + 2 {
        ticks.push((value / step).round() * step);
        value += step;
    }
    ticks
}

/// `text` broken into lines of at most `max` characters, between words where it can
/// and inside a word only when the word alone is longer than a line. Nothing is left
/// out: a long name takes more lines, never an ellipsis.
pub(crate) fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > max {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let rest = word.split_off(max);
            lines.push(word.into_iter().collect());
            word = rest;
        }
        let word: String = word.into_iter().collect();
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_are_round_and_cover_the_range() {
        let ticks = nice_ticks(3.0, 47.0, 5);
        assert_eq!(ticks.first().copied(), Some(0.0));
        assert!(
            ticks.last().copied().unwrap_or_default() >= 47.0,
            "{ticks:?}"
        );
        assert!(
            ticks.windows(2).all(|w| (w[1] - w[0] - 10.0).abs() < 1e-9),
            "{ticks:?}"
        );
    }

    fn labels(first: (i32, u32, u32), last: (i32, u32, u32)) -> Vec<String> {
        let scale = DateScale {
            first: NaiveDate::from_ymd_opt(first.0, first.1, first.2).unwrap(),
            last: NaiveDate::from_ymd_opt(last.0, last.1, last.2).unwrap(),
            left: 0.0,
            width: 100.0,
        };
        scale.month_ticks().into_iter().map(|(_, l)| l).collect()
    }

    #[test]
    fn month_ticks_fall_on_first_days() {
        assert_eq!(
            labels((2027, 1, 10), (2027, 4, 20)),
            ["Feb 2027", "Mar", "Apr"]
        );
    }

    #[test]
    fn a_plan_over_two_years_names_each_year_on_its_january() {
        let ticks = labels((2025, 8, 20), (2027, 7, 1));
        assert_eq!(
            ticks,
            ["Oct 2025", "Jan 2026", "Apr", "Jul", "Oct", "Jan 2027", "Apr", "Jul"],
            "quarters counted from January, the first tick and each January with its year"
        );
        assert!(
            ticks.len() <= 10,
            "about ten ticks at most on a long range: {ticks:?}"
        );
    }

    #[test]
    fn a_decade_still_names_every_tick_with_its_year() {
        let ticks = labels((2020, 3, 1), (2031, 6, 1));
        assert!(
            ticks.iter().all(|t| t.starts_with("Jan 20")),
            "yearly ticks on each January: {ticks:?}"
        );
        assert!(ticks.len() <= 12, "{ticks:?}");
    }

    #[test]
    fn wrapping_keeps_every_word_and_breaks_only_overlong_ones() {
        let lines = wrap(
            "Build interfaces (lab, imaging, e-prescribing) and test",
            20,
        );
        assert_eq!(
            lines,
            [
                "Build interfaces",
                "(lab, imaging,",
                "e-prescribing) and",
                "test"
            ]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 20));
        assert_eq!(
            wrap("Supercalifragilistic", 8),
            ["Supercal", "ifragili", "stic"]
        );
        assert_eq!(wrap("", 8), [""], "an empty name is one empty line");
        assert!(
            !lines.concat().contains('…'),
            "nothing is cut with an ellipsis"
        );
    }

    #[test]
    fn the_text_alternative_is_a_title_and_a_label() {
        let open = open_svg("x", 10.0, 10.0, false, "Chart of \"A\" & B");
        assert!(
            open.contains(r#"role="img""#)
                && open.contains(r#"aria-label="Chart of &quot;A&quot; &amp; B""#)
                && open.contains("<title>Chart of &quot;A&quot; &amp; B</title>"),
            "the alternative text is escaped into the label and the title: {open}"
        );
    }
}
