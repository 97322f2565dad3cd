//! Drafting a status: a rollout's week (or every active rollout's) turned into figures
//! and sections, worst news first, with a headline that says the worst plainly — or
//! that nothing happened.

use std::sync::Arc;

use chrono::NaiveDate;

use super::figures::{training_changes, ReadinessFigure, RolloutFigures};
use super::kept::DraftKey;
use super::plan_week::PlanWeek;
use super::sources::{gather, RolloutWeek};
use super::week::StatusWeek;
use super::{logs, portfolio, risks, signals, tasks};
use super::{SectionKind, StatusDraft, StatusItem, StatusSection, Tone};
use crate::rollouts::Phase;
use crate::store::Conn;
use crate::training::completion_kept_or_read;
use crate::{Result, Store};

/// The title of the status of every active rollout.
pub const PORTFOLIO_TITLE: &str = "All active rollouts";

impl Store {
    /// The draft status of one rollout for the week holding `week_day` (its Monday, or
    /// any day of it), as of `today`. A week that has not started is refused.
    pub fn draft_status(
        &self,
        rollout_id: &str,
        week_day: NaiveDate,
        today: NaiveDate,
    ) -> Result<StatusDraft> {
        let week = StatusWeek::containing(week_day, today)?;
        let key = self.read(|conn| Ok(DraftKey::of(conn, rollout_id, week.monday, today)?))?;
        if let Some(kept) = self.status_draft.get(&key) {
            return Ok(kept);
        }
        // The plan's part is kept while the plan is as it was ([`PlanWeek`]). A week
        // under way counts today's training as every screen does: from the kept
        // standing when it is kept.
        let live = week.as_of == today;
        let sources = self.read_kept_beside(
            (
                |store| &store.kept.status_plan_week,
                |plan| plan.is_for(rollout_id, &week),
            ),
            |conn| PlanWeek::load(conn, rollout_id, &week),
            |store| &store.kept.every_standing,
            |conn, plan, standing| {
                let training = if live {
                    Some(completion_kept_or_read(conn, standing, rollout_id, today)?)
                } else {
                    None
                };
                gather(conn, rollout_id, week, today, training, plan)
            },
        )?;
        let name = sources.rollout.name.clone();
        let draft = assemble(Some(rollout_id.to_owned()), name, week, &[sources]);
        self.status_draft.set(key, draft.clone());
        Ok(draft)
    }

    /// How many rollout drafts were worked out rather than given from the kept one.
    pub fn status_drafts_worked_out(&self) -> usize {
        self.status_draft.times_kept()
    }

    /// The draft status of every active rollout (not closed, not in the trash, created
    /// by the week's end) for the week holding `week_day`: the PMO's Monday summary.
    pub fn draft_portfolio_status(
        &self,
        week_day: NaiveDate,
        today: NaiveDate,
    ) -> Result<StatusDraft> {
        let week = StatusWeek::containing(week_day, today)?;
        let rollouts = self.list_rollouts()?;
        let active = rollouts
            .iter()
            .filter(|r| r.phase != Phase::Closed)
            .filter(|r| r.created_at.date_naive() <= week.as_of);
        // Each rollout's plan is read here: only one plan is kept, the last one drafted
        // alone.
        let plan = |conn: &Conn, id: &str| PlanWeek::load(conn, id, &week).map(Arc::new);
        // A week under way counts today's training of every rollout from the standing of
        // them all, read once (and kept) rather than once per rollout.
        let weeks = if week.as_of == today {
            self.read_every_standing(|conn, standing| {
                active
                    .map(|r| {
                        let training = standing.completion_of(&r.id, today);
                        gather(conn, &r.id, week, today, Some(training), plan(conn, &r.id)?)
                    })
                    .collect::<Result<Vec<_>>>()
            })?
        } else {
            self.read(|conn| {
                active
                    .map(|r| gather(conn, &r.id, week, today, None, plan(conn, &r.id)?))
                    .collect::<Result<Vec<_>>>()
            })?
        };
        Ok(assemble(None, PORTFOLIO_TITLE.to_owned(), week, &weeks))
    }
}

/// Joins the news of `weeks` (one per rollout) into one status.
pub(crate) fn assemble(
    rollout_id: Option<String>,
    title: String,
    week: StatusWeek,
    weeks: &[RolloutWeek],
) -> StatusDraft {
    let mut news: Vec<(SectionKind, StatusItem)> = Vec::new();
    for sources in weeks {
        news.extend(signals::readiness_items(sources));
        news.extend(signals::metric_items(sources));
        let plan_news = tasks::items(sources);
        news.extend(match rollout_id {
            Some(_) => plan_news,
            None => portfolio::summarised(&sources.rollout.id, plan_news),
        });
        news.extend(risks::items(sources));
        news.extend(logs::items(sources));
        news.extend(signals::training_items(sources));
    }
    // Each item moved into its section's list, in the order the sources gave.
    let mut by_kind: Vec<Vec<StatusItem>> = vec![Vec::new(); SectionKind::ALL.len()];
    for (kind, item) in news {
        if let Some(at) = SectionKind::ALL.iter().position(|k| *k == kind) {
            by_kind[at].push(item);
        }
    }
    let mut sections: Vec<StatusSection> = Vec::new();
    for (kind, mut items) in SectionKind::ALL.iter().zip(by_kind) {
        if items.is_empty() {
            continue;
        }
        // Stable: within a tone, the order the sources gave (plan order, dates).
        items.sort_by_key(|item| item.tone);
        sections.push(StatusSection {
            kind: *kind,
            title: kind.label().to_owned(),
            items,
        });
    }
    // Worst news first; sections as bad as each other keep their natural order.
    sections.sort_by_key(StatusSection::worst);
    StatusDraft {
        rollout_id,
        title,
        headline: headline(&sections, &week),
        rollouts: weeks.iter().map(figures).collect(),
        sections,
        next_update: week.next_update(),
        week_label: week.label(),
        week,
    }
}

fn figures(sources: &RolloutWeek) -> RolloutFigures {
    let rollout = &sources.rollout;
    let (now, _) = &sources.readiness_now;
    let mut figures = RolloutFigures {
        rollout_id: rollout.id.clone(),
        rollout_name: rollout.name.clone(),
        owner: rollout.owner.clone(),
        sponsor: rollout.sponsor.clone(),
        go_live_date: rollout.go_live_date,
        days_to_go_live: rollout
            .go_live_date
            .map(|go_live| (go_live - sources.week.as_of).num_days()),
        readiness_then: sources
            .readiness_then
            .as_ref()
            .map(|(then, _)| ReadinessFigure::of(then)),
        readiness_now: ReadinessFigure::of(now),
        trained_percent_now: (now.training.people > 0).then_some(now.training.percent),
        training: training_changes(&sources.training_then, &sources.training_now),
        countdown: String::new(),
        readiness: String::new(),
        baseline: sources.baseline.as_ref().map(crate::plan::baseline_line),
    };
    figures.countdown = figures.countdown_text();
    figures.readiness = figures.readiness_text();
    figures
}

/// One sentence on top: how many items need attention and the worst of them, or that
/// the week was quiet.
pub(super) fn headline(sections: &[StatusSection], week: &StatusWeek) -> String {
    let items = || sections.iter().flat_map(|s| s.items.iter());
    let count = |tone: Tone| items().filter(|i| i.tone == tone).count();
    let worst = sections.first().and_then(|s| s.items.first());
    match worst {
        None => format!(
            "A quiet week: nothing was completed, started, slipped or blocked, and no \
             metric, risk, decision, message or readiness criterion changed ({}).",
            week.label()
        ),
        Some(worst) if worst.tone == Tone::Bad => {
            let n = count(Tone::Bad);
            let items_word = if n == 1 { "item needs" } else { "items need" };
            format!("{n} {items_word} attention. Worst: {}.", worst.happened)
        }
        Some(worst) if worst.tone == Tone::Watch => {
            let n = count(Tone::Watch);
            let items_word = if n == 1 { "item" } else { "items" };
            format!(
                "Nothing needs the sponsor's attention; {n} {items_word} to watch. First: {}.",
                worst.happened
            )
        }
        Some(_) => format!(
            "A good week: {} items of progress, nothing slipped.",
            count(Tone::Good) + count(Tone::Neutral)
        ),
    }
}
