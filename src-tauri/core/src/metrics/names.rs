//! Finding a metric by the name a spreadsheet gives it, and the close names to offer
//! when none matches.

use std::collections::HashMap;

use super::Metric;

/// The rollout's metrics by name, exactly (ignoring case) or loosely (ignoring spaces
/// and punctuation too).
pub(crate) struct MetricNames<'m> {
    metrics: &'m [Metric],
    exact: HashMap<String, usize>,
    loose: HashMap<String, Vec<usize>>,
}

impl<'m> MetricNames<'m> {
    pub(crate) fn new(metrics: &'m [Metric]) -> Self {
        let mut exact = HashMap::new();
        let mut loose: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, metric) in metrics.iter().enumerate() {
            exact.insert(metric.name.trim().to_lowercase(), index);
            exact.insert(metric.id.clone(), index);
            loose.entry(loosely(&metric.name)).or_default().push(index);
        }
        Self {
            metrics,
            exact,
            loose,
        }
    }

    pub(crate) fn find(&self, name: &str) -> std::result::Result<usize, String> {
        if name.is_empty() {
            return Err("the metric is empty: name one of the rollout's metrics".into());
        }
        if let Some(&index) = self.exact.get(&name.to_lowercase()) {
            return Ok(index);
        }
        if let Some([index]) = self.loose.get(&loosely(name)).map(Vec::as_slice) {
            return Ok(*index);
        }
        let close = close_matches(name, self.metrics.iter().map(|m| m.name.as_str()));
        Err(match (close.is_empty(), self.metrics.is_empty()) {
            (_, true) => format!(
                "no metric is called '{name}': this rollout has no metrics yet — define them first"
            ),
            (false, _) => format!(
                "no metric of this rollout is called '{name}'; did you mean {}?",
                quoted(&close)
            ),
            (true, _) => format!(
                "no metric of this rollout is called '{name}'; its metrics are {}",
                quoted(
                    &self
                        .metrics
                        .iter()
                        .map(|m| m.name.as_str())
                        .collect::<Vec<_>>()
                )
            ),
        })
    }
}

fn quoted(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

fn loosely(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Up to three names close to `wanted`: one contains the other, or they are a few
/// edits apart (ignoring case), closest first.
fn close_matches<'n>(wanted: &str, names: impl Iterator<Item = &'n str>) -> Vec<&'n str> {
    let wanted_lower = wanted.to_lowercase();
    let mut scored: Vec<(usize, &str)> = names
        .filter_map(|name| {
            let lower = name.to_lowercase();
            let distance = edit_distance(&wanted_lower, &lower);
            let contains = lower.contains(&wanted_lower) || wanted_lower.contains(&lower);
            let near = distance <= (wanted_lower.chars().count() / 3).max(2);
            (contains || near).then_some((distance, name))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, name)| name).collect()
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_names_are_found_by_edits_or_containment() {
        let names = ["No-show rate", "Denial rate", "Check-in time"];
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(
            close_matches("No show rat", names.into_iter()),
            ["No-show rate"]
        );
        assert_eq!(
            close_matches("check-in", names.into_iter()),
            ["Check-in time"]
        );
        assert!(close_matches("Portal activation", names.into_iter()).is_empty());
        assert_eq!(quoted(&["A", "B", "C"]), "'A', 'B' or 'C'");
    }
}
