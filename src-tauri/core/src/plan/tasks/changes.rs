//! What the history says a write of a task changed, with its phase and owner by name so
//! it reads as the person knows them. Pure: the names are looked up first.

use chrono::NaiveDate;

use crate::audit::ChangeSet;
use crate::plan::store::lookups::TaskNames;
use crate::plan::validate::ValidTask;
use crate::plan::Task;
use crate::time::date_text;

/// Notes every field a write changes; `old` is `None` for a new task.
pub(super) fn describe_changes(
    changes: &mut ChangeSet,
    old: Option<(&Task, &TaskNames)>,
    (new, new_names): (&ValidTask, &TaskNames),
) {
    let date = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
    let task = old.map(|(task, _)| task);
    let names = old.map(|(_, names)| names);
    changes.compare(
        "title",
        task.map(|t| t.title.clone()).unwrap_or_default(),
        new.title.as_str(),
    );
    changes.compare(
        "phase",
        names.map(|n| n.phase.clone()).unwrap_or_default(),
        new_names.phase.as_str(),
    );
    changes.compare(
        "kind",
        task.map(|t| t.kind.code()).unwrap_or(""),
        new.kind.code(),
    );
    changes.compare(
        "owner",
        names.map(|n| n.owner.clone()).unwrap_or_default(),
        new_names.owner.as_str(),
    );
    changes.compare(
        "start_date",
        date(task.and_then(|t| t.start_date)),
        date(new.start_date),
    );
    changes.compare(
        "due_date",
        date(task.and_then(|t| t.due_date)),
        date(new.due_date),
    );
    changes.compare(
        "status",
        task.map(|t| t.status.code()).unwrap_or(""),
        new.status.code(),
    );
    changes.compare(
        "percent_complete",
        task.map(|t| t.percent_complete.to_string())
            .unwrap_or_default(),
        new.percent_complete.to_string(),
    );
    changes.compare(
        "notes",
        task.map(|t| t.notes.clone()).unwrap_or_default(),
        new.notes.as_str(),
    );
}
