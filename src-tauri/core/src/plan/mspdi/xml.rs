//! A Microsoft Project XML file as a small tree of elements, read safely: a file from
//! outside is refused rather than trusted. A DOCTYPE that declares entities is refused
//! outright (nothing is expanded, so an "XML bomb" costs nothing), no entity other than
//! XML's five and character references is resolved, nothing is fetched, and nesting
//! deeper than any real plan is refused (MSPDI is five levels deep).
//!
//! The tree keeps element names without their prefix and the text inside each element;
//! attributes are not kept, as MSPDI carries everything in elements.

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// The namespace of every MSPDI file, from MS Project 2003 to 365, ProjectLibre and MPXJ.
pub(crate) const NAMESPACE: &str = "http://schemas.microsoft.com/project";

/// Deeper than this is not a project plan (and a tree this deep would be costly to drop).
const MAX_DEPTH: usize = 32;

/// One element: its local name, its text, its child elements in file order.
#[derive(Debug, Default)]
pub(super) struct Element {
    pub name: String,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The first child element called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child element called `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The trimmed text of the first child called `name`; empty when there is none.
    pub fn text_of(&self, name: &str) -> &str {
        self.child(name).map_or("", |c| c.text.trim())
    }
}

/// Why a file could not be read as MSPDI, in words for the person who chose it.
pub(super) type Refusal = String;

/// Reads the whole document and returns its root, which must be MSPDI's `<Project>`.
pub(super) fn parse(text: &str) -> Result<Element, Refusal> {
    let not_a_plan = || "This XML file is not a Microsoft Project plan".to_owned();
    let mut reader = NsReader::from_str(text);
    // Opening and closing tags must match: a file cut short is refused, not half-read.
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let position = reader.buffer_position();
        let broken = |e: &dyn std::fmt::Display| {
            format!("the XML is damaged near byte {position} ({e}); save the plan again as XML")
        };
        let (namespace, event) = reader.read_resolved_event().map_err(|e| broken(&e))?;
        let is_project_namespace =
            matches!(namespace, ResolveResult::Bound(ns) if ns.as_ref() == NAMESPACE);
        match event {
            Event::DocType(doctype) => {
                let declared = doctype.xml10_content().to_ascii_uppercase();
                if declared.contains("<!ENTITY") {
                    return Err("the file declares XML entities, which a Microsoft Project \
                                plan never does; it was refused unread"
                        .into());
                }
            }
            // Anything after the root element's end is not part of the plan.
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(broken(&"content after the end of the plan"));
            }
            Event::Start(start) => {
                if stack.is_empty() && !(is_project_namespace && local(&start) == "Project") {
                    return Err(not_a_plan());
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(broken(&"elements nested too deeply"));
                }
                stack.push(Element {
                    name: local(&start),
                    ..Element::default()
                });
            }
            Event::Empty(start) => {
                if stack.is_empty() {
                    return Err(not_a_plan());
                }
                let element = Element {
                    name: local(&start),
                    ..Element::default()
                };
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(element);
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(broken(&"a closing tag without its opening tag"));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(content) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&content.xml10_content());
                }
            }
            Event::CData(content) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&content.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match reference.xml10_content().as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => {
                            return Err(format!(
                                "the file uses the entity '&{other};', which a Microsoft \
                                 Project plan never does; it was not expanded"
                            ))
                        }
                    },
                    Err(e) => return Err(broken(&e)),
                };
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&resolved);
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    match (root, stack.is_empty()) {
        (Some(root), true) => Ok(root),
        (None, true) => Err(not_a_plan()),
        _ => Err("the XML file ends before the plan does; save it again as XML".into()),
    }
}

fn local(start: &quick_xml::events::BytesStart<'_>) -> String {
    start.local_name().as_ref().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_is_read_into_elements_with_its_text_unescaped() {
        let root = parse(&format!(
            "<?xml version=\"1.0\"?><Project xmlns=\"{NAMESPACE}\"><Name>Lab &amp; \
             imaging &#8250; go-live</Name><Tasks><Task><UID>1</UID></Task><Task/></Tasks></Project>"
        ))
        .expect("a small plan reads");
        assert_eq!(root.name, "Project");
        assert_eq!(
            root.text_of("Name"),
            "Lab & imaging › go-live",
            "entities resolved"
        );
        let tasks = root.child("Tasks").expect("tasks");
        assert_eq!(tasks.all("Task").count(), 2, "an empty element counts too");
    }

    #[test]
    fn other_xml_and_entity_declarations_are_refused_unread() {
        let other = parse("<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>");
        assert_eq!(
            other.expect_err("not MSPDI"),
            "This XML file is not a Microsoft Project plan"
        );
        let no_namespace = parse("<Project><Name>x</Name></Project>");
        assert!(
            no_namespace.is_err(),
            "a Project element outside MS Project's namespace is not a plan"
        );
        let bomb = format!(
            "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\">\
             <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\
             <Project xmlns=\"{NAMESPACE}\"><Name>&b;</Name></Project>"
        );
        let refused = parse(&bomb).expect_err("an entity declaration is refused");
        assert!(refused.contains("declares XML entities"), "{refused}");
        let undeclared = parse(&format!(
            "<Project xmlns=\"{NAMESPACE}\"><Name>&secret;</Name></Project>"
        ));
        assert!(
            undeclared.is_err_and(|m| m.contains("&secret;")),
            "an unknown entity is refused, never looked up"
        );
    }

    #[test]
    fn damaged_and_deeply_nested_files_are_refused() {
        let cut = parse(&format!("<Project xmlns=\"{NAMESPACE}\"><Tasks><Task>"));
        assert!(cut.is_err(), "a file cut short is refused");
        let deep = format!(
            "<Project xmlns=\"{NAMESPACE}\">{}{}</Project>",
            "<a>".repeat(100),
            "</a>".repeat(100)
        );
        assert!(
            parse(&deep).is_err_and(|m| m.contains("nested too deeply")),
            "nesting no plan has is refused"
        );
        let mismatched = parse(&format!("<Project xmlns=\"{NAMESPACE}\"><a></b></Project>"));
        assert!(mismatched.is_err(), "mismatched tags are refused");
    }
}
