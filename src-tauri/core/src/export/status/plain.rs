//! A status as plain text that pastes into an email (Outlook included): short lines,
//! headings in capitals, "•" for items, and none of Markdown's symbols, so nothing
//! arrives as stray asterisks or pound signs.

use super::StatusDocument;

/// Lines stay under this many characters, so a mail client never rewraps them badly.
const WIDTH: usize = 72;

/// The status as email-ready text.
pub fn status_text(document: &StatusDocument) -> String {
    let o = document.outline();
    let mut out = Text::default();
    out.line(&o.title, "");
    out.line(&o.week, "");
    if !o.state.is_empty() {
        out.line(&o.state, "");
    }
    out.blank();
    if !o.summary_note.is_empty() {
        out.paragraphs(&o.summary_note, "");
        out.blank();
    }
    out.line(&o.headline, "");
    out.blank();
    out.line("WHERE WE STAND", "");
    for figures in &o.figures {
        out.line(&figures.rollout_name, "");
        for (label, value) in &figures.lines {
            out.line(&format!("  {label}: {value}"), "    ");
        }
    }
    for section in &o.sections {
        out.blank();
        out.line(&section.title.to_uppercase(), "");
        if !section.note.is_empty() {
            out.paragraphs(&section.note, "");
        }
        for item in &section.items {
            let rollout = if item.rollout_name.is_empty() {
                String::new()
            } else {
                format!("{}: ", item.rollout_name)
            };
            out.line(&format!("• {rollout}{}", item.happened), "  ");
            for (label, value) in &item.details {
                out.line(&format!("  {label}: {value}"), "    ");
            }
        }
    }
    out.blank();
    out.line(&o.next_update, "");
    out.0
}

#[derive(Default)]
struct Text(String);

impl Text {
    fn blank(&mut self) {
        self.0.push('\n');
    }

    /// Each line of `text` wrapped: a note keeps its own line breaks and blank lines.
    fn paragraphs(&mut self, text: &str, indent: &str) {
        for line in text.lines() {
            if line.trim().is_empty() {
                self.blank();
            } else {
                self.line(line.trim_end(), indent);
            }
        }
    }

    /// `text` wrapped at word boundaries; its leading spaces stay, continuation lines
    /// start with `indent`.
    fn line(&mut self, text: &str, indent: &str) {
        let mut current: String = text.chars().take_while(|c| *c == ' ').collect();
        let mut started = false;
        for word in text.split_whitespace() {
            if started && current.chars().count() + 1 + word.chars().count() > WIDTH {
                self.0.push_str(&current);
                self.0.push('\n');
                current = indent.to_owned();
            } else if started {
                current.push(' ');
            }
            current.push_str(word);
            started = true;
        }
        self.0.push_str(&current);
        self.0.push('\n');
    }
}
