//! Where everything on the map sits. Lanes are columns side by side, in the order the
//! plan gives them, and the procedure runs down the page one row at a time: the start,
//! then for each step its box, the exceptions that branch from it and its check. A
//! lane with steps has a main column (steps, checks) and, when it needs one, a branch
//! column beside it (stops, exceptions' actions, and escalations that come to it), so
//! the flow always runs down a column nothing else uses and never through a box.
//! Every line is orthogonal and runs through a gap or an empty column.

use super::figures::MapFigures;
use super::model::{Plan, PlanException, UNASSIGNED};
use super::text::{lines_height, wrap_to, PADDING};
use super::{Edge, EdgeKind, Lane, Node, NodeKind, Point, ProcessMap};
use crate::sops::Sop;

const LANE_PADDING: f64 = 14.0;
const MAIN_WIDTH: f64 = 190.0;
const COLUMN_GAP: f64 = 28.0;
const BRANCH_WIDTH: f64 = 160.0;
const ROW_GAP: f64 = 30.0;
/// The band under an exception's action where the escalation arrow and its time limit
/// run across the lanes.
const ESCALATION_BAND: f64 = 30.0;
const NOTE_GAP: f64 = 12.0;
const MARGIN: f64 = 20.0;
const MIN_BOX_HEIGHT: f64 = 44.0;
const TERMINAL_WIDTH: f64 = 96.0;
const TERMINAL_HEIGHT: f64 = 32.0;
const STOP_WIDTH: f64 = 72.0;

/// A lane's columns, as x positions.
struct Columns {
    /// Steps and checks; for a lane only escalated to, its escalations.
    main: f64,
    main_width: f64,
    /// Stops, actions and the escalations that come to a lane with steps.
    branch: Option<f64>,
}

impl Columns {
    /// Where an escalation to this lane goes, and how wide it may be.
    fn escalation(&self) -> (f64, f64) {
        match self.branch {
            Some(x) => (x, BRANCH_WIDTH),
            None => (self.main, self.main_width),
        }
    }
    fn main_centre(&self) -> f64 {
        self.main + self.main_width / 2.0
    }
}

/// The map being built: nodes and edges so far and the next free row.
struct Builder<'a> {
    plan: &'a Plan,
    columns: Vec<Columns>,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    notices: Vec<String>,
    y: f64,
}

pub(super) fn lay_out(sop: &Sop, plan: &Plan) -> ProcessMap {
    let figures = MapFigures::count(plan);
    let mut map = ProcessMap {
        code: sop.code.clone(),
        title: sop.title.clone(),
        version: sop.version,
        width: 0.0,
        height: 0.0,
        header_height: 0.0,
        lanes: Vec::new(),
        nodes: Vec::new(),
        edges: Vec::new(),
        figures,
        notices: Vec::new(),
        empty: None,
    };
    if plan.steps.is_empty() {
        map.empty = Some(format!(
            "{} has no steps yet, so there is no map to draw. Add its steps and the map draws itself.",
            sop.code
        ));
        return map;
    }
    let (lanes, columns) = lanes(plan);
    let header_height = lanes
        .iter()
        .map(|l| lines_height(l.name_lines.len()) + 2.0 * PADDING)
        .fold(40.0, f64::max);
    let width = lanes.last().map_or(0.0, Lane::right);
    let mut builder = Builder {
        plan,
        columns,
        nodes: Vec::new(),
        edges: Vec::new(),
        notices: Vec::new(),
        y: header_height + MARGIN,
    };
    builder.place();
    map.height = builder.y - ROW_GAP + MARGIN;
    map.width = width;
    map.header_height = header_height;
    map.lanes = lanes;
    map.nodes = builder.nodes;
    map.edges = builder.edges;
    map.notices = builder.notices;
    map
}

/// The lanes side by side, each as wide as its columns.
fn lanes(plan: &Plan) -> (Vec<Lane>, Vec<Columns>) {
    let first_lane = plan.steps.first().map_or(0, |s| s.lane);
    let source_lane = |e: &PlanException| e.at.map_or(first_lane, |i| plan.steps[i].lane);
    let mut lanes = Vec::new();
    let mut columns = Vec::new();
    let mut x = 0.0;
    for (index, lane) in plan.lanes.iter().enumerate() {
        let branch = lane.has_steps
            && (plan
                .steps
                .iter()
                .any(|s| s.lane == index && s.check.is_some())
                || plan.exceptions.iter().any(|e| {
                    source_lane(e) == index
                        || e.escalation.as_ref().is_some_and(|(l, _)| *l == index)
                }));
        let main_width = if lane.has_steps {
            MAIN_WIDTH
        } else {
            BRANCH_WIDTH
        };
        let main = x + LANE_PADDING;
        let branch_x = branch.then_some(main + main_width + COLUMN_GAP);
        let width = 2.0 * LANE_PADDING
            + main_width
            + if branch {
                COLUMN_GAP + BRANCH_WIDTH
            } else {
                0.0
            };
        let name = if lane.unassigned {
            UNASSIGNED.to_owned()
        } else {
            lane.name.clone()
        };
        lanes.push(Lane {
            name_lines: wrap_to(&name, width - 2.0 * PADDING),
            name,
            unassigned: lane.unassigned,
            x,
            width,
        });
        columns.push(Columns {
            main,
            main_width,
            branch: branch_x,
        });
        x += width;
    }
    (lanes, columns)
}

/// The height of a box holding `lines` with padding.
fn box_height(lines: &[String]) -> f64 {
    (lines_height(lines.len()) + 2.0 * PADDING).max(MIN_BOX_HEIGHT)
}

impl Builder<'_> {
    fn place(&mut self) {
        let plan = self.plan;
        let first_lane = plan.steps.first().map_or(0, |s| s.lane);
        let start_x = self.columns[first_lane].main_centre() - TERMINAL_WIDTH / 2.0;
        self.terminal("start", NodeKind::Start, first_lane, start_x);
        let mut previous = "start".to_owned();
        // The flow out of a check is the way it goes when the check passes.
        let mut passes: Option<String> = None;
        for (k, exception) in plan.exceptions.iter().enumerate() {
            if exception.at.is_none() {
                self.exception(k, exception, "start", first_lane);
            }
        }
        for (index, step) in plan.steps.iter().enumerate() {
            let number = index + 1;
            let id = format!("step-{number}");
            let lines = wrap_to(
                &format!("{number}. {}", step.instruction),
                MAIN_WIDTH - 2.0 * PADDING,
            );
            let height = box_height(&lines);
            let x = self.columns[step.lane].main;
            self.node(
                &id,
                NodeKind::Step,
                step.lane,
                Some(number),
                x,
                MAIN_WIDTH,
                height,
                lines,
                None,
            );
            self.flow(&previous, &id, passes.take());
            self.y += height + ROW_GAP;
            for (k, exception) in plan.exceptions.iter().enumerate() {
                if exception.at == Some(index) {
                    self.exception(k, exception, &id, step.lane);
                }
            }
            previous = id;
            if let Some(check) = &step.check {
                previous = self.check(number, step.lane, check, &previous);
                passes = Some("passes".to_owned());
            }
        }
        let last_lane = plan.steps.last().map_or(first_lane, |s| s.lane);
        let end_x = self.columns[last_lane].main_centre() - TERMINAL_WIDTH / 2.0;
        self.terminal("end", NodeKind::End, last_lane, end_x);
        self.flow(&previous, "end", passes);
    }

    #[allow(clippy::too_many_arguments)]
    fn node(
        &mut self,
        id: &str,
        kind: NodeKind,
        lane: usize,
        step: Option<usize>,
        x: f64,
        width: f64,
        height: f64,
        lines: Vec<String>,
        flag: Option<String>,
    ) {
        self.nodes.push(Node {
            id: id.to_owned(),
            kind,
            lane,
            step,
            x,
            y: self.y,
            width,
            height,
            lines,
            flag,
        });
    }

    fn terminal(&mut self, id: &str, kind: NodeKind, lane: usize, x: f64) {
        let word = if kind == NodeKind::Start {
            "Start"
        } else {
            "End"
        };
        self.node(
            id,
            kind,
            lane,
            None,
            x,
            TERMINAL_WIDTH,
            TERMINAL_HEIGHT,
            vec![word.to_owned()],
            None,
        );
        self.y += TERMINAL_HEIGHT + ROW_GAP;
    }

    fn find(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// A flow line from the bottom of `from` down to the top of `to`, turning in the
    /// gap just above `to` when they are in different columns.
    fn flow(&mut self, from: &str, to: &str, label: Option<String>) {
        let (Some(a), Some(b)) = (self.find(from), self.find(to)) else {
            return;
        };
        let (x1, y1) = (a.x + a.width / 2.0, a.y + a.height);
        let (x2, y2) = (b.x + b.width / 2.0, b.y);
        let points = if (x1 - x2).abs() < 0.5 {
            vec![Point { x: x1, y: y1 }, Point { x: x1, y: y2 }]
        } else {
            let turn = y2 - ROW_GAP / 2.0;
            vec![
                Point { x: x1, y: y1 },
                Point { x: x1, y: turn },
                Point { x: x2, y: turn },
                Point { x: x2, y: y2 },
            ]
        };
        self.edges.push(Edge {
            from: from.to_owned(),
            to: to.to_owned(),
            kind: EdgeKind::Flow,
            points,
            label,
            flag: None,
        });
    }

    /// The check of step `number` as a diamond under it, with its stop beside it;
    /// returns the id the flow continues from.
    fn check(&mut self, number: usize, lane: usize, check: &str, from: &str) -> String {
        let id = format!("check-{number}");
        let lines = wrap_to(check, MAIN_WIDTH / 2.0);
        let height = (2.0 * lines_height(lines.len()) + 8.0).max(64.0);
        let x = self.columns[lane].main;
        self.node(
            &id,
            NodeKind::Check,
            lane,
            Some(number),
            x,
            MAIN_WIDTH,
            height,
            lines,
            None,
        );
        self.flow(from, &id, None);
        if let Some(branch) = self.columns[lane].branch {
            let stop = format!("stop-{number}");
            let top = self.y + height / 2.0 - TERMINAL_HEIGHT / 2.0;
            let stop_x = branch + (BRANCH_WIDTH - STOP_WIDTH) / 2.0;
            self.nodes.push(Node {
                id: stop.clone(),
                kind: NodeKind::Stop,
                lane,
                step: Some(number),
                x: stop_x,
                y: top,
                width: STOP_WIDTH,
                height: TERMINAL_HEIGHT,
                lines: vec!["Stop".to_owned()],
                flag: None,
            });
            let middle = self.y + height / 2.0;
            let from_x = x + MAIN_WIDTH;
            self.edges.push(Edge {
                from: id.clone(),
                to: stop,
                kind: EdgeKind::Stop,
                points: vec![
                    Point {
                        x: from_x,
                        y: middle,
                    },
                    Point {
                        x: stop_x,
                        y: middle,
                    },
                ],
                label: Some("fails".to_owned()),
                flag: None,
            });
        }
        self.y += height + ROW_GAP;
        id
    }

    /// Exception `k` branching from `source` (a step, or the start) in `lane`: its
    /// action in the branch column, then down through the escalation band to whom it
    /// goes, with the evidence as a note under the last box.
    fn exception(&mut self, k: usize, exception: &PlanException, source: &str, lane: usize) {
        let number = k + 1;
        let Some(branch) = self.columns[lane].branch else {
            return;
        };
        let action_id = format!("action-{number}");
        let mut text = format!("If {}: {}", exception.trigger, exception.action);
        if exception.escalation.is_none() {
            if let Some(limit) = &exception.time_limit {
                text.push_str(&format!(" ({})", limit.label));
            }
        }
        let lines = wrap_to(&text, BRANCH_WIDTH - 2.0 * PADDING);
        let action_height = box_height(&lines);
        let flag = exception.step_removed.then(|| {
            let sentence = format!(
                "Exception {number} (\"{}\") names a step that was removed, so it is drawn from the start: choose its step again.",
                exception.trigger
            );
            self.notices.push(sentence.clone());
            sentence
        });
        self.node(
            &action_id,
            NodeKind::Action,
            lane,
            None,
            branch,
            BRANCH_WIDTH,
            action_height,
            lines,
            flag,
        );
        if let Some(a) = self.find(source) {
            let (sx, sy) = (a.x + a.width, a.y + a.height / 2.0);
            let gap = branch - COLUMN_GAP / 2.0;
            let ay = self.y + action_height / 2.0;
            self.edges.push(Edge {
                from: source.to_owned(),
                to: action_id.clone(),
                kind: EdgeKind::Exception,
                points: vec![
                    Point { x: sx, y: sy },
                    Point { x: gap, y: sy },
                    Point { x: gap, y: ay },
                    Point { x: branch, y: ay },
                ],
                label: None,
                flag: None,
            });
        }
        let mut last = (
            action_id.clone(),
            branch,
            BRANCH_WIDTH,
            self.y + action_height,
        );
        self.y += action_height;
        if let Some((target, to)) = &exception.escalation {
            let escalation_id = format!("escalation-{number}");
            let (x, width) = self.columns[*target].escalation();
            let lines = wrap_to(&format!("Escalate to {to}"), width - 2.0 * PADDING);
            let height = box_height(&lines);
            let band = self.y + ESCALATION_BAND / 2.0;
            self.y += ESCALATION_BAND;
            self.node(
                &escalation_id,
                NodeKind::Escalation,
                *target,
                None,
                x,
                width,
                height,
                lines,
                None,
            );
            let from_x = branch + BRANCH_WIDTH / 2.0;
            let to_x = x + width / 2.0;
            let (label, flag) = match &exception.time_limit {
                Some(limit) => {
                    let flag = (!limit.readable).then(|| {
                        let sentence = format!(
                            "Exception {number} (\"{}\") gives \"{}\" as its time limit, which is not a duration: say how soon, such as 15 minutes or 2 hours.",
                            exception.trigger, limit.label
                        );
                        self.notices.push(sentence.clone());
                        sentence
                    });
                    (Some(limit.label.clone()), flag)
                }
                None => (None, None),
            };
            self.edges.push(Edge {
                from: action_id.clone(),
                to: escalation_id.clone(),
                kind: EdgeKind::Escalation,
                points: vec![
                    Point {
                        x: from_x,
                        y: last.3,
                    },
                    Point { x: from_x, y: band },
                    Point { x: to_x, y: band },
                    Point { x: to_x, y: self.y },
                ],
                label,
                flag,
            });
            last = (escalation_id, x, width, self.y + height);
            self.y += height;
        }
        if let Some(evidence) = &exception.evidence {
            let note_id = format!("note-{number}");
            let (_, x, width, bottom) = last.clone();
            let lines = wrap_to(&format!("Evidence: {evidence}"), width - 2.0 * PADDING);
            let height = box_height(&lines);
            self.y = bottom + NOTE_GAP;
            let lane = self.lane_at(x);
            self.node(
                &note_id,
                NodeKind::Note,
                lane,
                None,
                x,
                width,
                height,
                lines,
                None,
            );
            let middle = x + width / 2.0;
            self.edges.push(Edge {
                from: last.0.clone(),
                to: note_id,
                kind: EdgeKind::Note,
                points: vec![
                    Point {
                        x: middle,
                        y: bottom,
                    },
                    Point {
                        x: middle,
                        y: self.y,
                    },
                ],
                label: None,
                flag: None,
            });
            self.y += height;
        }
        self.y += ROW_GAP;
    }

    /// The lane whose columns hold `x`.
    fn lane_at(&self, x: f64) -> usize {
        self.columns
            .iter()
            .rposition(|c| c.main <= x + 0.5)
            .unwrap_or(0)
    }
}
