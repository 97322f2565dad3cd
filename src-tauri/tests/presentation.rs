//! The labels, value formats and export choices the UI shows are generated from the
//! core (`rollplan_core::presentation`) into `ui/src/lib/generated`, committed beside
//! the ts-rs bindings. This test fails while the committed modules are stale; to
//! refresh them after changing a label or a format:
//!
//!     UPDATE_BINDINGS=1 cargo test -p rollplan --test presentation

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rollplan_core::presentation::typescript_modules;

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/generated")
}

fn committed() -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(committed_dir()) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(e.path()).expect("read generated module");
            (name, text)
        })
        .collect()
}

#[test]
fn committed_presentation_modules_are_current() {
    let fresh: BTreeMap<String, String> = typescript_modules()
        .into_iter()
        .map(|m| (m.file_name.to_owned(), m.text))
        .collect();

    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let dir = committed_dir();
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create generated dir");
        for (name, text) in &fresh {
            std::fs::write(dir.join(name), text).expect("write generated module");
        }
        return;
    }

    let committed = committed();
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "ui/src/lib/generated must hold exactly the generated modules; \
         run UPDATE_BINDINGS=1 cargo test -p rollplan --test presentation"
    );
    for (name, text) in &fresh {
        assert_eq!(
            &committed[name], text,
            "ui/src/lib/generated/{name} is stale; \
             run UPDATE_BINDINGS=1 cargo test -p rollplan --test presentation"
        );
    }
}
