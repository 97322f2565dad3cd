//! The labels of the domain's small enums, keyed by the code the UI receives: one
//! `Record<Type, string>` per enum, in display order, so the UI's selects, badges and
//! history read exactly what the exports and the command line print.

use serde::Serialize;

use super::typescript::{constant_case, header, import_binding, string};
use crate::backup::BackupReason;
use crate::export::PhiKind;
use crate::export::StatusFormat;
use crate::improvement::{CycleStage, PdsaAct, StudyResult};
use crate::metrics::{Cadence, Direction, Indicator, MetricState, MetricUnit, ThresholdLevel};
use crate::plan::{lag_text, LinkType, TaskKind, TaskStatus, MAX_LAG_DAYS};
use crate::readiness::{CriterionStatus, ReadinessCategory, Verdict};
use crate::rollouts::{Phase, RolloutKind, ScheduleMode};
use crate::sops::{SopRelation, SopStatus};
use crate::status::{SectionKind, StatusState, Tone};
use crate::templates::TemplateFit;
use crate::training::{RecordStatus, TrainingFormat};
use crate::workspace::{AdkarStage, DecisionOutcome, Raci, RiskBand, RiskStatus};

/// The heading of the tasks in no phase, in the plan's timeline and task tables.
pub const UNPHASED_GROUP: &str = "Not in a phase";

/// One enum's labels: its ts-rs type name and `(code, label)` in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LabelTable {
    pub type_name: &'static str,
    pub entries: Vec<(String, &'static str)>,
}

/// The table of a coded enum (see `coded_enum!`), keyed by its stored code.
macro_rules! coded {
    ($type:ident) => {
        LabelTable {
            type_name: stringify!($type),
            entries: $type::ALL
                .iter()
                .map(|v| (v.code().to_owned(), v.label()))
                .collect(),
        }
    };
}

/// Every enum whose labels the UI shows.
pub(super) fn tables() -> Vec<LabelTable> {
    vec![
        coded!(RolloutKind),
        coded!(Phase),
        coded!(ScheduleMode),
        coded!(TemplateFit),
        coded!(TaskKind),
        coded!(TaskStatus),
        coded!(LinkType),
        coded!(ReadinessCategory),
        coded!(CriterionStatus),
        coded!(Verdict),
        coded!(TrainingFormat),
        coded!(RecordStatus),
        coded!(MetricUnit),
        coded!(Direction),
        coded!(Indicator),
        coded!(Cadence),
        coded!(ThresholdLevel),
        coded!(MetricState),
        coded!(SopStatus),
        coded!(SopRelation),
        coded!(RiskStatus),
        coded!(RiskBand),
        coded!(Raci),
        coded!(AdkarStage),
        coded!(DecisionOutcome),
        coded!(BackupReason),
        coded!(Tone),
        coded!(SectionKind),
        coded!(StatusState),
        coded!(StatusFormat),
        coded!(PdsaAct),
        coded!(CycleStage),
        coded!(StudyResult),
        phi_kinds(),
    ]
}

/// PHI kinds have no stored code, only the one they are sent to the UI with.
fn phi_kinds() -> LabelTable {
    use PhiKind::*;
    LabelTable {
        type_name: "PhiKind",
        entries: [
            SocialSecurityNumber,
            MedicalRecordNumber,
            DateOfBirth,
            PhoneNumber,
        ]
        .into_iter()
        .map(|kind| (wire_code(&kind), kind.label()))
        .collect(),
    }
}

/// The string a unit enum is serialised as for the UI.
pub(super) fn wire_code(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => code,
        other => format!("{other:?}"),
    }
}

/// `labels.ts`: `export const PHASE_LABELS: Readonly<Record<Phase, string>> = {...}`
/// for every table.
pub(super) fn module() -> String {
    let tables = tables();
    let mut text = header("the labels of the domain's enums, in display order");
    for table in &tables {
        text.push_str(&import_binding(table.type_name));
    }
    for table in &tables {
        text.push_str(&format!(
            "\nexport const {}_LABELS: Readonly<Record<{}, string>> = {{\n",
            constant_case(table.type_name),
            table.type_name
        ));
        for (code, label) in &table.entries {
            text.push_str(&format!("  {code}: {},\n", string(label)));
        }
        text.push_str("};\n");
    }
    text.push_str(
        "\n/** How the task dialog offers each link type, said of the waiting task. */\n\
         export const LINK_TYPE_CHOICES: Readonly<Record<LinkType, string>> = {\n",
    );
    for link_type in LinkType::ALL {
        text.push_str(&format!(
            "  {}: {},\n",
            link_type.code(),
            string(link_type.choice())
        ));
    }
    text.push_str(
        "};\n\n/** Lags as the core writes them: the UI's `lagText` must agree on each. */\n\
         export const LAG_TEXT_SAMPLES: ReadonlyArray<readonly [number, string]> = [\n",
    );
    for lag in [0, 1, 2, -1, -14, MAX_LAG_DAYS] {
        text.push_str(&format!("  [{lag}, {}],\n", string(&lag_text(lag))));
    }
    text.push_str(&format!(
        "];\n\n/** The longest lag or lead a link may have, in days, either way. */\n\
         export const MAX_LAG_DAYS = {MAX_LAG_DAYS};\n"
    ));
    text.push_str(&format!(
        "\n/** The heading of the tasks in no phase, in the plan's timeline and tables. */\n\
         export const UNPHASED_GROUP_LABEL = {};\n",
        string(UNPHASED_GROUP)
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI looks labels up by the code it receives: for a coded enum that is the
    /// serde form, which must be the stored code.
    macro_rules! assert_codes_are_wire_codes {
        ($($type:ident),+) => {$(
            for value in $type::ALL {
                assert_eq!(
                    wire_code(value),
                    value.code(),
                    "{} is sent to the UI as its stored code",
                    stringify!($type)
                );
            }
        )+};
    }

    #[test]
    fn every_label_is_keyed_by_the_code_the_ui_receives() {
        assert_codes_are_wire_codes!(
            RolloutKind,
            Phase,
            ScheduleMode,
            TemplateFit,
            TaskKind,
            TaskStatus,
            LinkType,
            ReadinessCategory,
            CriterionStatus,
            Verdict,
            TrainingFormat,
            RecordStatus,
            MetricUnit,
            Direction,
            Indicator,
            Cadence,
            ThresholdLevel,
            MetricState,
            SopStatus,
            SopRelation,
            RiskStatus,
            RiskBand,
            Raci,
            DecisionOutcome,
            BackupReason,
            Tone,
            SectionKind,
            StatusState,
            StatusFormat
        );
    }

    #[test]
    fn codes_are_plain_identifiers() {
        for table in tables() {
            for (code, _) in &table.entries {
                // Link types keep MS Project's capitals (FS, SS): still a plain key.
                assert!(
                    code.chars().all(|c| c.is_ascii_alphabetic() || c == '_'),
                    "{}: '{code}' can be an unquoted object key",
                    table.type_name
                );
            }
        }
    }

    #[test]
    fn the_module_holds_each_label_once_per_enum() {
        let text = module();
        assert!(text.contains("export const PHASE_LABELS: Readonly<Record<Phase, string>> = {\n  planning: \"Planning\","));
        assert!(
            text.contains("  no_go: \"No-go\",\n"),
            "the verdict reads as the exports print it"
        );
        assert!(text.contains("import type { RiskBand } from '../bindings/RiskBand';\n"));
    }
}
