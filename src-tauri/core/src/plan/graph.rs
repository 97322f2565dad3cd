//! A rollout's dependencies read once, for the checks every new dependency passes — not
//! a task and itself, not another rollout's task, no loop (named task by task, through
//! links of any type), a lag within a year — and
//! for callers that add many in one transaction (imports, templates, bundles): each
//! addition checks against this copy and keeps it current, instead of reading every
//! dependency again.

use std::collections::HashMap;

use super::link::check_lag;
use super::precedence::Precedence;
use super::store::{dependencies, tasks as rows};
use crate::audit::{self, AuditAction, EntityKind, FieldChange};
use crate::plan::TaskLink;
use crate::store::{Conn, Tx};
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result};

/// The dependencies of one rollout's plan, and the tasks at either end of those added.
/// The tasks are remembered too: a task's rollout never changes, and nothing renames
/// one while a run of additions is under way.
pub(crate) struct DependencyGraph {
    rollout_id: String,
    graph: Precedence,
    ends: HashMap<String, End>,
}

impl DependencyGraph {
    pub(crate) fn load(conn: &Conn, rollout_id: &str) -> Result<Self> {
        Ok(Self {
            rollout_id: rollout_id.to_owned(),
            graph: Precedence::new(dependencies::rollout_edges(conn, rollout_id)?),
            ends: HashMap::new(),
        })
    }

    /// Adds "`task_id` waits for `link.depends_on_id`", refusing a task and itself,
    /// tasks of another rollout, loops (named task by task, whatever the links' types)
    /// and a lag beyond a year. A dependency that exists already takes the link's type
    /// and lag. The dependent task's version moves on and its history notes the change;
    /// nothing happens when the link is already exactly so.
    pub(crate) fn insert(&mut self, tx: &Tx<'_>, task_id: &str, link: &TaskLink) -> Result<()> {
        if self.graph.contains(task_id, &link.depends_on_id) {
            check_lag(link.lag_days)?;
            let Some(stored) = dependencies::find(tx, task_id, &link.depends_on_id)? else {
                return Ok(());
            };
            if stored == *link {
                return Ok(());
            }
            dependencies::update(tx, task_id, link)?;
            let title = self.end(tx, &link.depends_on_id)?.title;
            return note_change(
                tx,
                task_id,
                Some(stored.history_text(&title)),
                Some(link.history_text(&title)),
            );
        }
        match self.insert_for_unrecorded(tx, task_id, link)? {
            Some(text) => note_change(tx, task_id, None, Some(text)),
            None => Ok(()),
        }
    }

    /// [`DependencyGraph::insert`] for a task written in this same transaction whose
    /// creation is not recorded yet (an import records it with its dependencies): the
    /// same checks and the dependency written, but no version to move on and no edit to
    /// note. What the history says of the new link comes back (see
    /// [`TaskLink::history_text`]); `None` if the task already waited for that one, in
    /// which case the link first written stays.
    pub(crate) fn insert_for_unrecorded(
        &mut self,
        tx: &Tx<'_>,
        task_id: &str,
        link: &TaskLink,
    ) -> Result<Option<String>> {
        let depends_on_id = link.depends_on_id.as_str();
        let task = self.end(tx, task_id)?;
        if task_id == depends_on_id {
            return Err(CoreError::invalid(
                "depends_on",
                format!("'{}' cannot depend on itself.", task.title),
            ));
        }
        let predecessor = self.end(tx, depends_on_id)?;
        if predecessor.rollout_id != task.rollout_id || task.rollout_id != self.rollout_id {
            return Err(CoreError::invalid(
                "depends_on",
                format!("'{}' belongs to another rollout's plan.", predecessor.title),
            ));
        }
        check_lag(link.lag_days)?;
        if self.graph.contains(task_id, depends_on_id) {
            return Ok(None);
        }
        if let Some(chain) = self.graph.loop_through(task_id, depends_on_id) {
            let titles = rows::titles(tx, &task.rollout_id)?;
            return Err(loop_error(&chain, task_id, &titles));
        }
        dependencies::insert(tx, task_id, link, &timestamp_text(now()))?;
        self.graph.add(task_id, depends_on_id);
        Ok(Some(link.history_text(&predecessor.title)))
    }

    /// Remembers a task of this plan written in the same transaction, so that linking it
    /// asks the database nothing about it.
    pub(crate) fn know(&mut self, task_id: &str, title: &str) {
        let end = End {
            rollout_id: self.rollout_id.clone(),
            title: title.to_owned(),
        };
        self.ends.insert(task_id.to_owned(), end);
    }

    /// The task `id` as one end of a dependency, read once.
    fn end(&mut self, conn: &Conn, id: &str) -> Result<End> {
        if let Some(end) = self.ends.get(id) {
            return Ok(end.clone());
        }
        let (rollout_id, title, _) = rows::end(conn, id)?;
        let end = End { rollout_id, title };
        self.ends.insert(id.to_owned(), end.clone());
        Ok(end)
    }
}

/// What a dependency needs to know of each of its tasks.
#[derive(Clone)]
struct End {
    rollout_id: String,
    title: String,
}

/// The refusal of a dependency that would close `chain` (from the new predecessor back
/// to the task) into a loop, naming every task on it by title.
fn loop_error(chain: &[String], task_id: &str, titles: &HashMap<String, String>) -> CoreError {
    let name = |id: &str| titles.get(id).cloned().unwrap_or_else(|| id.to_owned());
    // Read in the order the work would happen, the loop starts and ends at the task.
    let mut names: Vec<String> = chain.iter().rev().map(|id| name(id)).collect();
    names.push(name(task_id));
    CoreError::invalid(
        "depends_on",
        format!(
            "That would make a loop: {}. A task cannot wait, directly or through others, \
             for itself.",
            names.join(" → ")
        ),
    )
}

/// A dependency change is an edit of the dependent task: its version moves on (from the
/// version it has in this transaction: a dependency is never added from a stale copy of
/// the task, it names only ids), so an editor holding the old version reloads, and its
/// history says what changed.
pub(super) fn note_change(
    tx: &Tx<'_>,
    task_id: &str,
    old: Option<String>,
    new: Option<String>,
) -> Result<()> {
    let at = timestamp_text(now());
    let (_, title, row_version) = rows::end(tx, task_id)?;
    rows::touch(tx, (task_id, row_version, &title), &at)?;
    let change = FieldChange {
        field: "depends_on".into(),
        old,
        new,
    };
    audit::record(
        tx,
        &at,
        EntityKind::PlanTask,
        task_id,
        AuditAction::Update,
        &[change],
    )
}
