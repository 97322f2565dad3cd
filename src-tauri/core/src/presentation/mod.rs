//! What a person reads that both the core and the UI show — each coded enum's labels,
//! how a metric value reads in its unit, which formats each export subject offers —
//! written out as small TypeScript modules the UI imports instead of keeping copies;
//! and the scales a metric's chart is drawn on, sent with the chart ([`ChartScale`]).
//!
//! The core is the one source of these facts: exports, the command line and the screens
//! all read them from here. `src-tauri/tests/presentation.rs` writes the modules into
//! `ui/src/lib/generated/` and fails while the committed copy differs, as the ts-rs
//! bindings test does for types.

mod chart_scale;
mod exports;
mod labels;
mod typescript;
mod values;

pub use chart_scale::{ChartScale, DateTick, ValueTick};
pub use labels::UNPHASED_GROUP;

/// One generated TypeScript module: its file name under `ui/src/lib/generated/` and
/// its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedModule {
    pub file_name: &'static str,
    pub text: String,
}

/// Every module the UI imports from `ui/src/lib/generated/`.
pub fn typescript_modules() -> Vec<GeneratedModule> {
    vec![
        GeneratedModule {
            file_name: "labels.ts",
            text: labels::module(),
        },
        GeneratedModule {
            file_name: "values.ts",
            text: values::module(),
        },
        GeneratedModule {
            file_name: "exports.ts",
            text: exports::module(),
        },
    ]
}
