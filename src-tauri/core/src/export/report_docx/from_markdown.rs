//! Markdown, as the report writes it, to the paragraphs and tables of a Word body.
//!
//! The report's Markdown uses a small part of CommonMark: headings, paragraphs, bullet
//! lists (nested), pipe tables, bold and italic, in-page links, `<br>` line breaks and a
//! closing rule. Each maps to its Word counterpart — headings to the Title and Heading
//! styles (so Word's navigation pane and table of contents work), lists to real bullet
//! lists, tables to bordered tables whose header row repeats on every page. Escapes and
//! entities are undone by the parser, so the text reads as typed.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::export::sop::docx::{paragraph, table, Run};
use crate::export::sop::docx_parts::BULLETS;

/// A stretch of text and how it is set.
struct Span {
    text: String,
    bold: bool,
    italic: bool,
}

/// A table being read: its header cells, its rows, the row and cell being read.
#[derive(Default)]
struct TableBuild {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
}

#[derive(Default)]
struct Writer {
    xml: String,
    spans: Vec<Span>,
    bold: usize,
    italic: usize,
    /// How deep in bullet lists the text being read is (0: not in a list).
    list_depth: usize,
    table: Option<TableBuild>,
}

/// The Word body (paragraphs and tables, without the document's envelope) of `markdown`.
pub(super) fn body_xml(markdown: &str) -> String {
    let mut writer = Writer::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        writer.event(event);
    }
    writer.flush_paragraph("");
    writer.xml
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Strong) => self.bold += 1,
            Event::End(TagEnd::Strong) => self.bold = self.bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => self.italic += 1,
            Event::End(TagEnd::Emphasis) => self.italic = self.italic.saturating_sub(1),
            Event::Start(Tag::List(_)) => {
                // A nested list starts inside an item: the item's own text comes first.
                self.flush_item();
                self.list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => self.list_depth = self.list_depth.saturating_sub(1),
            Event::End(TagEnd::Item) => self.flush_item(),
            Event::End(TagEnd::Paragraph) if self.list_depth > 0 => self.flush_item(),
            Event::End(TagEnd::Paragraph) => self.flush_paragraph(""),
            Event::End(TagEnd::Heading(level)) => self.flush_paragraph(heading_style(level)),
            Event::Start(Tag::Table(_)) => self.table = Some(TableBuild::default()),
            Event::End(TagEnd::TableCell) => {
                if let Some(t) = &mut self.table {
                    let cell = std::mem::take(&mut t.cell);
                    t.row.push(cell.trim().to_owned());
                }
            }
            // The header's cells come straight in the head, or in a row of it.
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = &mut self.table {
                    if t.headers.is_empty() {
                        t.headers = std::mem::take(&mut t.row);
                    }
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
                    if t.headers.is_empty() {
                        t.headers = row;
                    } else {
                        t.rows.push(row);
                    }
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = self.table.take() {
                    self.xml.push_str(&table_xml(&t));
                }
            }
            Event::Text(text) | Event::Code(text) => self.push_text(&text),
            Event::SoftBreak => self.push_text(" "),
            Event::HardBreak => self.push_text("\n"),
            Event::InlineHtml(html) if html.trim().eq_ignore_ascii_case("<br>") => {
                self.push_text("\n")
            }
            Event::Rule => {
                self.flush_paragraph("");
                self.xml.push_str("<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"D9DEE4\"/></w:pBdr></w:pPr></w:p>");
            }
            // Links keep their words (the report's links point within the report);
            // nothing else the report writes needs more.
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(t) = &mut self.table {
            t.cell.push_str(text);
            return;
        }
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        match self.spans.last_mut() {
            Some(last) if last.bold == bold && last.italic == italic => last.text.push_str(text),
            _ => self.spans.push(Span {
                text: text.to_owned(),
                bold,
                italic,
            }),
        }
    }

    fn runs(&mut self) -> Option<Vec<Span>> {
        let spans = std::mem::take(&mut self.spans);
        (!spans.iter().all(|s| s.text.trim().is_empty())).then_some(spans)
    }

    fn flush_paragraph(&mut self, style: &str) {
        if let Some(spans) = self.runs() {
            self.xml.push_str(&paragraph(style, &as_runs(&spans)));
        }
    }

    /// The text read so far as a bullet at the current depth.
    fn flush_item(&mut self) {
        if self.list_depth == 0 {
            return self.flush_paragraph("");
        }
        if let Some(spans) = self.runs() {
            let runs: String = as_runs(&spans).iter().map(Run::xml).collect();
            self.xml.push_str(&format!(
                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"{BULLETS}\"/></w:numPr><w:spacing w:after=\"40\"/></w:pPr>{runs}</w:p>",
                (self.list_depth - 1).min(2)
            ));
        }
    }
}

fn as_runs(spans: &[Span]) -> Vec<Run<'_>> {
    spans
        .iter()
        .map(|s| match (s.bold, s.italic) {
            (true, _) => Run::bold(&s.text),
            (false, true) => Run::italic(&s.text),
            (false, false) => Run::plain(&s.text),
        })
        .collect()
}

/// The report's title is its only first-level heading; its sections are second-level.
fn heading_style(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "Title",
        HeadingLevel::H2 => "Heading1",
        HeadingLevel::H3 => "Heading2",
        _ => "Heading3",
    }
}

/// A table with each column as wide as its text asks for — never narrower than its
/// longest word, so a header or a date is not broken mid-word — and without the columns
/// no row fills (the report's *Notes* on a plan without notes), which would only take
/// room from the others on a portrait page.
fn table_xml(t: &TableBuild) -> String {
    let columns = t
        .headers
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    let filled: Vec<usize> = (0..columns)
        .filter(|&c| {
            t.rows
                .iter()
                .any(|r| r.get(c).is_some_and(|text| !text.is_empty()))
        })
        .collect();
    let widths: Vec<(u32, u32)> = filled
        .iter()
        .map(|&c| {
            let texts: Vec<&String> = std::iter::once(t.headers.get(c))
                .chain(t.rows.iter().map(|r| r.get(c)))
                .flatten()
                .collect();
            let longest = |split: fn(&str) -> Vec<&str>| {
                texts
                    .iter()
                    .flat_map(|text| split(text))
                    .map(|part| part.chars().count())
                    .max()
                    .unwrap_or(0)
            };
            let word = longest(|text| text.split_whitespace().collect());
            let line = longest(|text| text.lines().collect());
            ((word + 2) as u32, (word + 2).max(line.min(24)) as u32)
        })
        .collect();
    let widths = fit_across(&widths, CHARACTERS_ACROSS);
    let pick = |row: &Vec<String>| -> Vec<String> {
        filled
            .iter()
            .map(|&c| row.get(c).cloned().unwrap_or_default())
            .collect()
    };
    let headers = pick(&t.headers);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = t.rows.iter().map(pick).collect();
    table(&headers, &rows, &widths)
}

/// About how many characters of table text fit across a portrait page's text width.
const CHARACTERS_ACROSS: u32 = 84;

/// Column widths from each column's (least, wanted) characters: what they want when it
/// fits; otherwise the room is taken from what columns want beyond their least, in
/// proportion, so long text wraps before a word or a date has to break.
fn fit_across(columns: &[(u32, u32)], across: u32) -> Vec<u32> {
    let wanted: u32 = columns.iter().map(|&(_, want)| want).sum();
    let least: u32 = columns.iter().map(|&(least, _)| least).sum();
    if wanted <= across || least >= wanted {
        return columns.iter().map(|&(_, want)| want).collect();
    }
    let spare = across.saturating_sub(least);
    let give = wanted - least;
    columns
        .iter()
        .map(|&(least, want)| least + (want - least) * spare / give)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::body_xml;

    #[test]
    fn columns_keep_their_least_width_and_long_text_gives_way() {
        use super::fit_across;
        assert_eq!(
            fit_across(&[(7, 7), (10, 20)], 84),
            [7, 20],
            "what fits is kept"
        );
        assert_eq!(
            fit_across(&[(8, 8), (10, 60), (10, 60)], 96),
            [8, 44, 44],
            "the long columns share what is left beyond every column's least"
        );
    }

    #[test]
    fn headings_lists_tables_and_emphasis_become_their_word_counterparts() {
        let xml = body_xml(
            "# Go-live — rollout report\n\n## Risks\n\n**Verdict: Ready** — score 92/100\n\n\
             - Kind: EHR\n- **Actions:**\n  - Map \\*codes\\* — Dana, due Mar 12\n\n\
             | Risk | Owner | Notes |\n| --- | --- | --- |\n| Lab \\| routing | Dana &amp; Lee | |\n| Two<br>lines | — | |\n\n---\n\n_Exported Mar 10_\n",
        );
        assert!(xml.contains("<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Go-live — rollout report</w:t>"), "the title: {xml}");
        assert!(xml.contains("<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Risks</w:t>"), "a section heading: {xml}");
        assert!(xml.contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Verdict: Ready</w:t></w:r><w:r><w:t xml:space=\"preserve\"> — score 92/100</w:t>"), "bold then plain: {xml}");
        assert!(xml.contains("<w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr><w:spacing w:after=\"40\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Kind: EHR</w:t>"), "a bullet: {xml}");
        assert!(xml.contains("<w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr><w:spacing w:after=\"40\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Map *codes* — Dana, due Mar 12</w:t>"), "a nested bullet, its escapes undone: {xml}");
        assert!(
            xml.contains("<w:tblHeader/>"),
            "the header row repeats: {xml}"
        );
        assert!(
            xml.contains("Lab | routing"),
            "an escaped pipe stays in its cell: {xml}"
        );
        assert!(
            xml.contains("Dana &amp; Lee"),
            "an entity is undone, then escaped for XML once: {xml}"
        );
        assert!(
            xml.contains("Two</w:t><w:br/><w:t xml:space=\"preserve\">lines"),
            "a <br> is a line break: {xml}"
        );
        assert!(
            xml.contains("<w:i/></w:rPr><w:t xml:space=\"preserve\">Exported Mar 10</w:t>"),
            "the italic footer line: {xml}"
        );
        assert_eq!(xml.matches("<w:tbl>").count(), 1, "one table");
        assert!(
            !xml.contains("Notes"),
            "a column no row fills is left out: {xml}"
        );
        assert_eq!(xml.matches("<w:gridCol ").count(), 2, "two columns: {xml}");
    }
}
