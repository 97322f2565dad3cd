//! A cycle in words, as every report, the command line and the screens write it: the
//! Do window, the prediction, the Act (marked early when it came before the window
//! ended) and one row of a ramp. Written once here so the formats cannot drift apart.

use super::PdsaCycle;
use crate::metrics::format::{full_date, value_text};

/// The columns of a ramp's table, in the order of [`PdsaCycle::ramp_cells`].
pub const RAMP_HEADERS: [&str; 5] = ["Change tried", "Do window", "Prediction", "Study", "Act"];

impl PdsaCycle {
    /// "Mar 1, 2027 – Mar 14, 2027": the Do window.
    pub fn window_text(&self) -> String {
        format!("{} – {}", full_date(self.do_from), full_date(self.do_to))
    }

    /// The prediction: "80% by Mar 15, 2027".
    pub fn prediction_text(&self) -> String {
        format!(
            "{} by {}",
            value_text(self.prediction.value, self.unit),
            full_date(self.prediction.date)
        )
    }

    /// The value the Study compared with the prediction: "72% on Mar 14, 2027"; empty
    /// before one is measured.
    pub fn measured_text(&self) -> String {
        self.study
            .compared
            .map(|v| {
                format!(
                    "{} on {}",
                    value_text(v.value, self.unit),
                    full_date(v.date)
                )
            })
            .unwrap_or_default()
    }

    /// The Act: "Adopt on Mar 15, 2027", with " (early)" when it came before the Do
    /// window's last day; without an Act, where the cycle stands ("Running", "Due for
    /// its decision").
    pub fn act_text(&self) -> String {
        match &self.act {
            Some(a) => format!(
                "{} on {}{}",
                a.act.label(),
                full_date(a.decided_on),
                if a.early { " (early)" } else { "" }
            ),
            None => self.stage.label().to_owned(),
        }
    }

    /// One row of the ramp, under [`RAMP_HEADERS`]: the prediction with its reason,
    /// the Study's sentence, the Act with its rationale.
    pub fn ramp_cells(&self) -> [String; 5] {
        let prediction = if self.prediction.reason.trim().is_empty() {
            self.prediction_text()
        } else {
            format!(
                "{} — {}",
                self.prediction_text(),
                self.prediction.reason.trim()
            )
        };
        let act = match &self.act {
            Some(a) if !a.rationale.trim().is_empty() => {
                format!("{} — {}", self.act_text(), a.rationale.trim())
            }
            _ => self.act_text(),
        };
        [
            self.change.clone(),
            self.window_text(),
            prediction,
            self.study.summary.clone(),
            act,
        ]
    }
}
