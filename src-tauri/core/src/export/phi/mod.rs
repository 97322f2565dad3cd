//! The PHI check that runs before any export: the plan is about operations, not
//! patients, so text that looks like patient data — a social security number, a medical
//! record number, a date of birth beside a name, a phone number — is reported with the
//! entity and field it sits in, for the user to fix or knowingly export anyway.
//!
//! The patterns lean towards precision: an ordinary date ("due 2027-03-01"), a count
//! ("1,200 appointments") or a time ("7:30-8:00") must not raise a hit, or people learn
//! to click past the warning.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;
use ts_rs::TS;

use super::RolloutReport;
use crate::sops::Sop;

/// What a hit looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PhiKind {
    SocialSecurityNumber,
    MedicalRecordNumber,
    DateOfBirth,
    PhoneNumber,
}

impl PhiKind {
    /// What the hit looks like, in words.
    pub fn label(self) -> &'static str {
        match self {
            Self::SocialSecurityNumber => "a social security number",
            Self::MedicalRecordNumber => "a medical record number",
            Self::DateOfBirth => "a date of birth",
            Self::PhoneNumber => "a phone number",
        }
    }
}

/// Text that looks like patient data, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PhiHit {
    /// The entity, as a person finds it in the app: `Task "Call the lab"`.
    pub entity: String,
    /// The field's name as the app labels it: "notes".
    pub field: String,
    /// The match with a little text either side.
    pub excerpt: String,
    pub kind: PhiKind,
}

/// A pattern of this file, compiled. They are constants: a typo in one fails every test
/// that scans text, so it can never reach a person's export.
#[allow(clippy::expect_used)]
fn pattern(source: &str) -> Regex {
    Regex::new(source).expect("the PHI patterns of this file compile")
}

static SSN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:(\d{3})-(\d{2})-(\d{4})|(?:ssn|social security(?: number| no\.?)?)\s*[:#]?\s*(\d{9}))\b",
    )
});
static MRN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:mrn|medical record(?: number| no\.?| #)?)\s*(?:[:#]|no\.?)?\s*[a-z]{0,3}-?\d{4,}\b",
    )
});
const DATE: &str = r"(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})";
static DOB_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i)\b(?:dob|d\.o\.b\.|date of birth|birth ?date)\s*[:#-]?\s*{DATE}"
    ))
});
static BORN: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"(?i)\bborn(?: on)?\s*:?\s*{DATE}")));
/// Two capitalised words: what a person's name looks like in running text.
static NAME: LazyLock<Regex> = LazyLock::new(|| pattern(r"\b[A-Z][a-z]+(?:[ '-][A-Z][a-z]+)+\b"));
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?:\+1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"));

/// Every hit in one piece of text, in order.
pub fn scan_text(text: &str) -> Vec<(PhiKind, std::ops::Range<usize>)> {
    let mut hits = Vec::new();
    for found in SSN.captures_iter(text) {
        let plausible = match (found.get(1), found.get(2), found.get(3)) {
            // Never issued: area 000, 666 or 9xx, group 00, serial 0000.
            (Some(area), Some(group), Some(serial)) => {
                !matches!(area.as_str(), "000" | "666")
                    && !area.as_str().starts_with('9')
                    && group.as_str() != "00"
                    && serial.as_str() != "0000"
            }
            _ => true,
        };
        if plausible {
            let whole = found.get(0).map(|m| m.range()).unwrap_or_default();
            hits.push((PhiKind::SocialSecurityNumber, whole));
        }
    }
    hits.extend(
        MRN.find_iter(text)
            .map(|m| (PhiKind::MedicalRecordNumber, m.range())),
    );
    hits.extend(
        DOB_LABELLED
            .find_iter(text)
            .map(|m| (PhiKind::DateOfBirth, m.range())),
    );
    for born in BORN.find_iter(text) {
        // "born" alone is common in prose ("a habit born 2024-01-02"); beside a name it
        // describes a person.
        let before = &text[floor_char(text, born.start().saturating_sub(60))..born.start()];
        if NAME.is_match(before) {
            hits.push((PhiKind::DateOfBirth, born.range()));
        }
    }
    for phone in PHONE.find_iter(text) {
        if !hits
            .iter()
            .any(|(_, r)| r.start <= phone.start() && phone.end() <= r.end)
        {
            hits.push((PhiKind::PhoneNumber, phone.range()));
        }
    }
    hits.sort_by_key(|(_, r)| r.start);
    hits
}

fn floor_char(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Collects hits field by field.
#[derive(Default)]
struct Scanner {
    hits: Vec<PhiHit>,
}

impl Scanner {
    fn field(&mut self, entity: &str, field: &str, text: &str) {
        for (kind, range) in scan_text(text) {
            let start = floor_char(text, range.start.saturating_sub(20));
            let mut end = (range.end + 20).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let excerpt = format!(
                "{}{}{}",
                if start > 0 { "…" } else { "" },
                text[start..end].replace(['\n', '\r'], " "),
                if end < text.len() { "…" } else { "" }
            );
            self.hits.push(PhiHit {
                entity: entity.to_owned(),
                field: field.to_owned(),
                excerpt,
                kind,
            });
        }
    }
}

/// Every hit in one field's text, named by its entity and field: for exports whose
/// text is assembled elsewhere (a weekly status).
pub(crate) fn field_hits(entity: &str, field: &str, text: &str) -> Vec<PhiHit> {
    let mut s = Scanner::default();
    s.field(entity, field, text);
    s.hits
}

/// Every hit in the text a rollout export would carry.
pub fn phi_check(report: &RolloutReport) -> Vec<PhiHit> {
    let mut s = Scanner::default();
    let r = &report.rollout;
    let entity = format!("Rollout \"{}\"", r.name);
    for (field, text) in [
        ("name", &r.name),
        ("goal", &r.goal),
        ("sponsor", &r.sponsor),
        ("owner", &r.owner),
        ("scope in", &r.scope_in),
        ("scope out", &r.scope_out),
    ] {
        s.field(&entity, field, text);
    }
    s.field(&entity, "sites", &r.sites.join(", "));
    for p in &report.phases {
        s.field(&format!("Phase \"{}\"", p.name), "name", &p.name);
    }
    for t in &report.tasks {
        let entity = format!("Task \"{}\"", t.title);
        s.field(&entity, "title", &t.title);
        s.field(&entity, "notes", &t.notes);
    }
    for c in &report.criteria {
        let entity = format!("Criterion \"{}\"", c.title);
        for (field, text) in [
            ("title", &c.title),
            ("owner role", &c.owner_role),
            ("evidence", &c.evidence),
            ("evidence link", &c.evidence_link),
            ("evidence file", &c.evidence_file),
        ] {
            s.field(&entity, field, text);
        }
    }
    for m in &report.metrics {
        let def = &m.chart.metric;
        let entity = format!("Metric \"{}\"", def.name);
        for (field, text) in [
            ("name", &def.name),
            ("definition", &def.definition),
            ("numerator", &def.numerator),
            ("denominator", &def.denominator),
            ("data source", &def.data_source),
        ] {
            s.field(&entity, field, text);
        }
        for t in [&def.watch, &def.act].into_iter().flatten() {
            s.field(
                &entity,
                &format!("{} action", t.level.label().to_lowercase()),
                &t.action,
            );
            s.field(
                &entity,
                &format!("{} owner role", t.level.label().to_lowercase()),
                &t.owner_role,
            );
        }
        for v in &m.measurements {
            let entity = format!("Value of \"{}\" on {}", def.name, v.measured_on);
            s.field(&entity, "note", &v.note);
            s.field(&entity, "source", &v.source);
        }
        for c in &m.cycles {
            let entity = format!("Improvement cycle \"{}\"", c.change);
            s.field(&entity, "change", &c.change);
            s.field(&entity, "prediction's reason", &c.prediction.reason);
            if let Some(act) = &c.act {
                s.field(&entity, "rationale", &act.rationale);
            }
        }
    }
    for r in &report.risks {
        let entity = format!("Risk \"{}\"", r.title);
        for (field, text) in [
            ("title", &r.title),
            ("mitigation", &r.mitigation),
            ("trigger", &r.trigger),
        ] {
            s.field(&entity, field, text);
        }
    }
    for d in &report.decisions {
        let entity = format!("Decision \"{}\"", d.title);
        for (field, text) in [
            ("title", &d.title),
            ("constraints", &d.constraints),
            ("options", &d.options),
            ("choice", &d.choice),
            ("rationale", &d.rationale),
            ("decided by", &d.decided_by),
            ("verification", &d.verification),
            ("outcome note", &d.outcome_note),
        ] {
            s.field(&entity, field, text);
        }
    }
    for c in &report.communications {
        let entity = format!("Communication to \"{}\" on {}", c.audience, c.send_on);
        for (field, text) in [
            ("audience", &c.audience),
            ("channel", &c.channel),
            ("message", &c.message),
        ] {
            s.field(&entity, field, text);
        }
    }
    for k in &report.stakeholders {
        let entity = format!("Stakeholder \"{}\"", k.name);
        s.field(&entity, "name", &k.name);
        s.field(&entity, "notes", &k.notes);
        for a in &k.raci {
            s.field(&entity, "workstream", &a.workstream);
        }
    }
    for c in &report.scope_changes {
        let entity = format!("Scope change \"{}\"", c.cut);
        for (field, text) in [
            ("cut", &c.cut),
            ("reason", &c.reason),
            ("protects", &c.protected),
        ] {
            s.field(&entity, field, text);
        }
    }
    for l in &report.sops {
        s.field(&format!("SOP {}", l.sop.code), "title", &l.sop.title);
    }
    for d in &report.debriefs {
        let entity = format!("Debrief \"{}\"", d.title);
        s.field(&entity, "title", &d.title);
        for (label, text) in d.lines() {
            s.field(&entity, &label.to_lowercase(), &text);
        }
    }
    for q in &report.training_requirements {
        s.field(
            &format!("Training module \"{}\"", q.module_title),
            "title",
            &q.module_title,
        );
    }
    s.hits
}

/// Every hit in the text an SOP export would carry.
pub fn sop_phi_check(sop: &Sop) -> Vec<PhiHit> {
    let mut s = Scanner::default();
    let entity = format!("SOP {}", sop.code);
    for (field, text) in [
        ("code", &sop.code),
        ("title", &sop.title),
        ("purpose", &sop.purpose),
        ("scope", &sop.scope),
        ("owner", &sop.owner),
    ] {
        s.field(&entity, field, text);
    }
    for (n, step) in sop.steps.iter().enumerate() {
        let entity = format!("SOP {} step {}", sop.code, n + 1);
        for (field, text) in [
            ("role", &step.role),
            ("instruction", &step.instruction),
            ("quality check", &step.quality_check),
        ] {
            s.field(&entity, field, text);
        }
    }
    for (n, e) in sop.exceptions.iter().enumerate() {
        let entity = format!("SOP {} exception {}", sop.code, n + 1);
        for (field, text) in [
            ("trigger", &e.trigger),
            ("action", &e.action),
            ("escalate to", &e.escalate_to),
            ("within", &e.within),
            ("evidence", &e.evidence),
        ] {
            s.field(&entity, field, text);
        }
    }
    s.hits
}

#[cfg(test)]
mod tests;
