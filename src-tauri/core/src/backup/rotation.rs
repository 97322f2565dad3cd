//! Which backups to keep. Daily and manual backups form one ladder: the newest of each
//! of the last 7 days that have one, then the newest of each of the 4 ISO weeks before
//! those days. The "before-…" backups are kept apart: the 5 newest of each reason, so a
//! busy week of imports cannot push the daily ones out, nor the other way round.

use std::collections::HashSet;
use std::path::Path;

use chrono::{Datelike, IsoWeek, NaiveDate};

use super::{list_backups, Backup, BackupReason};

const DAYS: usize = 7;
const WEEKS: usize = 4;
const EACH_BEFORE: usize = 5;

/// Deletes the backups of `db_path` the rules above do not keep, never `keep` (the
/// backup just made, even if a wrong clock makes it look old) and never a file that is
/// not named as a backup. Best effort: a file that cannot be deleted now will be at the
/// next backup, and it is no reason to fail the backup that was just made.
pub(crate) fn rotate(db_path: &Path, keep: &Path) {
    let Ok(backups) = list_backups(db_path) else {
        return;
    };
    for backup in to_delete(&backups, keep) {
        let path = Path::new(&backup.path);
        if std::fs::remove_file(path).is_ok() {
            // A copy of a damaged file may carry its WAL beside it (see `restore`).
            let _ = std::fs::remove_file(crate::store::inspect::sidecar(path, "-wal"));
        }
    }
}

/// The backups to delete from `backups`, which is sorted newest first.
pub(crate) fn to_delete<'a>(backups: &'a [Backup], keep: &Path) -> Vec<&'a Backup> {
    let mut kept: HashSet<&str> = HashSet::new();

    let ladder: Vec<&Backup> = backups
        .iter()
        .filter(|b| matches!(b.reason, BackupReason::Daily | BackupReason::Manual))
        .collect();
    let mut days: Vec<NaiveDate> = Vec::new();
    for backup in &ladder {
        let day = backup.created_at.date_naive();
        if days.len() < DAYS && !days.contains(&day) {
            days.push(day);
            kept.insert(&backup.path);
        }
    }
    if let Some(&oldest_day) = days.last() {
        let mut weeks: Vec<IsoWeek> = Vec::new();
        for backup in ladder
            .iter()
            .filter(|b| b.created_at.date_naive() < oldest_day)
        {
            let week = backup.created_at.iso_week();
            if weeks.len() < WEEKS && !weeks.contains(&week) {
                weeks.push(week);
                kept.insert(&backup.path);
            }
        }
    }

    for reason in [
        BackupReason::BeforeMigration,
        BackupReason::BeforeImport,
        BackupReason::BeforeRestore,
        BackupReason::BeforeRepair,
    ] {
        kept.extend(
            backups
                .iter()
                .filter(|b| b.reason == reason)
                .take(EACH_BEFORE)
                .map(|b| b.path.as_str()),
        );
    }

    backups
        .iter()
        .filter(|b| !kept.contains(b.path.as_str()) && Path::new(&b.path) != keep)
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, NaiveDateTime, Utc};

    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
            .expect("test time")
            .and_utc()
    }

    fn backup(when: DateTime<Utc>, reason: BackupReason) -> Backup {
        let name = format!(
            "rollplan-{}-{}.db",
            when.format("%Y%m%dT%H%M%SZ"),
            reason.slug()
        );
        Backup {
            path: format!("/x/backups/{name}"),
            file_name: name,
            created_at: when,
            reason,
            size_bytes: 1,
        }
    }

    fn surviving(mut backups: Vec<Backup>, keep: &Backup) -> Vec<String> {
        backups.sort_by_key(|b| std::cmp::Reverse(b.created_at));
        let deleted: Vec<String> = to_delete(&backups, Path::new(&keep.path))
            .into_iter()
            .map(|b| b.file_name.clone())
            .collect();
        backups
            .into_iter()
            .map(|b| b.file_name)
            .filter(|name| !deleted.contains(name))
            .collect()
    }

    #[test]
    fn seven_days_then_four_weeks_then_five_of_each_before_reason() {
        // Sunday 29 November 2026 ends ISO week 48 (Monday 23 to Sunday 29).
        let just_made = backup(at("2026-11-29 04:15"), BackupReason::Daily);
        let mut backups = vec![just_made.clone()];
        backups.push(backup(at("2026-11-29 01:00"), BackupReason::Manual));
        backups.push(backup(at("2026-11-28 18:00"), BackupReason::Manual));
        let mut day = at("2026-11-28 04:00");
        while day >= at("2026-10-01 04:00") {
            backups.push(backup(day, BackupReason::Daily));
            day -= Duration::days(1);
        }
        for hour in 0..7 {
            backups.push(backup(
                at("2026-11-20 08:00") + Duration::hours(hour),
                BackupReason::BeforeImport,
            ));
        }
        backups.push(backup(
            at("2026-01-05 09:00"),
            BackupReason::BeforeMigration,
        ));
        backups.push(backup(at("2026-11-02 09:00"), BackupReason::BeforeRestore));

        let expected = [
            // The newest of each of the last 7 days that have one.
            "rollplan-20261129T041500Z-daily.db",
            "rollplan-20261128T180000Z-manual.db",
            "rollplan-20261127T040000Z-daily.db",
            "rollplan-20261126T040000Z-daily.db",
            "rollplan-20261125T040000Z-daily.db",
            "rollplan-20261124T040000Z-daily.db",
            "rollplan-20261123T040000Z-daily.db",
            // The newest of each of the 4 weeks before: weeks 47, 46, 45 and 44.
            "rollplan-20261122T040000Z-daily.db",
            "rollplan-20261120T140000Z-before-import.db",
            "rollplan-20261120T130000Z-before-import.db",
            "rollplan-20261120T120000Z-before-import.db",
            "rollplan-20261120T110000Z-before-import.db",
            "rollplan-20261120T100000Z-before-import.db",
            "rollplan-20261115T040000Z-daily.db",
            "rollplan-20261108T040000Z-daily.db",
            "rollplan-20261102T090000Z-before-restore.db",
            "rollplan-20261101T040000Z-daily.db",
            "rollplan-20260105T090000Z-before-migration.db",
        ];
        assert_eq!(
            surviving(backups, &just_made),
            expected,
            "rotation keeps 7 days, 4 weeks and 5 of each before-reason, nothing else"
        );
    }

    #[test]
    fn the_backup_just_made_is_kept_even_when_it_looks_oldest() {
        // A clock set back: the new backup sorts after seven newer-looking days.
        let mut backups: Vec<Backup> = (0..8)
            .map(|d| {
                backup(
                    at("2026-11-20 04:00") + Duration::days(d),
                    BackupReason::Daily,
                )
            })
            .collect();
        let just_made = backup(at("2026-01-01 04:00"), BackupReason::Manual);
        backups.push(just_made.clone());
        let kept = surviving(backups, &just_made);
        assert!(
            kept.contains(&just_made.file_name),
            "the backup just made must survive its own rotation: {kept:?}"
        );
    }
}
