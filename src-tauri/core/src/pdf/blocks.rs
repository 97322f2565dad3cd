//! The building blocks of a typeset report. The Rust side says *what* a section holds —
//! figures, a table, a drawing — with every value already in words; the template
//! (`rollout.typ`) decides how each kind of block looks. Keeping the template a renderer
//! of a few block kinds means a new section is Rust code only, and whatever a person
//! typed reaches Typst as JSON strings, never as markup.

use serde::Serialize;

use crate::export::svg::Svg;

/// One piece of a section, in reading order.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum Block {
    /// A sub-heading inside a section.
    Heading { text: String },
    /// A paragraph; `muted` for asides such as "No risks logged yet."
    Text { text: String, muted: bool },
    /// Figures in boxes, four to a row.
    Facts { facts: Vec<(String, String)> },
    /// Label / value rows, for a definition or a record's details.
    Details { rows: Vec<(String, String)> },
    /// A bulleted list; each item may carry a coloured tag.
    List { items: Vec<Cell> },
    /// A table with a repeated header row; `widths` are relative column widths.
    Table {
        headers: Vec<String>,
        widths: Vec<f64>,
        rows: Vec<Vec<Cell>>,
    },
    /// An SVG drawing (timeline, chart, heat map), scaled to `width` of the text width;
    /// its text alternative goes into the PDF's tags as the image's description.
    Drawing { svg: Svg, width: f64 },
    /// A framed group kept on one page whenever it fits on one: a metric, a decision.
    Card {
        title: String,
        tag: Option<Tag>,
        blocks: Vec<Block>,
    },
}

/// A table cell or list item: text, optionally with a coloured tag after it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Cell {
    pub text: String,
    pub tag: Option<Tag>,
    pub strong: bool,
}

/// A small coloured label such as a status; `tone` picks its colour in the template.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Tag {
    pub label: String,
    pub tone: Tone,
}

/// The colours a tag can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Tone {
    Good,
    Warn,
    Bad,
    Neutral,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: printable(text.into()),
            tag: None,
            strong: false,
        }
    }

    /// Only a tag, as in a status column.
    pub fn tag(label: impl Into<String>, tone: Tone) -> Self {
        Self::text("").with_tag(label, tone)
    }

    pub fn with_tag(mut self, label: impl Into<String>, tone: Tone) -> Self {
        self.tag = Some(Tag::new(label, tone));
        self
    }

    pub fn strong(mut self) -> Self {
        self.strong = true;
        self
    }
}

impl Tag {
    pub fn new(label: impl Into<String>, tone: Tone) -> Self {
        Self {
            label: label.into(),
            tone,
        }
    }
}

impl Block {
    pub fn heading(text: impl Into<String>) -> Self {
        Block::Heading { text: text.into() }
    }

    pub fn text(text: impl Into<String>) -> Self {
        Block::Text {
            text: text.into(),
            muted: false,
        }
    }

    pub fn muted(text: impl Into<String>) -> Self {
        Block::Text {
            text: text.into(),
            muted: true,
        }
    }

    pub fn facts<L: Into<String>, V: Into<String>>(
        facts: impl IntoIterator<Item = (L, V)>,
    ) -> Self {
        Block::Facts {
            facts: facts
                .into_iter()
                .map(|(l, v)| (l.into(), v.into()))
                .collect(),
        }
    }

    /// Details, leaving out the rows with nothing to say.
    pub fn details<L: Into<String>>(rows: impl IntoIterator<Item = (L, String)>) -> Self {
        Block::Details {
            rows: rows
                .into_iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(l, v)| (l.into(), v))
                .collect(),
        }
    }

    /// A table; `columns` pairs each header with its relative width.
    pub fn table(columns: &[(&str, f64)], rows: Vec<Vec<Cell>>) -> Self {
        Block::Table {
            headers: columns.iter().map(|(h, _)| (*h).to_owned()).collect(),
            widths: columns.iter().map(|(_, w)| *w).collect(),
            rows,
        }
    }
}

/// `text` without control characters other than line breaks and tabs: the fonts have
/// no glyph for them, so each would print as a missing-glyph box.
fn printable(text: String) -> String {
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        text.chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect()
    } else {
        text
    }
}

/// Text, or a dash for nothing — so an empty cell reads as "not set", not as a gap.
pub(super) fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_character_never_reaches_the_page() {
        assert_eq!(
            Cell::text('\0'.to_string()).text,
            "",
            "a NUL would print as a missing-glyph box"
        );
        assert_eq!(Cell::text("R\u{7}").text, "R");
        assert_eq!(
            Cell::text("two\nlines").text,
            "two\nlines",
            "line breaks stay"
        );
    }

    #[test]
    fn a_drawing_carries_its_text_alternative_to_the_template() {
        let block = Block::Drawing {
            svg: Svg::new("Chart of A", "<svg/>"),
            width: 1.0,
        };
        let json = serde_json::to_value(&block).unwrap_or_default();
        assert_eq!(json["kind"], "drawing");
        assert_eq!(
            json["svg"]["alt"], "Chart of A",
            "the template reads the alt text"
        );
        assert_eq!(json["svg"]["markup"], "<svg/>");
    }
}
