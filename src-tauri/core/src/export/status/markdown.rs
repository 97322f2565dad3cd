//! A status as Markdown, for a wiki page or a chat message: the same outline as every
//! format, every typed word escaped.

use super::StatusDocument;
use crate::export::text::markdown_escape as md;

/// The status as Markdown.
pub fn status_markdown(document: &StatusDocument) -> String {
    let o = document.outline();
    let mut out = format!("# {}\n\n{}", md(&o.title), md(&o.week));
    if !o.state.is_empty() {
        out.push_str(&format!(" · {}", md(&o.state)));
    }
    out.push_str("\n\n");
    if !o.summary_note.is_empty() {
        out.push_str(&format!("{}\n\n", md(&o.summary_note)));
    }
    out.push_str(&format!("**{}**\n\n## Where we stand\n\n", md(&o.headline)));
    for figures in &o.figures {
        out.push_str(&format!("### {}\n\n", md(&figures.rollout_name)));
        for (label, value) in &figures.lines {
            out.push_str(&format!("- {}: {}\n", md(label), md(value)));
        }
        out.push('\n');
    }
    for section in &o.sections {
        out.push_str(&format!("## {}\n\n", md(&section.title)));
        if !section.note.is_empty() {
            out.push_str(&format!("{}\n\n", md(&section.note)));
        }
        for item in &section.items {
            let rollout = if item.rollout_name.is_empty() {
                String::new()
            } else {
                format!("{}: ", md(&item.rollout_name))
            };
            out.push_str(&format!(
                "- **{}** {rollout}{}\n",
                md(&item.tone_label),
                md(&item.happened)
            ));
            for (label, value) in &item.details {
                out.push_str(&format!("  - {}: {}\n", md(label), md(value)));
            }
        }
        out.push('\n');
    }
    out.push_str(&format!("{}\n", md(&o.next_update)));
    out
}
