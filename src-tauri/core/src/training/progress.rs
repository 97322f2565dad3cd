//! The one definition of "trained" that every screen and export shows.
//!
//! A person is **trained** for a rollout when they have completed (or been excused
//! from) every module the rollout requires of their role. The **trained %** is the
//! share of people in roles with required training who are trained, rounded to the
//! nearest whole percent: "8 of 34 people fully trained — 24%". Modules done count
//! toward nothing on their own — a front-desk clerk with four of five modules is not
//! trained — so the module count ("212 of 340 required modules done") is shown, where
//! it is shown, in those words and never as a percent of "trained".

use serde::Serialize;
use ts_rs::TS;

use super::RoleCompletion;

/// How many people are trained, in numbers and in the words every screen shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct TrainingProgress {
    /// Active people in roles with required training.
    pub people: i64,
    /// Of them, those who completed (or were excused from) every module their role
    /// requires.
    pub trained: i64,
    /// Of them, those with at least one required module past its due date.
    pub overdue: i64,
    /// `trained` of `people`, rounded to a whole percent; 0 with nobody to train.
    pub percent: i64,
    /// "8 of 34 people fully trained — 24%"; empty with nobody to train.
    pub summary: String,
}

impl TrainingProgress {
    /// The progress of `people`, `trained` and `overdue` of them.
    pub fn new(people: i64, trained: i64, overdue: i64) -> Self {
        let percent = trained_percent(trained, people);
        let summary = match people {
            0 => String::new(),
            1 => format!("{trained} of 1 person fully trained — {percent}%"),
            _ => format!("{trained} of {people} people fully trained — {percent}%"),
        };
        Self {
            people,
            trained,
            overdue,
            percent,
            summary,
        }
    }

    /// A rollout's progress from its completion per role.
    pub fn of_roles(roles: &[RoleCompletion]) -> Self {
        Self::new(
            roles.iter().map(|r| r.people).sum(),
            roles.iter().map(|r| r.trained).sum(),
            roles.iter().map(|r| r.overdue).sum(),
        )
    }
}

/// `trained` of `people` as a whole percent, halves rounded up (0 with nobody).
pub fn trained_percent(trained: i64, people: i64) -> i64 {
    if people <= 0 {
        return 0;
    }
    (trained * 200 + people) / (people * 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trained_percent_rounds_to_the_nearest_whole_percent() {
        assert_eq!(trained_percent(8, 34), 24, "23.5% reads 24%");
        assert_eq!(trained_percent(1, 3), 33);
        assert_eq!(trained_percent(2, 3), 67);
        assert_eq!(trained_percent(0, 0), 0, "nobody to train reads 0%");
        assert_eq!(
            TrainingProgress::new(8, 2, 1).summary,
            "2 of 8 people fully trained — 25%"
        );
    }
}
