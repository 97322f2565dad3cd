//! The map's geometry checked on generated SOPs of 5, 50 and 200 steps and on the odd
//! ones a real library holds (no steps, no role, a removed step, a time limit in
//! words, very long text): every box inside its lane, none overlapping, every line
//! joining the boxes it names without passing through another, lanes in the order
//! their roles first appear, and wrapped text inside its box.

use super::*;
use crate::sops::{SopException, SopStatus, Step};

fn sop(steps: Vec<Step>, exceptions: Vec<SopException>) -> Sop {
    Sop {
        id: "sop".into(),
        code: "GEN-1".into(),
        title: "Generated".into(),
        purpose: String::new(),
        scope: String::new(),
        owner: String::new(),
        status: SopStatus::Draft,
        version: 1,
        effective_date: None,
        review_interval_months: 12,
        next_review_override: None,
        last_reviewed_on: None,
        next_review_date: None,
        approved_version: None,
        tags: Vec::new(),
        steps,
        exceptions,
        replaces: None,
        row_version: 1,
    }
}

fn step(id: &str, role: &str, instruction: &str, check: &str) -> Step {
    Step {
        id: id.into(),
        role: role.into(),
        instruction: instruction.into(),
        quality_check: check.into(),
    }
}

fn exception(step: Option<&str>, escalate_to: &str, within: &str) -> SopException {
    SopException {
        trigger: "The card reader is down".into(),
        action: "Take the details by hand and enter them later".into(),
        escalate_to: escalate_to.into(),
        within: within.into(),
        evidence: "A note in the encounter".into(),
        step_id: step.map(str::to_owned),
    }
}

const ROLES: [&str; 5] = ["Front desk", "MA", "Provider", "front desk ", "Billing"];

/// `n` steps over a few roles (one spelt differently, every seventh with none), a
/// check on every third, very long text on every fifth, and exceptions of every kind.
fn generated(n: usize) -> Sop {
    let long = "Confirm the patient's identity with two identifiers, then read back the \
                appointment type, the provider, the insurance on file and the copay, and \
                write what changed into the registration screen before rooming";
    let steps = (0..n)
        .map(|i| {
            let role = if i % 7 == 6 {
                ""
            } else {
                ROLES[i % ROLES.len()]
            };
            let instruction = if i % 5 == 4 {
                long.to_owned()
            } else {
                format!("Do part {i} of the work")
            };
            let check = if i % 3 == 2 {
                "Stop the line if anything does not match the chart"
            } else {
                ""
            };
            step(&format!("s{i}"), role, &instruction, check)
        })
        .collect();
    let mut exceptions = vec![
        exception(None, "Practice manager", "Immediately"),
        exception(Some("s0"), "provider", "2 h"),
        exception(Some("gone"), "", "15 minutes"),
        exception(Some("s1"), "MA", "as soon as we can"),
    ];
    for i in (0..n).step_by(10) {
        exceptions.push(exception(
            Some(&format!("s{i}")),
            "Front-desk lead",
            "15 minutes",
        ));
    }
    sop(steps, exceptions)
}

fn segment_crosses(a: Point, b: Point, rect: &Rect) -> bool {
    // The box's inside, less half a pixel: a line may touch a box's edge.
    let inner = Rect {
        x: rect.x + 0.5,
        y: rect.y + 0.5,
        width: (rect.width - 1.0).max(0.0),
        height: (rect.height - 1.0).max(0.0),
    };
    let line = Rect {
        x: a.x.min(b.x),
        y: a.y.min(b.y),
        width: (a.x - b.x).abs(),
        height: (a.y - b.y).abs(),
    };
    line.x <= inner.right()
        && inner.x <= line.right()
        && line.y <= inner.bottom()
        && inner.y <= line.bottom()
}

fn on_boundary(point: Point, rect: &Rect) -> bool {
    let near = |a: f64, b: f64| (a - b).abs() < 0.5;
    let within_x = point.x >= rect.x - 0.5 && point.x <= rect.right() + 0.5;
    let within_y = point.y >= rect.y - 0.5 && point.y <= rect.bottom() + 0.5;
    (within_y && (near(point.x, rect.x) || near(point.x, rect.right())))
        || (within_x && (near(point.y, rect.y) || near(point.y, rect.bottom())))
}

/// Checks every geometric promise of the map of `sop`.
fn check_geometry(sop: &Sop) -> ProcessMap {
    let map = process_map(sop);
    assert!(map.empty.is_none(), "an SOP with steps has a map");
    // Lanes in first-appearance order of their roles, then those only escalated to.
    let mut expected: Vec<String> = Vec::new();
    let key = |r: &str| r.trim().to_lowercase();
    for s in &sop.steps {
        let name = if s.role.trim().is_empty() {
            "unassigned".to_owned()
        } else {
            key(&s.role)
        };
        if !expected.contains(&name) {
            expected.push(name);
        }
    }
    let lane_names: Vec<String> = map.lanes.iter().map(|l| key(&l.name)).collect();
    assert_eq!(
        lane_names[..expected.len()],
        expected[..],
        "the roles' lanes come first, in the order their roles first appear"
    );
    for pair in map.lanes.windows(2) {
        assert!(
            (pair[0].right() - pair[1].x).abs() < 1e-6,
            "lanes sit side by side without a gap or overlap"
        );
    }
    for node in &map.nodes {
        let lane = &map.lanes[node.lane];
        let area = Rect {
            x: lane.x,
            y: map.header_height,
            width: lane.width,
            height: map.height - map.header_height,
        };
        assert!(
            area.contains(&node.rect()),
            "{} lies inside its lane {}",
            node.id,
            lane.name
        );
        assert!(
            node.rect().contains(&node.text_area()),
            "{}'s text area is inside it",
            node.id
        );
        assert!(
            node.text_area().contains(&node.text_block()),
            "{}'s wrapped text ({:?}) fits inside its box",
            node.id,
            node.lines
        );
        assert!(
            !node.lines.concat().trim().is_empty(),
            "{} says something",
            node.id
        );
    }
    for (i, a) in map.nodes.iter().enumerate() {
        for b in &map.nodes[i + 1..] {
            assert!(
                !a.rect().overlaps(&b.rect()),
                "{} and {} do not overlap",
                a.id,
                b.id
            );
        }
    }
    for (index, step) in sop.steps.iter().enumerate() {
        let node = map
            .node(&format!("step-{}", index + 1))
            .expect("every step has a box");
        let lane = &map.lanes[node.lane];
        if step.role.trim().is_empty() {
            assert!(
                lane.unassigned,
                "a step without a role is in the Unassigned lane"
            );
        } else {
            assert_eq!(
                key(&lane.name),
                key(&step.role),
                "step {} is in its role's lane",
                index + 1
            );
        }
    }
    for edge in &map.edges {
        let from = map
            .node(&edge.from)
            .unwrap_or_else(|| panic!("{} exists", edge.from));
        let to = map
            .node(&edge.to)
            .unwrap_or_else(|| panic!("{} exists", edge.to));
        let (first, last) = (edge.points[0], edge.points[edge.points.len() - 1]);
        assert!(
            on_boundary(first, &from.rect()),
            "the line {}→{} starts on {}",
            edge.from,
            edge.to,
            edge.from
        );
        assert!(
            on_boundary(last, &to.rect()),
            "the line {}→{} ends on {}",
            edge.from,
            edge.to,
            edge.to
        );
        for pair in edge.points.windows(2) {
            assert!(
                (pair[0].x - pair[1].x).abs() < 1e-6 || (pair[0].y - pair[1].y).abs() < 1e-6,
                "the line {}→{} runs across or down, never aslant",
                edge.from,
                edge.to
            );
            for node in &map.nodes {
                if node.id != edge.from && node.id != edge.to {
                    assert!(
                        !segment_crosses(pair[0], pair[1], &node.rect()),
                        "the line {}→{} does not run through {}",
                        edge.from,
                        edge.to,
                        node.id
                    );
                }
            }
        }
    }
    // The flow joins start, each step (through its check) and end, in order.
    let mut expected_flow = vec!["start".to_owned()];
    for (index, s) in sop.steps.iter().enumerate() {
        expected_flow.push(format!("step-{}", index + 1));
        if !s.quality_check.trim().is_empty() {
            expected_flow.push(format!("check-{}", index + 1));
        }
    }
    expected_flow.push("end".into());
    let flow: Vec<(String, String)> = map
        .edges
        .iter()
        .filter(|e| e.kind == EdgeKind::Flow)
        .map(|e| (e.from.clone(), e.to.clone()))
        .collect();
    let wanted: Vec<(String, String)> = expected_flow
        .windows(2)
        .map(|w| (w[0].clone(), w[1].clone()))
        .collect();
    assert_eq!(
        flow, wanted,
        "the flow runs from step to step through each check"
    );
    for (k, e) in sop.exceptions.iter().enumerate() {
        let number = k + 1;
        let source = match e
            .step_id
            .as_deref()
            .and_then(|id| sop.steps.iter().position(|s| s.id == id))
        {
            Some(index) => format!("step-{}", index + 1),
            None => "start".to_owned(),
        };
        assert!(
            map.edges.iter().any(|x| x.kind == EdgeKind::Exception
                && x.from == source
                && x.to == format!("action-{number}")),
            "exception {number} branches from {source}"
        );
        if !e.escalate_to.trim().is_empty() {
            let node = map
                .node(&format!("escalation-{number}"))
                .expect("an escalation box");
            assert_eq!(
                key(&map.lanes[node.lane].name),
                key(&e.escalate_to),
                "exception {number} goes to its target's lane"
            );
        }
    }
    map
}

#[test]
fn generated_sops_of_5_50_and_200_steps_keep_every_promise() {
    for n in [5, 50, 200] {
        let map = check_geometry(&generated(n));
        assert_eq!(map.figures.steps, n, "every step is counted");
        assert_eq!(
            map.nodes
                .iter()
                .filter(|x| x.kind == NodeKind::Step)
                .count(),
            n,
            "every step is drawn"
        );
    }
}

#[test]
fn the_odd_cases_are_drawn_and_flagged() {
    let map = check_geometry(&generated(8));
    assert!(
        map.lanes
            .iter()
            .any(|l| l.unassigned && l.name == "Unassigned"),
        "a step without a role gets the Unassigned lane"
    );
    assert!(
        !map.lanes.iter().any(|l| l.name.trim() == "front desk"),
        "a role spelt in another case shares its lane"
    );
    let removed = map
        .node("action-3")
        .expect("the exception of a removed step is kept");
    assert!(
        removed.flag.is_some(),
        "an exception whose step was removed is flagged"
    );
    assert!(
        map.edges
            .iter()
            .any(|e| e.from == "start" && e.to == "action-3"),
        "and drawn from the start"
    );
    let vague = map
        .edges
        .iter()
        .find(|e| e.to == "escalation-4")
        .expect("exception 4 is escalated");
    assert_eq!(
        vague.label.as_deref(),
        Some("as soon as we can"),
        "a limit in words is drawn as written"
    );
    assert!(vague.flag.is_some(), "and flagged");
    let timed = map
        .edges
        .iter()
        .find(|e| e.to == "escalation-2")
        .expect("exception 2 is escalated");
    assert_eq!(
        timed.label.as_deref(),
        Some("within 2 h"),
        "the SLA is on the arrow"
    );
    assert_eq!(
        map.notices.len(),
        2,
        "both problems are told in words: {:?}",
        map.notices
    );
    let provider = map
        .lanes
        .iter()
        .position(|l| l.name == "Provider")
        .expect("a Provider lane");
    assert_eq!(
        map.node("escalation-2").map(|n| n.lane),
        Some(provider),
        "an escalation to a role matches its lane whatever the case"
    );
}

#[test]
fn figures_count_steps_hand_offs_and_failure_points() {
    let sop = sop(
        vec![
            step("a", "Front desk", "Greet", ""),
            step("b", "front desk", "Scan", "Stop if inactive"),
            step("c", "MA", "Room", ""),
            step("d", "Front desk", "Check out", "Stop if unpaid"),
        ],
        Vec::new(),
    );
    let map = process_map(&sop);
    assert_eq!(
        map.figures,
        MapFigures {
            steps: 4,
            hand_offs: 2,
            failure_points: 2
        },
        "two changes of lane along the flow, two checks"
    );
    assert_eq!(
        map.figures.sentence(),
        "2 hand-offs between lanes and 2 failure points"
    );
    let one = MapFigures {
        steps: 1,
        hand_offs: 1,
        failure_points: 1,
    };
    assert_eq!(
        one.summary(),
        "1 step · 1 hand-off between lanes and 1 failure point",
        "one of each is singular on the line above the map"
    );
}

#[test]
fn an_sop_without_steps_says_so_instead_of_drawing() {
    let map = process_map(&sop(Vec::new(), vec![exception(None, "MA", "1 h")]));
    let sentence = map.empty.clone().expect("a sentence instead of a map");
    assert!(
        sentence.contains("no steps"),
        "it says why there is no map: {sentence}"
    );
    assert!(
        map.nodes.is_empty() && map.lanes.is_empty(),
        "and draws nothing"
    );
}

#[test]
fn a_long_map_splits_between_boxes_into_pages() {
    let map = process_map(&generated(200));
    let pages = map.page_slices(700.0);
    assert!(
        pages.len() > 10,
        "200 steps take many pages: {}",
        pages.len()
    );
    assert_eq!(
        pages.first().map(|p| p.0),
        Some(map.header_height),
        "the first page starts under the headings"
    );
    assert_eq!(
        pages.last().map(|p| p.1),
        Some(map.height),
        "the last page ends at the bottom"
    );
    for pair in pages.windows(2) {
        assert_eq!(pair[0].1, pair[1].0, "pages follow on without a gap");
    }
    for (top, bottom) in &pages {
        assert!(bottom - top <= 700.0 + 1e-6, "no page is taller than asked");
        for node in &map.nodes {
            assert!(
                node.y + node.height <= *top + 1e-6
                    || node.y >= *bottom - 1e-6
                    || (node.y >= *top && node.y + node.height <= *bottom),
                "{} is whole on one page",
                node.id
            );
        }
    }
}

#[test]
fn the_sample_clinics_sops_keep_every_promise() {
    let store = Store::open_in_memory().expect("store");
    let today = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).expect("date");
    crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
    let sops = store.list_sops().expect("library");
    assert!(sops.len() >= 5, "the sample library has its SOPs");
    let mut escalated = 0;
    for summary in sops {
        let sop = store.get_sop(&summary.id).expect("sop");
        let map = check_geometry(&sop);
        escalated += map
            .edges
            .iter()
            .filter(|e| e.kind == EdgeKind::Escalation)
            .count();
        for revision in store.sop_revisions(&sop.id).expect("revisions") {
            check_geometry(&revision.snapshot);
        }
    }
    assert!(
        escalated >= 3,
        "the sample's exceptions are escalated on the map"
    );
}
