//! How the app ends, the one way out for closing the window and for restarting.
//!
//! Rollplan is single-instance: a launch while it runs hands over to it (the window
//! comes forward) and quits. Two races lived at the end of its life. A launch while it
//! was on its way out handed over to an instance with no window left to bring forward,
//! and was lost. And a restart (after choosing another database) spawned the next
//! instance and exited on the spot, without closing the store and with no regard for a
//! restore still replacing the file.
//!
//! Now every exit, a closed window or a restart, goes through `RunEvent::Exit`
//! ([`crate::run`]): the store is closed once the commands in flight are done (a restore
//! finishes first, see [`crate::state::AppState::close`]), then the single-instance name
//! is released, and only then is a next instance started: for a restart, or for a
//! launch that was handed over while this one was closing. The next instance can never
//! find the file still held by this one, and no launch is dropped.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Where the app is in its life, shared by the single-instance callback (which runs on
/// the session bus's thread) and the exit on the main thread.
#[derive(Debug, Default)]
pub struct Lifecycle {
    phase: Mutex<Phase>,
}

#[derive(Debug, Default)]
struct Phase {
    /// The window is gone or the app was asked to exit.
    closing: bool,
    /// The store is closed and the single-instance name released: a new instance would
    /// be the only one.
    finished: bool,
    /// A launch was handed over while closing.
    relaunch: bool,
}

/// What to do with a launch the single-instance check handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondLaunch {
    /// The app is running: bring its window forward.
    BringForward,
    /// The app is closing: start a new instance once it has closed.
    RelaunchAfterClose,
    /// The app has closed already and is about to end: start a new instance now.
    StartNow,
}

impl Lifecycle {
    /// Decides what a handed-over launch gets: never nothing.
    pub fn second_launch(&self) -> SecondLaunch {
        let mut phase = self.phase();
        if phase.finished {
            SecondLaunch::StartNow
        } else if phase.closing {
            phase.relaunch = true;
            SecondLaunch::RelaunchAfterClose
        } else {
            SecondLaunch::BringForward
        }
    }

    /// The window is gone or the app was asked to exit: from now on a launch handed
    /// over waits for the close and then gets an instance of its own.
    pub fn begin_closing(&self) {
        self.phase().closing = true;
    }

    /// Called once the store is closed and the single-instance name released: whether
    /// a launch came in while closing and must now be started. Any launch after this
    /// starts itself ([`SecondLaunch::StartNow`]).
    pub fn finish(&self) -> bool {
        let mut phase = self.phase();
        phase.closing = true;
        phase.finished = true;
        std::mem::take(&mut phase.relaunch)
    }

    fn phase(&self) -> MutexGuard<'_, Phase> {
        // Three flags, each written whole: a panic elsewhere cannot leave them torn.
        self.phase.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_launch_while_running_brings_the_window_forward() {
        let life = Lifecycle::default();
        assert_eq!(life.second_launch(), SecondLaunch::BringForward);
        assert!(
            !life.finish(),
            "a launch the open window took needs no new instance"
        );
    }

    #[test]
    fn a_launch_while_closing_is_started_after_the_close() {
        let life = Lifecycle::default();
        life.begin_closing();
        assert_eq!(
            life.second_launch(),
            SecondLaunch::RelaunchAfterClose,
            "a closing app has no window to bring forward, so it must not take the launch as done"
        );
        assert!(
            life.finish(),
            "the launch handed over while closing is started once closed"
        );
    }

    #[test]
    fn a_launch_after_the_close_starts_at_once() {
        let life = Lifecycle::default();
        life.begin_closing();
        assert!(!life.finish(), "no launch came in while closing");
        assert_eq!(
            life.second_launch(),
            SecondLaunch::StartNow,
            "once the store is closed and the name released, nothing holds a new instance back"
        );
    }
}
