//! An empty Tauri window of the same Tauri version as Rollplan, for the start-up and
//! idle-memory benchmark (`scripts/bench.sh`). It prints one line when its page has
//! loaded — the moment an empty window is usable — as Rollplan prints one when its first
//! screen is shown.

use std::time::Instant;

use tauri::webview::PageLoadEvent;

fn main() {
    let started = Instant::now();
    tauri::Builder::default()
        .on_page_load(move |_webview, payload| {
            if payload.event() == PageLoadEvent::Finished {
                eprintln!(
                    "Empty window: first screen shown {} ms after start",
                    started.elapsed().as_millis()
                );
            }
        })
        .run(tauri::generate_context!())
        .unwrap_or_else(|error| {
            eprintln!("The empty window could not run: {error}");
            std::process::exit(1);
        });
}
