//! Golden files: what a test wrote last time, kept in `tests/golden/` and compared with
//! what it writes now. Shared by the export tests (through `export_common`) and the
//! screens' unit tests (`src/screen_tests`), which include this file by path. Run the
//! tests with `UPDATE_GOLDEN=1` to rewrite the files after an intended change, then
//! review their diff like code.

use std::path::Path;

/// Ids are random: golden files hold `<id-1>`, `<id-2>`, ... in order of appearance.
pub fn number_ids(text: &str) -> String {
    let pattern =
        regex::Regex::new(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
            .expect("pattern");
    let mut seen: Vec<String> = Vec::new();
    pattern
        .replace_all(text, |found: &regex::Captures| {
            let id = found[0].to_owned();
            let n = match seen.iter().position(|s| *s == id) {
                Some(n) => n + 1,
                None => {
                    seen.push(id);
                    seen.len()
                }
            };
            format!("<id-{n}>")
        })
        .into_owned()
}

/// Compares `actual` (already made stable) with the golden file at `path`, or rewrites
/// that file under `UPDATE_GOLDEN`. `name` says which file in a failure.
pub fn assert_matches_golden(path: &Path, name: &str, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("folder")).expect("golden folder");
        std::fs::write(path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file from line {}:\n  golden: {:?}\n  actual: {:?}\n(run with UPDATE_GOLDEN=1 if the change is intended)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}
