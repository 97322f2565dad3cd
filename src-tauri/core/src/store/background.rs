//! Work the app does on its own after starting (the start-up check, the daily backup,
//! the scan for broken links) reads the whole file: seconds on a workspace of a gigabyte.
//! It runs on threads that give way to the window's.

/// Lowers the calling thread's priority, so its work takes what the window leaves of the
/// processor. On Linux a nice value belongs to a thread; elsewhere the thread keeps the
/// ordinary priority.
pub(crate) fn yield_to_the_window() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its arguments; `who = 0` is the calling thread.
    // Failing (a sandbox may refuse) leaves the priority as it was, which is harmless.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// Runs `work` on a thread of its own at a lower priority (see [`yield_to_the_window`])
/// and waits for it.
pub(crate) fn giving_way<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                yield_to_the_window();
                work()
            })
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}
