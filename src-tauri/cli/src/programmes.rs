//! `programme list|show|create|add|plan-wave`: programmes and their waves, the figures
//! of each wave as the core gives them, and *Plan the next wave* from the last one.

use chrono::NaiveDate;
use rollplan_core::programmes::{ProgrammeDraft, WaveDraft};
use rollplan_core::{CoreError, Store};

use crate::output::say;
use crate::output::{print_json, print_table};

fn date_or_dash(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

/// Every programme with its waves, as Home groups them.
pub fn list(store: &Store, json: bool) -> Result<(), CoreError> {
    let programmes = store.list_programmes()?;
    if json {
        return print_json(&programmes);
    }
    if programmes.is_empty() {
        say!("No programmes.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = programmes
        .iter()
        .flat_map(|p| {
            p.waves.iter().map(|w| {
                vec![
                    p.programme.name.clone(),
                    w.number.to_string(),
                    w.rollout.name.clone(),
                    date_or_dash(w.rollout.go_live_date),
                ]
            })
        })
        .collect();
    print_table(&["PROGRAMME", "WAVE", "ROLLOUT", "GO-LIVE"], &rows);
    let empty: Vec<&str> = programmes
        .iter()
        .filter(|p| p.waves.is_empty())
        .map(|p| p.programme.name.as_str())
        .collect();
    if !empty.is_empty() {
        say!("No waves yet: {}.", empty.join(", "));
    }
    Ok(())
}

/// One programme's page: each wave's go-live, readiness and training, its metrics, and
/// what the previous wave's debriefs asked it to change.
pub fn show(store: &Store, programme: &str, json: bool, today: NaiveDate) -> Result<(), CoreError> {
    let programme = store.find_programme(programme)?;
    let page = store.programme_overview(&programme.id, today)?;
    if json {
        return print_json(&page);
    }
    say!("{}", page.programme.name);
    if page.waves.is_empty() {
        say!("No waves yet: add the rollout that is its first wave.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = page
        .waves
        .iter()
        .map(|w| {
            vec![
                w.number.to_string(),
                w.rollout.name.clone(),
                date_or_dash(w.rollout.go_live_date),
                w.rollout.sites.join(", "),
                format!("{} ({})", w.readiness.verdict.label(), w.readiness.score),
                format!("{}%", w.readiness.training.percent),
            ]
        })
        .collect();
    print_table(
        &[
            "WAVE",
            "ROLLOUT",
            "GO-LIVE",
            "SITES",
            "READINESS",
            "TRAINED",
        ],
        &rows,
    );
    for wave in &page.waves {
        say!("");
        say!("Wave {}: {}", wave.number, wave.rollout.name);
        for metric in &wave.metrics {
            say!(
                "  {} — {}: {}",
                metric.metric_name,
                metric.state.label(),
                metric.reason
            );
        }
        for lesson in &wave.lessons {
            let asked = [lesson.changed.as_str(), lesson.next_check.as_str()]
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" Next time: ");
            say!(
                "  From {} ({}, {}): {}",
                lesson.rollout_name,
                lesson.title,
                lesson.held_on,
                asked
            );
        }
    }
    Ok(())
}

/// Creates a programme with no waves yet.
pub fn create(store: &Store, draft: &ProgrammeDraft, json: bool) -> Result<(), CoreError> {
    let programme = store.create_programme(draft)?;
    if json {
        return print_json(&programme);
    }
    say!(
        "Created the programme {} ({}).",
        programme.name,
        programme.id
    );
    Ok(())
}

/// Makes a rollout a wave of a programme.
pub fn add(store: &Store, programme: &str, rollout: &str, json: bool) -> Result<(), CoreError> {
    let programme = store.find_programme(programme)?;
    let rollout = store.find_rollout(rollout)?;
    let grouped = store.add_rollout_to_programme(&programme.id, &rollout.id)?;
    if json {
        return print_json(&grouped);
    }
    if let Some(wave) = grouped.waves.iter().find(|w| w.rollout.id == rollout.id) {
        say!(
            "{} is wave {} of {}.",
            rollout.name,
            wave.number,
            programme.name
        );
    }
    Ok(())
}

/// Plans the next wave from the programme's last one.
pub fn plan_wave(
    store: &Store,
    programme: &str,
    draft: &WaveDraft,
    json: bool,
    today: NaiveDate,
) -> Result<(), CoreError> {
    let programme = store.find_programme(programme)?;
    let wave = store.plan_next_wave(&programme.id, draft, today)?;
    if json {
        return print_json(&wave);
    }
    say!(
        "Planned wave {} of {}: {} goes live on {} at {} ({}).",
        wave.number,
        programme.name,
        wave.rollout.name,
        date_or_dash(wave.rollout.go_live_date),
        wave.rollout.sites.join(", "),
        wave.rollout.id
    );
    Ok(())
}
