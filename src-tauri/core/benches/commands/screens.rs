//! The commands each main screen calls (from ui/src/components/*.svelte through
//! api.ts), one figure a command, on the largest rollout where a screen shows one. A
//! screen that loads several at once also gets their sum, as the user waits for it.

use rollplan_core::audit::EntityKind;
use rollplan_core::people::PeopleQuery;
use rollplan_core::plan::GoLiveMoveScope;
use rollplan_core::sops::SopLibraryQuery;
use rollplan_core::training::{MatrixFilter, RecordDraft, RecordStatus};
use rollplan_core::Store;

use crate::measure::{Bench, Budget, COMMAND};
use crate::Landmarks;

pub fn run(bench: &mut Bench, store: &Store, at: &Landmarks) {
    let today = at.today;
    let rollout = at.rollout.id.as_str();

    bench.area("Home", "sidebar and Home page");
    bench.time("list_rollouts", COMMAND, || {
        drop(store.list_rollouts().unwrap())
    });
    bench.time("rollout_statuses", COMMAND, || {
        drop(store.rollout_statuses(today).unwrap())
    });
    bench.time("sops_due_for_review (30 days)", COMMAND, || {
        drop(store.sops_due_for_review(today, 30).unwrap())
    });
    bench.time("metrics_needing_attention (all)", COMMAND, || {
        drop(store.metrics_needing_attention(None, today).unwrap())
    });
    // What Home asks for: the three above in one answer, their long lists cut to the
    // first few it shows.
    bench.time("home_figures (30 days, first 8)", COMMAND, || {
        drop(store.home_figures(today, 30, 8).unwrap())
    });
    bench.time("Home: list_rollouts and home_figures", Budget::None, || {
        drop(store.list_rollouts().unwrap());
        drop(store.home_figures(today, 30, 8).unwrap());
    });
    // The training standing behind Home is kept between reads until something it reads
    // changes: an autosave of the rollout's scope leaves it kept, a training record's
    // status changed makes the next read count it all again.
    let mut edited = store.get_rollout(rollout).unwrap();
    let mut edit = || {
        let mut draft = edited.draft();
        draft.scope_out = toggled(&draft.scope_out);
        edited = store
            .update_rollout(&edited.id, edited.row_version, &draft)
            .unwrap();
    };
    bench.time("rollout_statuses after an edit", COMMAND, || {
        edit();
        drop(store.rollout_statuses(today).unwrap())
    });
    let mut edit_record = record_edit(store, at);
    bench.time("rollout_statuses after a record edit", COMMAND, || {
        edit_record();
        drop(store.rollout_statuses(today).unwrap())
    });

    bench.area("Rollout", &at.rollout.name);
    bench.time("get_rollout", COMMAND, || {
        drop(store.get_rollout(rollout).unwrap())
    });
    // The newest 50, as the rollout's page asks for them.
    bench.time("rollout_history", COMMAND, || {
        drop(
            store
                .history_page(EntityKind::Rollout, rollout, Some(50))
                .unwrap(),
        )
    });
    bench.time("rollout_overview", COMMAND, || {
        drop(
            store
                .rollout_overview(rollout, today)
                .unwrap()
                .cut_to(rollplan_core::workspace::TASKS_SHOWN),
        )
    });
    bench.time("metrics_needing_attention (rollout)", COMMAND, || {
        drop(
            store
                .metrics_needing_attention(Some(rollout), today)
                .unwrap(),
        )
    });
    let mut current = store.get_rollout(rollout).unwrap();
    bench.time("update_rollout (autosave)", COMMAND, || {
        let mut draft = current.draft();
        draft.scope_out = toggled(&draft.scope_out);
        current = store
            .update_rollout(&current.id, current.row_version, &draft)
            .unwrap();
    });

    let tasks = store.list_tasks(rollout).unwrap().len();
    bench.area(
        "Plan & timeline",
        &format!("{tasks} tasks; the list and the timeline draw from one plan_view"),
    );
    bench.time("plan_opening (first 100 rows)", COMMAND, || {
        drop(store.plan_opening(rollout, 100).unwrap())
    });
    bench.time("plan_view (tasks, phases, path, slipped)", COMMAND, || {
        drop(store.plan_view(rollout, today).unwrap())
    });
    bench.time("plan_signals (after an edit of a row)", COMMAND, || {
        drop(store.plan_signals(rollout, today).unwrap())
    });
    let mut task = store.list_tasks(rollout).unwrap().swap_remove(tasks / 2);
    bench.time("update_task (status in the row)", COMMAND, || {
        let mut draft = task.draft();
        draft.notes = toggled(&draft.notes);
        task = store
            .update_task(&task.id, task.row_version, &draft)
            .unwrap();
    });
    let later = at
        .rollout
        .go_live_date
        .map(|d| d + chrono::Days::new(14))
        .unwrap_or(today);
    let later = later.format("%Y-%m-%d").to_string();
    bench.time("preview_go_live_move", COMMAND, || {
        drop(
            store
                .preview_go_live_move(rollout, &later, GoLiveMoveScope::AllOpen, today)
                .unwrap(),
        )
    });
    bench.time("list_trashed_tasks (the Trash page)", COMMAND, || {
        drop(store.list_trashed_tasks().unwrap())
    });
    // The Status tab opens on this week's draft (the generator dates every change to the
    // day it ran, so the week holds the whole plan's history).
    // Kept while nothing is written: opened again, and opened after any edit (the rollout's
    // scope autosaved), when it is drafted afresh.
    bench.time("draft_status (Status tab, this week)", COMMAND, || {
        drop(store.draft_status(rollout, today, today).unwrap())
    });
    bench.time("draft_status after an edit", COMMAND, || {
        edit();
        drop(store.draft_status(rollout, today, today).unwrap())
    });

    bench.area("Readiness/training", &at.rollout.name);
    bench.time("rollout_readiness", COMMAND, || {
        drop(store.rollout_readiness(rollout, today).unwrap())
    });
    let mut edited = store.get_rollout(rollout).unwrap();
    bench.time("rollout_readiness after an edit", COMMAND, || {
        let mut draft = edited.draft();
        draft.scope_out = toggled(&draft.scope_out);
        edited = store
            .update_rollout(&edited.id, edited.row_version, &draft)
            .unwrap();
        drop(store.rollout_readiness(rollout, today).unwrap())
    });
    let mut edit_record = record_edit(store, at);
    bench.time("rollout_readiness after a record edit", COMMAND, || {
        edit_record();
        drop(store.rollout_readiness(rollout, today).unwrap())
    });
    bench.time("list_criteria", COMMAND, || {
        drop(store.list_criteria(rollout).unwrap())
    });
    bench.time("sops_for_rollout", COMMAND, || {
        drop(store.sops_for_rollout(rollout).unwrap())
    });
    bench.time("list_requirements", COMMAND, || {
        drop(store.list_requirements(rollout).unwrap())
    });
    bench.time("rollout_training_completion", COMMAND, || {
        drop(store.rollout_training_completion(rollout, today).unwrap())
    });
    bench.time("list_roles", COMMAND, || drop(store.list_roles().unwrap()));
    bench.time("list_training_modules", COMMAND, || {
        drop(store.list_training_modules().unwrap())
    });

    metrics(bench, store, at);
    workspace(bench, store, rollout);
    training_and_people(bench, store, at);
    sop_library(bench, store, at);
}

fn metrics(bench: &mut Bench, store: &Store, at: &Landmarks) {
    let (today, rollout) = (at.today, at.rollout.id.as_str());
    let metrics = store.list_metrics(rollout).unwrap();
    let values = store.list_measurements(&at.daily_metric).unwrap().len();
    bench.area("Metrics", &format!("{} metrics", metrics.len()));
    bench.time("list_metrics", COMMAND, || {
        drop(store.list_metrics(rollout).unwrap())
    });
    bench.time(
        &format!("metric_chart ({values} daily values)"),
        COMMAND,
        || drop(store.metric_chart(&at.daily_metric, today).unwrap()),
    );
    bench.time(
        "Metrics tab: list_metrics + every chart",
        Budget::None,
        || {
            for metric in store.list_metrics(rollout).unwrap() {
                drop(store.metric_chart(&metric.id, today).unwrap());
            }
        },
    );
    bench.time("rollout_metric_statuses", COMMAND, || {
        drop(store.rollout_metric_statuses(rollout, today).unwrap())
    });
    bench.time(
        &format!("list_measurements ({values} values)"),
        COMMAND,
        || drop(store.list_measurements(&at.daily_metric).unwrap()),
    );
}

fn workspace(bench: &mut Bench, store: &Store, rollout: &str) {
    bench.area("Risks … scope", "");
    bench.time("list_risks", COMMAND, || {
        drop(store.list_risks(rollout).unwrap())
    });
    bench.time("risk_heat_map", COMMAND, || {
        drop(store.risk_heat_map(rollout).unwrap())
    });
    bench.time("list_decisions", COMMAND, || {
        drop(store.list_decisions(rollout).unwrap())
    });
    bench.time("list_communications", COMMAND, || {
        drop(store.list_communications(rollout).unwrap())
    });
    bench.time("list_stakeholders", COMMAND, || {
        drop(store.list_stakeholders(rollout).unwrap())
    });
    bench.time("adkar_barriers", COMMAND, || {
        drop(store.adkar_barriers(rollout).unwrap())
    });
    bench.time("list_scope_changes", COMMAND, || {
        drop(store.list_scope_changes(rollout).unwrap())
    });
}

fn training_and_people(bench: &mut Bench, store: &Store, at: &Landmarks) {
    let today = at.today;
    bench.area("Training page", "who has trained, 100 people a page");
    let every = MatrixFilter::default();
    bench.time("training_matrix (every rollout)", COMMAND, || {
        drop(store.training_matrix(&every, today).unwrap())
    });
    let mut edited = store.get_rollout(&at.rollout.id).unwrap();
    bench.time(
        "training_matrix (every rollout) after an edit",
        COMMAND,
        || {
            let mut draft = edited.draft();
            draft.scope_out = toggled(&draft.scope_out);
            edited = store
                .update_rollout(&edited.id, edited.row_version, &draft)
                .unwrap();
            drop(store.training_matrix(&every, today).unwrap())
        },
    );
    let mut edit_record = record_edit(store, at);
    bench.time(
        "training_matrix (every rollout) after a record edit",
        COMMAND,
        || {
            edit_record();
            drop(store.training_matrix(&every, today).unwrap())
        },
    );
    let one = MatrixFilter {
        rollout_id: Some(at.rollout.id.clone()),
        ..MatrixFilter::default()
    };
    bench.time("training_matrix (one rollout)", COMMAND, || {
        drop(store.training_matrix(&one, today).unwrap())
    });
    bench.time("training_due (every rollout, 7 days)", COMMAND, || {
        drop(store.training_due(None, today, 7).unwrap())
    });
    bench.time("list_people (active)", COMMAND, || {
        drop(store.list_people(false).unwrap())
    });
    bench.time(
        "training_due_page (every rollout, 7 days, 200 of each)",
        COMMAND,
        || drop(store.training_due_page(None, today, 7, (200, 200)).unwrap()),
    );
    bench.time("list_departments", COMMAND, || {
        drop(store.list_departments().unwrap())
    });

    bench.area("People", "");
    bench.time("list_people (all)", COMMAND, || {
        drop(store.list_people(true).unwrap())
    });
    for (what, text) in [("the first 200", ""), ("a search \"kim\"", "kim")] {
        let query = PeopleQuery {
            query: text.into(),
            limit: 200,
            ..PeopleQuery::default()
        };
        bench.time(&format!("people_page ({what})"), COMMAND, || {
            drop(store.people_page(&query).unwrap())
        });
    }
    bench.time("person_history", COMMAND, || {
        drop(store.person_history(&at.person).unwrap())
    });
    bench.time("person_training", COMMAND, || {
        drop(store.person_training(&at.person, today).unwrap())
    });
}

fn sop_library(bench: &mut Bench, store: &Store, at: &Landmarks) {
    let steps = store.get_sop(&at.longest_sop).unwrap().steps.len();
    bench.area("SOP library", "");
    bench.time("list_sops", COMMAND, || drop(store.list_sops().unwrap()));
    let today = at.today;
    for (what, text) in [("the first 200", ""), ("a search \"patient\"", "patient")] {
        let query = SopLibraryQuery {
            query: text.into(),
            review_within_days: 30,
            limit: 200,
            ..SopLibraryQuery::default()
        };
        bench.time(&format!("sop_library_page ({what})"), COMMAND, || {
            drop(store.sop_library_page(&query, today).unwrap())
        });
    }
    for query in ["prior auth", "patient"] {
        let hits = store.search_sops(query, 100).unwrap().len();
        bench.time(
            &format!("search_sops (\"{query}\", {hits} hits)"),
            COMMAND,
            || drop(store.search_sops(query, 100).unwrap()),
        );
    }
    // Search everything (Ctrl+K), keystroke by keystroke: the first two letters (the
    // widest prefix), a common word, and two words.
    for query in ["pa", "patient", "prior auth"] {
        let hits = store.search_workspace(query).unwrap().hits.len();
        bench.time(
            &format!("search_workspace (\"{query}\", {hits} hits)"),
            COMMAND,
            || drop(store.search_workspace(query).unwrap()),
        );
    }
    bench.time(&format!("get_sop ({steps} steps)"), COMMAND, || {
        drop(store.get_sop(&at.longest_sop).unwrap())
    });
    bench.time("sop_history", COMMAND, || {
        drop(
            store
                .history_page(EntityKind::Sop, &at.longest_sop, Some(50))
                .unwrap(),
        )
    });
    bench.time("sop_revisions", COMMAND, || {
        drop(store.sop_revisions(&at.longest_sop).unwrap())
    });
    bench.time("compare_sop_versions (v1 → v2)", COMMAND, || {
        drop(store.compare_sop_versions(&at.revised_sop, 1, 2).unwrap())
    });
    let mut sop = store.get_sop(&at.draft_sop).unwrap();
    bench.time(
        &format!("update_sop (autosave, {} steps)", sop.steps.len()),
        COMMAND,
        || {
            let mut draft = sop.draft();
            draft.purpose = toggled(&draft.purpose);
            sop = store.update_sop(&sop.id, sop.row_version, &draft).unwrap();
        },
    );
}

/// The text with a trailing full stop added or taken away: an edit that can go on
/// forever without the text growing.
fn toggled(text: &str) -> String {
    match text.strip_suffix(" .") {
        Some(before) => before.to_owned(),
        None => format!("{text} ."),
    }
}

/// Moves one open training record between assigned and in progress at each call: an
/// edit of what the kept training standing reads, so the next read counts it afresh.
fn record_edit<'a>(store: &'a Store, at: &Landmarks) -> impl FnMut() + 'a {
    let today = at.today;
    let open = store
        .training_due(None, today, 36_500)
        .unwrap()
        .into_iter()
        .find(|due| !due.status.is_done())
        .expect("an open training record");
    let (id, mut version, mut status) = (open.record_id, open.row_version, open.status);
    move || {
        status = match status {
            RecordStatus::Assigned => RecordStatus::InProgress,
            _ => RecordStatus::Assigned,
        };
        let draft = RecordDraft {
            status,
            ..RecordDraft::default()
        };
        version = store
            .update_training_record(&id, version, &draft, today)
            .unwrap()
            .row_version;
    }
}
