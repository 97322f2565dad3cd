//! `tasks link`: make a task wait for another, with the link's type and lag, as the
//! task dialog does. The tasks are found by id or title within the rollout's plan.

use rollplan_core::plan::LinkType;
use rollplan_core::{CoreError, Store};

use crate::output::{self, say};

/// What `tasks link` was asked, as typed.
pub struct LinkRequest<'a> {
    pub rollout: &'a str,
    pub task: &'a str,
    pub waits_for: &'a str,
    pub link_type: &'a str,
    pub lag_days: i32,
}

pub fn link(store: &Store, request: &LinkRequest<'_>, json: bool) -> Result<(), CoreError> {
    let link_type: LinkType = request.link_type.parse()?;
    let rollout = store.find_rollout(request.rollout)?.id;
    let task = store.find_task(&rollout, request.task, "task")?;
    let on = store.find_task(&rollout, request.waits_for, "waits_for")?;
    let saved = store.add_dependency(&task.id, &on.id, link_type, request.lag_days)?;
    if json {
        return output::print_json(&saved);
    }
    let text = saved
        .depends_on
        .iter()
        .find(|link| link.depends_on_id == on.id)
        .map_or_else(
            || format!("'{}'", on.title),
            |link| link.history_text(&format!("'{}'", on.title)),
        );
    say!("'{}' now waits for {text}.", saved.title);
    Ok(())
}
