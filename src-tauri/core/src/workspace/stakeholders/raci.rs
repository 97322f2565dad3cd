//! RACI: each stakeholder's part in each workstream of a rollout — responsible,
//! accountable, consulted or informed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A stakeholder's part in a workstream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Raci {
    Responsible,
    Accountable,
    Consulted,
    #[default]
    Informed,
}

coded_enum!(Raci, "RACI role", "raci", {
    Responsible => "responsible", "Responsible";
    Accountable => "accountable", "Accountable";
    Consulted => "consulted", "Consulted";
    Informed => "informed", "Informed";
});

impl Raci {
    /// The letter of the RACI chart.
    pub fn letter(self) -> char {
        self.label().chars().next().unwrap_or('?')
    }
}

/// One row of a stakeholder's RACI: the workstream and their part in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RaciAssignment {
    /// "Scheduling build", "Training", "Cutover", ...
    pub workstream: String,
    pub role: Raci,
}
