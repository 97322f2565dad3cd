//! Two process maps side by side, as the app's compare view shows them: each drawn with
//! its comparison marks on its step boxes, with its label, its figures and what it
//! flags, and between them the figures' differences — all from the core's
//! [`MapComparison`], so the screen only places the two drawings.

use serde::Serialize;
use ts_rs::TS;

use super::sop_map::{marked_map_svg, MapTheme};
use crate::sops::map::{ComparedMap, FigureChange, MapComparison, MapVersion, StepMark};
use crate::{Result, Store};

/// One side of the compare view, drawn.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ComparedDrawing {
    pub sop_id: String,
    pub version: i64,
    /// "FD-012 Patient check-in, version 2".
    pub label: String,
    pub markup: String,
    pub alt: String,
    /// The map's own figures in words ([`crate::sops::map::MapFigures::summary`]).
    pub figures_text: String,
    pub notices: Vec<String>,
    pub empty: Option<String>,
    pub marks: Vec<StepMark>,
}

/// The compare view: both maps drawn, and how their figures differ.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MapComparisonDrawing {
    pub before: ComparedDrawing,
    pub after: ComparedDrawing,
    pub figures: Vec<FigureChange>,
    pub figures_text: String,
    pub changes_text: String,
}

impl Store {
    /// The maps of `before` and `after` side by side, drawn in `theme`.
    pub fn sop_map_comparison_drawing(
        &self,
        before: &MapVersion,
        after: &MapVersion,
        theme: MapTheme,
    ) -> Result<MapComparisonDrawing> {
        Ok(map_comparison_drawing(
            self.compare_sop_maps(before, after)?,
            theme,
        ))
    }
}

/// Draws both sides of `comparison`.
pub fn map_comparison_drawing(comparison: MapComparison, theme: MapTheme) -> MapComparisonDrawing {
    MapComparisonDrawing {
        before: side(comparison.before, theme),
        after: side(comparison.after, theme),
        figures: comparison.figures,
        figures_text: comparison.figures_text,
        changes_text: comparison.changes_text,
    }
}

fn side(compared: ComparedMap, theme: MapTheme) -> ComparedDrawing {
    let svg = marked_map_svg(&compared.map, theme, &compared.marks);
    ComparedDrawing {
        sop_id: compared.sop_id,
        version: compared.version,
        label: compared.label,
        markup: svg.markup,
        alt: svg.alt,
        figures_text: compared.map.figures.summary(),
        notices: compared.map.notices,
        empty: compared.map.empty,
        marks: compared.marks,
    }
}
