//! How far along a task is, kept in step with its status the way MS Project and
//! Smartsheet users expect: done is 100 %, 100 % is done, a task started on is doing.
//! Whichever of the two the person changed decides the other, so an edit of one cell
//! in the grid never leaves the pair contradicting each other.

use super::TaskStatus;

/// A task's status and percentage as they will be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Progress {
    pub status: TaskStatus,
    pub percent_complete: u8,
}

/// Reconciles what a write asks (`status`, and a percentage or `None` for "leave it to
/// the status") with what the task had before (`None` for a new task).
pub(crate) fn settle(
    status: TaskStatus,
    asked_percent: Option<u8>,
    before: Option<Progress>,
) -> Progress {
    let status_changed = before.is_none_or(|b| b.status != status);
    let percent_changed = match (asked_percent, before) {
        (Some(asked), Some(b)) => asked != b.percent_complete,
        (Some(_), None) => true,
        (None, _) => false,
    };
    match asked_percent {
        // The percentage was edited (and the status left alone, or this is a new task
        // given both): the percentage decides.
        Some(percent) if percent_changed && (!status_changed || before.is_none()) => Progress {
            percent_complete: percent,
            status: match (percent, status) {
                (100, _) => TaskStatus::Done,
                (0, TaskStatus::Done) => TaskStatus::Todo,
                (1..=99, TaskStatus::Done | TaskStatus::Todo) => TaskStatus::Doing,
                _ => status,
            },
        },
        // Otherwise the status decides, keeping a percentage that still fits it.
        _ => {
            let kept = asked_percent
                .or(before.map(|b| b.percent_complete))
                .unwrap_or(0);
            let percent_complete = match status {
                TaskStatus::Done => 100,
                TaskStatus::Todo => 0,
                TaskStatus::Doing | TaskStatus::Blocked if kept < 100 => kept,
                TaskStatus::Doing | TaskStatus::Blocked => 0,
            };
            Progress {
                status,
                percent_complete,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TaskStatus::{Blocked, Doing, Done, Todo};

    fn was(status: TaskStatus, percent_complete: u8) -> Option<Progress> {
        Some(Progress {
            status,
            percent_complete,
        })
    }

    fn is(status: TaskStatus, percent_complete: u8) -> Progress {
        Progress {
            status,
            percent_complete,
        }
    }

    #[test]
    fn a_new_task_takes_its_percentage_from_its_status_unless_given_one() {
        assert_eq!(settle(Todo, None, None), is(Todo, 0));
        assert_eq!(settle(Done, None, None), is(Done, 100));
        assert_eq!(settle(Todo, Some(40), None), is(Doing, 40));
        assert_eq!(settle(Todo, Some(100), None), is(Done, 100));
    }

    #[test]
    fn an_edited_percentage_moves_the_status() {
        assert_eq!(settle(Todo, Some(30), was(Todo, 0)), is(Doing, 30));
        assert_eq!(settle(Doing, Some(100), was(Doing, 60)), is(Done, 100));
        assert_eq!(settle(Done, Some(80), was(Done, 100)), is(Doing, 80));
        assert_eq!(settle(Done, Some(0), was(Done, 100)), is(Todo, 0));
        assert_eq!(
            settle(Blocked, Some(50), was(Blocked, 20)),
            is(Blocked, 50),
            "a blocked task stays blocked however far along it is"
        );
        assert_eq!(
            settle(Doing, Some(0), was(Doing, 10)),
            is(Doing, 0),
            "started with nothing to show yet is still doing"
        );
    }

    #[test]
    fn an_edited_status_moves_the_percentage() {
        assert_eq!(settle(Done, Some(40), was(Doing, 40)), is(Done, 100));
        assert_eq!(settle(Todo, Some(40), was(Doing, 40)), is(Todo, 0));
        assert_eq!(settle(Blocked, Some(40), was(Doing, 40)), is(Blocked, 40));
        assert_eq!(settle(Doing, Some(100), was(Done, 100)), is(Doing, 0));
        assert_eq!(
            settle(Doing, None, was(Todo, 0)),
            is(Doing, 0),
            "a draft without a percentage keeps what there was"
        );
    }
}
