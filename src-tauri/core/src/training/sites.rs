//! Where a training requirement applies. A requirement names the sites or departments
//! it is limited to, or none, and then it applies wherever its rollout is: the rollout's
//! sites, or everywhere when the rollout names none. A person is there when their
//! department is one of those names, ignoring case (as SQLite's NOCASE folds: ASCII
//! letters only, so the SQL in [`super::store::requirements::APPLIES_TO_PERSON`] and this
//! agree). Someone with no department recorded is never left out: nobody can tell where
//! they work, and missing training is the worse mistake.

use crate::{CoreError, Result};

/// The most sites one requirement may name (a health group's clinics, generously).
const MOST_SITES: usize = 200;

/// The places a requirement reaches; empty means everywhere.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Reach {
    sites: Vec<String>,
}

impl Reach {
    /// The reach stored as a JSON array of names (the requirement's own sites, or its
    /// rollout's when it names none).
    pub fn from_json(sites: &str) -> Option<Self> {
        let sites: Vec<String> = serde_json::from_str(sites).ok()?;
        Some(Reach { sites })
    }

    /// Whether a person of `department` is among the people this reaches.
    pub fn includes(&self, department: &str) -> bool {
        department.is_empty()
            || self.sites.is_empty()
            || self
                .sites
                .iter()
                .any(|site| site.eq_ignore_ascii_case(department))
    }
}

/// A department as [`Reach::includes`] compares it: people whose departments fold to
/// the same key are in the same place.
pub(crate) fn place_key(department: &str) -> String {
    department.to_ascii_lowercase()
}

/// The sites a person typed for a requirement: trimmed, blanks dropped, each once
/// (ignoring case, the first spelling kept). None left means "wherever the rollout is".
pub(crate) fn clean_sites(sites: &[String]) -> Result<Vec<String>> {
    let mut kept: Vec<String> = Vec::new();
    for site in sites.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if site.chars().count() > 200 {
            return Err(too_long(site));
        }
        if !kept.iter().any(|k| k.eq_ignore_ascii_case(site)) {
            kept.push(site.to_owned());
        }
    }
    if kept.len() > MOST_SITES {
        return Err(CoreError::invalid(
            "sites",
            format!("Choose at most {MOST_SITES} sites or departments."),
        ));
    }
    Ok(kept)
}

/// The column's value for `sites`: NULL for none (the rollout's sites), else an array.
pub(crate) fn sites_column(sites: &[String]) -> Result<Option<String>> {
    if sites.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(sites)
        .map(Some)
        .map_err(|e| CoreError::Database(format!("cannot encode sites: {e}")))
}

/// The sites in the column (none for NULL).
pub(crate) fn sites_from_column(column: Option<&str>) -> Option<Vec<String>> {
    match column {
        None => Some(Vec::new()),
        Some(text) => serde_json::from_str(text).ok(),
    }
}

fn too_long(site: &str) -> CoreError {
    let start: String = site.chars().take(30).collect();
    CoreError::invalid(
        "sites",
        format!("'{start}…' is too long for a site or department name."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reach(sites: &[&str]) -> Reach {
        Reach {
            sites: sites.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn a_reach_includes_its_sites_ignoring_case_and_everyone_without_a_department() {
        let riverside = reach(&["Riverside Family Medicine"]);
        assert!(
            riverside.includes("riverside family MEDICINE"),
            "case is ignored"
        );
        assert!(!riverside.includes("Eastside"), "another site is left out");
        assert!(
            riverside.includes(""),
            "no department recorded is never left out"
        );
        assert!(reach(&[]).includes("Eastside"), "no sites reaches everyone");
    }

    #[test]
    fn typed_sites_are_trimmed_and_kept_once() {
        let typed = vec![
            " Riverside ".to_owned(),
            String::new(),
            "RIVERSIDE".to_owned(),
            "Eastside".to_owned(),
        ];
        assert_eq!(
            clean_sites(&typed).unwrap(),
            vec!["Riverside".to_owned(), "Eastside".to_owned()],
            "blanks dropped, repeats kept once with the first spelling"
        );
        assert!(
            clean_sites(&["x".repeat(201)]).is_err(),
            "a name over 200 characters is refused"
        );
    }

    #[test]
    fn no_sites_are_stored_as_null_and_read_back_as_none() {
        assert_eq!(
            sites_column(&[]).unwrap(),
            None,
            "none is NULL: the rollout's sites"
        );
        let column = sites_column(&["Eastside".to_owned()]).unwrap();
        assert_eq!(
            sites_from_column(column.as_deref()),
            Some(vec!["Eastside".to_owned()]),
            "an array reads back as stored"
        );
        assert_eq!(sites_from_column(None), Some(Vec::new()));
    }
}
