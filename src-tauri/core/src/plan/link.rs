//! What a dependency says: which end of the task it waits for (its type) and how many
//! days after that end (its lag; negative is a lead). The four types are the ones
//! Microsoft Project and every Gantt tool use, so a vendor's plan keeps its meaning; the
//! words people read for each link are written here once, for the history, the exports
//! and the command line.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CoreError, Result};

/// The longest lag or lead a link may have, in days: a year either way. Anything longer
/// is a date, not a link.
pub const MAX_LAG_DAYS: i32 = 365;

/// Which end of the task waited for, and which end of the waiting task, a link ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
pub enum LinkType {
    /// The waiting task starts once the other finishes: the usual hand-over.
    #[default]
    #[serde(rename = "FS")]
    FinishToStart,
    /// The waiting task starts once the other has started.
    #[serde(rename = "SS")]
    StartToStart,
    /// The waiting task finishes once the other has finished.
    #[serde(rename = "FF")]
    FinishToFinish,
    /// The waiting task finishes once the other has started (a hand-over shift).
    #[serde(rename = "SF")]
    StartToFinish,
}

coded_enum!(LinkType, "link type", "link_type", {
    FinishToStart => "FS", "finish-to-start";
    StartToStart => "SS", "start-to-start";
    FinishToFinish => "FF", "finish-to-finish";
    StartToFinish => "SF", "start-to-finish";
});

impl LinkType {
    /// Whether the link is tied to the start (rather than the finish) of the task
    /// waited for.
    pub fn from_start(self) -> bool {
        matches!(self, LinkType::StartToStart | LinkType::StartToFinish)
    }

    /// Whether the link holds back the start (rather than the finish) of the waiting
    /// task.
    pub fn to_start(self) -> bool {
        matches!(self, LinkType::FinishToStart | LinkType::StartToStart)
    }
}

/// One task a task waits for, and how.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct TaskLink {
    /// The task waited for.
    pub depends_on_id: String,
    pub link_type: LinkType,
    /// Days after the tied end of the task waited for; negative is a lead (before it).
    pub lag_days: i32,
}

impl TaskLink {
    /// The usual link: start once `depends_on_id` finishes, no lag.
    pub fn finish_to_start(depends_on_id: impl Into<String>) -> Self {
        Self {
            depends_on_id: depends_on_id.into(),
            link_type: LinkType::FinishToStart,
            lag_days: 0,
        }
    }

    /// Whether it is the usual link (finish-to-start, no lag), which reads as a plain
    /// "waits for".
    pub fn is_plain(&self) -> bool {
        self.link_type == LinkType::FinishToStart && self.lag_days == 0
    }

    /// The link in the history and the command line: the title of the task waited for,
    /// then the type and lag unless it is the plain link — `Order scanners`,
    /// `Order scanners (start-to-start, +2 days)`.
    pub fn history_text(&self, title: &str) -> String {
        if self.is_plain() {
            title.to_owned()
        } else {
            format!(
                "{title} ({}, {})",
                self.link_type.label(),
                lag_text(self.lag_days)
            )
        }
    }

    /// The link in the words of a plan a person reads (exports, tooltips), with `title`
    /// the task waited for as the caller wants it shown (quoted, escaped): `'X'` for the
    /// plain link, else what ties the two — `starts with 'X'`, `finishes 2 days after
    /// 'X' finishes`, `starts 1 day before 'X' finishes`.
    pub fn phrase(&self, title: &str) -> String {
        if self.is_plain() {
            return title.to_owned();
        }
        let mine = if self.link_type.to_start() {
            "starts"
        } else {
            "finishes"
        };
        let theirs = if self.link_type.from_start() {
            "starts"
        } else {
            "finishes"
        };
        let days = self.lag_days.unsigned_abs();
        let plural = if days == 1 { "" } else { "s" };
        match self.lag_days {
            0 if self.link_type.from_start() == self.link_type.to_start() => {
                format!("{mine} with {title}")
            }
            0 => format!("{mine} once {title} {theirs}"),
            lag if lag > 0 => format!("{mine} {days} day{plural} after {title} {theirs}"),
            _ => format!("{mine} {days} day{plural} before {title} {theirs}"),
        }
    }
}

/// A lag as the history writes it: `+2 days`, `-1 day`, `no lag`.
pub fn lag_text(lag_days: i32) -> String {
    let plural = if lag_days.unsigned_abs() == 1 {
        ""
    } else {
        "s"
    };
    match lag_days {
        0 => "no lag".to_owned(),
        lag if lag > 0 => format!("+{lag} day{plural}"),
        lag => format!("{lag} day{plural}"),
    }
}

/// Refuses a lag beyond [`MAX_LAG_DAYS`] either way, on the field `lag_days`.
pub(crate) fn check_lag(lag_days: i32) -> Result<()> {
    if lag_days.unsigned_abs() > MAX_LAG_DAYS.unsigned_abs() {
        return Err(CoreError::invalid(
            "lag_days",
            format!(
                "Keep the lag within {MAX_LAG_DAYS} days either way; for a longer wait, \
                 give the task its own dates."
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(link_type: LinkType, lag_days: i32) -> TaskLink {
        TaskLink {
            depends_on_id: "x".into(),
            link_type,
            lag_days,
        }
    }

    #[test]
    fn codes_and_labels_read_back() {
        for &link_type in LinkType::ALL {
            assert_eq!(
                link_type.code().parse::<LinkType>().ok(),
                Some(link_type),
                "the code of {link_type:?} must read back"
            );
            assert_eq!(
                link_type.code().to_lowercase().parse::<LinkType>().ok(),
                Some(link_type),
                "a code typed in lower case must be understood"
            );
            assert_eq!(
                link_type.label().parse::<LinkType>().ok(),
                Some(link_type),
                "the label of {link_type:?} must read back"
            );
            assert_eq!(LinkType::from_code(link_type.code()), Some(link_type));
        }
        assert!(
            "XS".parse::<LinkType>().is_err(),
            "an unknown code is refused"
        );
    }

    #[test]
    fn history_names_the_type_and_lag_except_for_the_plain_link() {
        assert_eq!(link(LinkType::FinishToStart, 0).history_text("X"), "X");
        assert_eq!(
            link(LinkType::StartToStart, 2).history_text("X"),
            "X (start-to-start, +2 days)"
        );
        assert_eq!(
            link(LinkType::FinishToStart, -1).history_text("X"),
            "X (finish-to-start, -1 day)"
        );
        assert_eq!(
            link(LinkType::FinishToFinish, 0).history_text("X"),
            "X (finish-to-finish, no lag)"
        );
    }

    #[test]
    fn phrases_say_which_ends_are_tied_in_plain_words() {
        let cases = [
            (LinkType::FinishToStart, 0, "'X'"),
            (
                LinkType::FinishToStart,
                2,
                "starts 2 days after 'X' finishes",
            ),
            (LinkType::StartToStart, 0, "starts with 'X'"),
            (LinkType::StartToStart, -1, "starts 1 day before 'X' starts"),
            (LinkType::FinishToFinish, 0, "finishes with 'X'"),
            (
                LinkType::FinishToFinish,
                3,
                "finishes 3 days after 'X' finishes",
            ),
            (LinkType::StartToFinish, 0, "finishes once 'X' starts"),
            (
                LinkType::StartToFinish,
                1,
                "finishes 1 day after 'X' starts",
            ),
        ];
        for (link_type, lag, expected) in cases {
            assert_eq!(
                link(link_type, lag).phrase("'X'"),
                expected,
                "{link_type:?} with lag {lag}"
            );
        }
    }

    #[test]
    fn a_lag_beyond_a_year_is_refused_on_its_field() {
        assert!(check_lag(365).is_ok() && check_lag(-365).is_ok());
        for lag in [366, -366, i32::MIN] {
            match check_lag(lag) {
                Err(CoreError::Validation(fields)) => assert_eq!(fields[0].field, "lag_days"),
                other => panic!("a lag of {lag} must be refused on lag_days, got {other:?}"),
            }
        }
    }
}
