//! `rollouts create --template` on a short runway: the same question the app asks, as a
//! refusal that lists what each answer means, until `--fit` gives one.

use rollplan_core::rollouts::{Rollout, RolloutDraft};
use rollplan_core::templates::{check_template_runway, TemplateFit};
use rollplan_core::{CoreError, Store};

/// Creates a rollout from `template`, refusing on a short runway without `--fit`.
pub fn create_from_template(
    store: &Store,
    draft: &RolloutDraft,
    template: &str,
    fit: Option<&str>,
    today: chrono::NaiveDate,
) -> Result<Rollout, CoreError> {
    let fit = fit.map(str::parse::<TemplateFit>).transpose()?;
    if fit.is_none() {
        if let Some(go_live) = draft.go_live_date.as_deref() {
            // A go-live that is not a date is reported by the create below, on its flag.
            if let Ok(check) = check_template_runway(template, go_live, today) {
                if check.short {
                    let mut lines = vec![check.headline.clone(), "Kept as drawn:".to_owned()];
                    lines.extend(check.keep_consequences.iter().map(|c| format!("  - {c}")));
                    lines.push(format!("Compressed: {}", check.compress_summary));
                    lines.push("Choose --fit compress or --fit keep.".to_owned());
                    return Err(CoreError::invalid("fit", lines.join("\n")));
                }
            }
        }
    }
    store.create_rollout_from_template(draft, template, fit, today)
}
