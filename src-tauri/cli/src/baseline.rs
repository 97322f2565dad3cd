//! `baseline set ROLLOUT NAME` and `baseline list ROLLOUT`: freeze a rollout's plan
//! dates under a name, and list its baselines with the comparison the app shows.

use rollplan_core::{CoreError, Store};

use crate::output::say;
use crate::output::{print_json, print_table};

pub fn set(store: &Store, rollout: &str, name: &str, json: bool) -> Result<(), CoreError> {
    let rollout = store.find_rollout(rollout)?;
    let baseline = store.set_baseline(&rollout.id, name)?;
    if json {
        return print_json(&baseline);
    }
    say!(
        "Set the baseline “{}” on {}: {} tasks.",
        baseline.name,
        rollout.name,
        baseline.task_count
    );
    Ok(())
}

pub fn list(store: &Store, rollout: &str, json: bool) -> Result<(), CoreError> {
    let rollout = store.find_rollout(rollout)?;
    let baselines = store.list_baselines(&rollout.id)?;
    if json {
        return print_json(&baselines);
    }
    if baselines.is_empty() {
        say!("No baselines on {}.", rollout.name);
        return Ok(());
    }
    let rows: Vec<Vec<String>> = baselines
        .iter()
        .map(|b| {
            vec![
                b.name.clone(),
                b.set_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                b.task_count.to_string(),
                if b.compared { "yes" } else { "" }.to_owned(),
            ]
        })
        .collect();
    print_table(&["BASELINE", "SET", "TASKS", "COMPARED"], &rows);
    if let Some(comparison) = store.baseline_comparison(&rollout.id)? {
        say!("");
        say!("{}", rollplan_core::plan::baseline_line(&comparison));
    }
    Ok(())
}
