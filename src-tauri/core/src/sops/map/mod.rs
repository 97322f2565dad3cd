//! An SOP's process map: one swimlane per role, the steps in order as boxes with the
//! flow between them, each quality check as a decision diamond (a failure point) with
//! its stop branch, and each exception as a branch to its action and on to the lane of
//! whoever it is escalated to, the time limit on that arrow and the evidence as a note.
//!
//! This module owns what the map holds and where everything sits, in plain numbers;
//! drawing it (SVG, PNG, print) is the renderers' business, and they draw exactly these
//! boxes and lines. The figures a redesign is judged by (steps, hand-offs, failure
//! points) are counted here once, so every screen and export shows the same numbers.

mod compare;
mod figures;
mod layout;
mod model;
mod pages;
mod sla;
mod text;

#[cfg(test)]
mod layout_tests;

use serde::Serialize;
use ts_rs::TS;

use super::Sop;
use crate::{Result, Store};

pub use compare::{
    compare_maps, ComparedMap, FigureChange, MapChoice, MapChoices, MapComparison, MapVersion,
    StepMark,
};
pub use figures::MapFigures;
pub use sla::{read_time_limit, TimeLimit};
pub use text::{GLYPH_WIDTH, LINE_HEIGHT, TEXT_SIZE};

/// A process map, laid out: every lane, box and line with its position in pixels
/// (origin top left, y downwards).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProcessMap {
    /// The SOP's code and title, as the map's heading.
    pub code: String,
    pub title: String,
    pub version: i64,
    pub width: f64,
    pub height: f64,
    /// How tall the lane headings are at the top of the map (repeated on each printed
    /// page).
    pub header_height: f64,
    pub lanes: Vec<Lane>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub figures: MapFigures,
    /// What a reader must know that the drawing only marks: an exception whose step was
    /// removed, a time limit that is not a duration. Plain sentences, in map order.
    pub notices: Vec<String>,
    /// Set when there is nothing to draw: the calm sentence shown instead of the map.
    pub empty: Option<String>,
}

/// A swimlane: a role (or the person or role an exception is escalated to).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Lane {
    /// The role as first written in the SOP, or "Unassigned".
    pub name: String,
    /// The name wrapped to fit the lane's heading.
    pub name_lines: Vec<String>,
    /// True for the lane of steps that name no role.
    pub unassigned: bool,
    pub x: f64,
    pub width: f64,
}

/// What a box on the map stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// Where the procedure starts; whole-procedure exceptions branch from here.
    Start,
    End,
    Step,
    /// A quality check or stop-the-line rule: a failure point, drawn as a diamond.
    Check,
    /// Where the line stops when a check fails.
    Stop,
    /// What to do when an exception happens.
    Action,
    /// The role or person an exception goes to.
    Escalation,
    /// The evidence an exception must leave behind.
    Note,
}

/// A box, diamond or terminal, with its wrapped text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Node {
    /// Unique in the map: `step-3`, `check-3`, `action-1`, ...
    pub id: String,
    pub kind: NodeKind,
    /// The index of its lane in [`ProcessMap::lanes`].
    pub lane: usize,
    /// The step's number (1-based) for a step, its check and its stop.
    pub step: Option<usize>,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The text, already wrapped to [`Node::text_area`]; drawn centred from its top.
    pub lines: Vec<String>,
    /// A warning about this box in one sentence (an exception whose step was removed).
    pub flag: Option<String>,
}

/// What a line on the map means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// From one step to the next (or from a check that passes).
    Flow,
    /// From a failed check to its stop.
    Stop,
    /// From a step (or the start) to an exception's action.
    Exception,
    /// From an exception's action to whom it is escalated, with the time limit.
    Escalation,
    /// A note's dotted link to what it is about.
    Note,
}

/// A line between two boxes, as an orthogonal path of points from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
    pub points: Vec<Point>,
    /// Words on the line: "within 15 minutes", "fails", the exception's trigger.
    pub label: Option<String>,
    /// A warning about the label (a time limit that is not a duration).
    pub flag: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// A rectangle in map coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
    /// Whether `other` lies wholly inside this rectangle (edges may touch).
    pub fn contains(&self, other: &Rect) -> bool {
        const EPSILON: f64 = 1e-6;
        other.x >= self.x - EPSILON
            && other.y >= self.y - EPSILON
            && other.right() <= self.right() + EPSILON
            && other.bottom() <= self.bottom() + EPSILON
    }
    /// Whether the two rectangles share any area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

impl Node {
    pub fn rect(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.y,
            width: self.width,
            height: self.height,
        }
    }

    /// Where the text goes: inside the box less its padding, or, for a diamond, the
    /// rectangle inscribed in its middle (half its width and half its height).
    pub fn text_area(&self) -> Rect {
        text::text_area(self.kind, &self.rect())
    }

    /// The block the wrapped lines take, at the average glyph width, centred in the
    /// text area: a renderer draws the lines here and a test checks it fits.
    pub fn text_block(&self) -> Rect {
        text::text_block(&self.text_area(), &self.lines)
    }
}

impl Edge {
    /// Where its label is drawn (the middle of its baseline): centred above the
    /// longest across-run of the line, or beside the longest down-run, kept inside
    /// the map's width.
    pub fn label_position(&self, map_width: f64) -> Option<Point> {
        let label = self.label.as_ref()?;
        let longest = self
            .points
            .windows(2)
            .max_by(|a, b| length(a).total_cmp(&length(b)))?;
        let half = label.chars().count() as f64 * GLYPH_WIDTH / 2.0;
        let (a, b) = (longest[0], longest[1]);
        let (x, y) = if (a.y - b.y).abs() < 0.5 {
            ((a.x + b.x) / 2.0, a.y - 4.0)
        } else {
            (a.x + 6.0 + half, (a.y + b.y) / 2.0 + LINE_HEIGHT / 3.0)
        };
        Some(Point {
            x: x.clamp(half + 2.0, (map_width - half - 2.0).max(half + 2.0)),
            y,
        })
    }
}

fn length(segment: &[Point]) -> f64 {
    (segment[1].x - segment[0].x).abs() + (segment[1].y - segment[0].y).abs()
}

impl Lane {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
}

impl ProcessMap {
    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Where a printed map breaks into pages no taller than `page_height` (below the
    /// repeated lane headings): `(top, bottom)` of each slice, cut between rows, never
    /// through a box.
    pub fn page_slices(&self, page_height: f64) -> Vec<(f64, f64)> {
        pages::slices(self, page_height)
    }

    /// One plain sentence saying what the map shows, for a drawing's text alternative.
    pub fn describe(&self) -> String {
        if let Some(empty) = &self.empty {
            return empty.clone();
        }
        let lanes: Vec<&str> = self.lanes.iter().map(|l| l.name.as_str()).collect();
        format!(
            "Process map of {} {}: {} across {} lane{} ({}); {}.",
            self.code,
            self.title,
            plural(self.figures.steps, "step"),
            self.lanes.len(),
            if self.lanes.len() == 1 { "" } else { "s" },
            lanes.join(", "),
            self.figures.sentence()
        )
    }
}

pub(crate) fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}

/// Lays out the map of `sop` (a working copy or an approved revision's snapshot).
pub fn process_map(sop: &Sop) -> ProcessMap {
    layout::lay_out(sop, &model::build(sop))
}

impl Store {
    /// The map of the SOP `id` as saved.
    pub fn sop_map(&self, id: &str) -> Result<ProcessMap> {
        Ok(process_map(&self.get_sop(id)?))
    }
}
