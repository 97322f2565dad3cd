//! Finding what to export from what a person types: a rollout by id or name, an SOP by
//! id or code (DESIGN.md §5: "ROLLOUT and SOP accept an id or an unambiguous name/code").

use crate::rollouts::Rollout;
use crate::sops::Sop;
use crate::{CoreError, Result, Store};

impl Store {
    /// The live rollout whose id or name (ignoring case) is `text`; failing that, the
    /// only one whose name contains it. Several matches are refused with their names.
    pub fn find_rollout(&self, text: &str) -> Result<Rollout> {
        let wanted = text.trim();
        let rollouts = self.list_rollouts()?;
        if let Some(found) = rollouts.iter().find(|r| r.id == wanted).or_else(|| {
            rollouts
                .iter()
                .find(|r| r.name.eq_ignore_ascii_case(wanted))
        }) {
            return Ok(found.clone());
        }
        let lower = wanted.to_lowercase();
        let mut partial: Vec<&Rollout> = rollouts
            .iter()
            .filter(|r| r.name.to_lowercase().contains(&lower))
            .collect();
        match partial.len() {
            1 => Ok(partial.remove(0).clone()),
            0 => Err(CoreError::NotFound {
                entity: "Rollout",
                id: wanted.to_owned(),
            }),
            _ => {
                let names: Vec<String> = partial.iter().map(|r| format!("'{}'", r.name)).collect();
                Err(CoreError::invalid(
                    "rollout",
                    format!(
                        "'{wanted}' matches several rollouts: {}. Use more of the name or the id.",
                        names.join(", ")
                    ),
                ))
            }
        }
    }

    /// The SOP (not in the trash) whose id or code (ignoring case) is `text`.
    pub fn find_sop(&self, text: &str) -> Result<Sop> {
        let wanted = text.trim();
        match self.get_sop(wanted) {
            Ok(sop) => Ok(sop),
            Err(CoreError::NotFound { .. }) => self.find_sop_by_code(wanted),
            Err(other) => Err(other),
        }
    }
}
