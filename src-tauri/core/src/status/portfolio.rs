//! The all-rollouts status reads as the PMO's Monday summary rather than every rollout's
//! status pasted together: a rollout's routine progress — tasks completed, tasks
//! started — becomes one line for that rollout once it runs past a few items ("14 tasks
//! completed"; its own status lists them), while news that needs someone (slips,
//! blocks, risks, metrics, messages) stays item by item.

use super::{SectionKind, StatusItem};

/// Up to this many items of routine progress per rollout are listed one by one.
pub(super) const LISTED_EACH: usize = 3;

/// `news` of one rollout as the all-rollouts status shows it.
pub(super) fn summarised(
    rollout_id: &str,
    news: Vec<(SectionKind, StatusItem)>,
) -> Vec<(SectionKind, StatusItem)> {
    let mut kept = Vec::with_capacity(news.len());
    for (kind, noun) in [
        (SectionKind::Completed, "completed"),
        (SectionKind::Started, "started"),
    ] {
        let routine: Vec<&StatusItem> = news
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, item)| item)
            .collect();
        if routine.len() > LISTED_EACH {
            let first = routine[0];
            kept.push((
                kind,
                StatusItem {
                    key: format!("tasks-{noun}:{rollout_id}"),
                    tone: first.tone,
                    rollout_name: first.rollout_name.clone(),
                    happened: format!("{} tasks {noun}", routine.len()),
                    impact: String::new(),
                    action: String::new(),
                    who: String::new(),
                },
            ));
        }
    }
    let summarised: Vec<SectionKind> = kept.iter().map(|(kind, _)| *kind).collect();
    kept.extend(
        news.into_iter()
            .filter(|(kind, _)| !summarised.contains(kind)),
    );
    kept
}
