//! The window is granted exactly what it calls: every command of `src/commands/list.rs`
//! is invoked by `ui/src/lib/api.ts`, the one place the UI calls the backend. (The other
//! way round, a name `api.ts` invokes that is not listed, fails the UI's type check
//! against the generated `Command` union.)

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use rollplan_lib::COMMANDS;

fn api_ts() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api.ts");
    std::fs::read_to_string(&path).expect("read ui/src/lib/api.ts")
}

#[test]
fn every_listed_command_is_called_by_the_ui() {
    let api = api_ts();
    let uncalled: Vec<&str> = COMMANDS
        .iter()
        .copied()
        // `call<Result>('name', ...)`: the name as the command of a call.
        .filter(|name| !api.contains(&format!(">('{name}'")))
        .collect();
    assert!(
        uncalled.is_empty(),
        "a command the UI never calls must not be registered nor granted; \
         remove these from src/commands/list.rs or call them from api.ts: {uncalled:?}"
    );
}

#[test]
fn no_command_is_listed_twice() {
    let mut names = COMMANDS.to_vec();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(
        names.len(),
        before,
        "each command is registered and granted once"
    );
}
