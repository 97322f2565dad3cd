//! `pdsa list ROLLOUT`: a rollout's improvement cycles as a table, then each cycle's
//! study in words, as the core words them.

use chrono::NaiveDate;
use rollplan_core::{CoreError, Store};

use crate::output::say;
use crate::output::{print_json, print_table};

pub fn list(store: &Store, rollout: &str, json: bool, today: NaiveDate) -> Result<(), CoreError> {
    let rollout = store.find_rollout(rollout)?;
    let cycles = store.rollout_pdsa_cycles(&rollout.id, today)?;
    if json {
        return print_json(&cycles);
    }
    if cycles.is_empty() {
        say!("No improvement cycles on {}.", rollout.name);
        return Ok(());
    }
    let or_dash = |text: String| {
        if text.is_empty() {
            "—".to_owned()
        } else {
            text
        }
    };
    let rows: Vec<Vec<String>> = cycles
        .iter()
        .map(|c| {
            vec![
                c.metric_name.clone(),
                c.change.clone(),
                c.window_text(),
                c.prediction_text(),
                or_dash(c.measured_text()),
                c.study.result.label().to_owned(),
                c.act_text(),
            ]
        })
        .collect();
    print_table(
        &[
            "METRIC",
            "CHANGE",
            "DO WINDOW",
            "PREDICTION",
            "MEASURED",
            "RESULT",
            "ACT",
        ],
        &rows,
    );
    say!("");
    for cycle in &cycles {
        say!("{}: {}", cycle.change, cycle.study.summary);
    }
    Ok(())
}
