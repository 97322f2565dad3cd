//! Inline SVG drawings for the HTML report (and, later, the PDF): the plan's timeline,
//! each metric's chart and the risk heat map. Pure functions of the report model that
//! return SVG text; every user-typed label goes through [`html_escape`].

mod chart;
mod heat_map;
mod phase_timeline;
mod timeline;

pub use chart::metric_chart_svg;
pub use heat_map::heat_map_svg;
pub use phase_timeline::phase_timeline_svgs;
pub use timeline::{timeline_drawings, timeline_svgs};

use chrono::{Datelike, Months, NaiveDate};

/// Colours shared by the drawings and the report's stylesheet.
pub(crate) mod colour {
    pub const INK: &str = "#1f2933";
    pub const MUTED: &str = "#616e7c";
    pub const GRID: &str = "#e4e7eb";
    pub const TODAY: &str = "#2563eb";
    pub const GO_LIVE: &str = "#7c3aed";
    pub const CRITICAL: &str = "#c2410c";
    pub const SLIPPED: &str = "#dc2626";
    pub const WATCH_BAND: &str = "#fef3c7";
    pub const ACT_BAND: &str = "#fee2e2";
    pub const SERIES: &str = "#0f766e";
    pub const TARGET: &str = "#52606d";
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

/// Maps days onto a horizontal pixel range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateScale {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub left: f64,
    pub width: f64,
}

impl DateScale {
    pub fn x(&self, date: NaiveDate) -> f64 {
        let span = (self.last - self.first).num_days().max(1) as f64;
        self.left + (date - self.first).num_days() as f64 / span * self.width
    }

    /// First days of months within the range, thinned to at most about ten labels.
    pub fn month_ticks(&self) -> Vec<(NaiveDate, String)> {
        let months = months_between(self.first, self.last);
        let step = ((months + 9) / 10).max(1) as u32;
        let mut ticks = Vec::new();
        let mut month = NaiveDate::from_ymd_opt(self.first.year(), self.first.month(), 1)
            .and_then(|d| d.checked_add_months(Months::new(1)));
        while let Some(date) = month.filter(|d| *d <= self.last) {
            let label = if date.month() == 1 || ticks.is_empty() {
                date.format("%b %Y").to_string()
            } else {
                date.format("%b").to_string()
            };
            ticks.push((date, label));
            month = date.checked_add_months(Months::new(step));
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

/// A label cut to `max` characters with an ellipsis; the full text goes in a `<title>`.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
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

    #[test]
    fn month_ticks_fall_on_first_days() {
        let scale = DateScale {
            first: NaiveDate::from_ymd_opt(2027, 1, 10).unwrap(),
            last: NaiveDate::from_ymd_opt(2027, 4, 20).unwrap(),
            left: 0.0,
            width: 100.0,
        };
        let ticks = scale.month_ticks();
        let labels: Vec<&str> = ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["Feb 2027", "Mar", "Apr"]);
    }
}
