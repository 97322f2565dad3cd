//! A status as one self-contained HTML file: inline styles only (what survives a paste
//! into an email), the tone of each item as a coloured label, light on white so it
//! prints. Every typed word is escaped.

use super::StatusDocument;
use crate::export::text::html_escape as h;
use crate::status::Tone;

/// Label colours by tone: text, background.
fn tone_colours(tone: Tone) -> (&'static str, &'static str) {
    match tone {
        Tone::Bad => ("#9b1c1c", "#fde8e8"),
        Tone::Watch => ("#8a4b00", "#fdf3e1"),
        Tone::Neutral => ("#334155", "#eef2f6"),
        Tone::Good => ("#0f5f4a", "#e3f4ee"),
    }
}

/// The status as an HTML document.
pub fn status_html(document: &StatusDocument) -> String {
    let o = document.outline();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body style=\"font-family: Calibri, 'Segoe UI', Arial, sans-serif; color: #1f2933; max-width: 46em; margin: 1.5em auto; line-height: 1.45;\">\n",
        h(&o.title)
    );
    out.push_str(&format!(
        "<h1 style=\"font-size: 1.5em; margin: 0 0 0.2em;\">{}</h1>\n<p style=\"color: #52606d; margin: 0 0 1em;\">{}",
        h(&o.title),
        h(&o.week)
    ));
    if !o.state.is_empty() {
        out.push_str(&format!(" · {}", h(&o.state)));
    }
    out.push_str("</p>\n");
    if !o.summary_note.is_empty() {
        out.push_str(&paragraphs(&o.summary_note));
    }
    out.push_str(&format!(
        "<p style=\"font-weight: bold;\">{}</p>\n<h2 style=\"font-size: 1.15em; color: #0f766e; margin-top: 1.4em;\">Where we stand</h2>\n",
        h(&o.headline)
    ));
    for figures in &o.figures {
        out.push_str(&format!(
            "<table style=\"border-collapse: collapse; margin-bottom: 0.8em;\">\n<caption style=\"text-align: left; font-weight: bold; padding-bottom: 0.2em;\">{}</caption>\n",
            h(&figures.rollout_name)
        ));
        for (label, value) in &figures.lines {
            out.push_str(&format!(
                "<tr><th scope=\"row\" style=\"text-align: left; font-weight: normal; color: #52606d; padding: 0.15em 1em 0.15em 0;\">{}</th><td style=\"padding: 0.15em 0;\">{}</td></tr>\n",
                h(label),
                h(value)
            ));
        }
        out.push_str("</table>\n");
    }
    for section in &o.sections {
        out.push_str(&format!(
            "<h2 style=\"font-size: 1.15em; color: #0f766e; margin-top: 1.4em;\">{}</h2>\n",
            h(&section.title)
        ));
        if !section.note.is_empty() {
            out.push_str(&paragraphs(&section.note));
        }
        out.push_str("<ul style=\"padding-left: 1.2em;\">\n");
        for item in &section.items {
            let (text, background) = tone_colours(item.tone);
            let rollout = if item.rollout_name.is_empty() {
                String::new()
            } else {
                format!("{}: ", h(&item.rollout_name))
            };
            out.push_str(&format!(
                "<li style=\"margin-bottom: 0.5em;\"><span style=\"color: {text}; background: {background}; border-radius: 3px; padding: 0 0.35em; font-size: 0.85em;\">{}</span> {rollout}{}",
                h(&item.tone_label),
                h(&item.happened)
            ));
            for (label, value) in &item.details {
                out.push_str(&format!(
                    "<br><span style=\"color: #52606d;\">{}:</span> {}",
                    h(label),
                    h(value)
                ));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&format!(
        "<p style=\"color: #52606d; margin-top: 1.4em;\">{}</p>\n</body>\n</html>\n",
        h(&o.next_update)
    ));
    out
}

/// A note as paragraphs, its line breaks kept.
fn paragraphs(note: &str) -> String {
    note.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>\n", h(p.trim()).replace('\n', "<br>")))
        .collect()
}
