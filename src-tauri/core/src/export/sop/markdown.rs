//! An SOP as Markdown.

use std::fmt::Write;

use super::SopDocument;
use crate::export::text::markdown_escape as m;

/// The SOP as a Markdown document.
pub fn sop_markdown(document: &SopDocument) -> String {
    let sop = &document.sop;
    let mut out = format!("# {} — {}\n\n", m(&sop.code), m(&sop.title));
    let standing = document.standing();
    if !standing.notice.is_empty() {
        let _ = writeln!(out, "> **{}**\n", m(&standing.notice));
    }
    out.push_str("| Field | Value |\n| --- | --- |\n");
    for (label, value) in document.header() {
        let _ = writeln!(out, "| {label} | {} |", m(&value));
    }
    out.push('\n');
    for (title, text) in [("Purpose", &sop.purpose), ("Scope", &sop.scope)] {
        if !text.trim().is_empty() {
            let _ = writeln!(out, "## {title}\n\n{}\n", m(text));
        }
    }
    out.push_str("## Steps\n\n");
    for (n, step) in sop.steps.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}:** {}",
            n + 1,
            m(&step.role),
            m(&step.instruction)
        );
        if !step.quality_check.trim().is_empty() {
            let _ = writeln!(out, "   - Check: {}", m(&step.quality_check));
        }
    }
    if !sop.exceptions.is_empty() {
        out.push_str("\n## Exceptions\n\n| When | Do | Escalate to | Within | Evidence |\n| --- | --- | --- | --- | --- |\n");
        for x in &sop.exceptions {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                m(&x.trigger),
                m(&x.action),
                m(&x.escalate_to),
                m(&x.within),
                m(&x.evidence)
            );
        }
    }
    out
}
