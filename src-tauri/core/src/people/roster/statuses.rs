//! Employment statuses as HR and scheduling systems write them, read as whether the
//! person still works here: a person on leave or per diem is still staff (and still
//! needs their training); a terminated or retired one has left. A status not listed is
//! asked about once per import — never refused row by row — and the answer is
//! remembered for the next file.

/// Whether `status` means the person works here; `None` for a status we do not know.
pub(super) fn known_status(status: &str) -> Option<bool> {
    let normalised = normalise(status);
    if let Some(answer) = yes_or_no(&normalised) {
        Some(answer)
    } else if WORKING.contains(&normalised.as_str()) {
        Some(true)
    } else if LEFT.contains(&normalised.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// A yes/no cell as rosters spell it ("Yes", "y", "TRUE", "1", "x"; "No", "n", "false",
/// "0"), for an active column written as a flag and for the super-user column.
pub(super) fn yes_or_no(word: &str) -> Option<bool> {
    match word.to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "x" => Some(true),
        "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// Lower case, with hyphens, underscores and runs of spaces read as one space:
/// "Full-Time", "full_time" and "Full  time" are one status.
pub(super) fn normalise(status: &str) -> String {
    status
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

const WORKING: &[&str] = &[
    "active",
    "current",
    "employed",
    "on leave",
    "leave",
    "leave of absence",
    "loa",
    "fmla",
    "per diem",
    "prn",
    "full time",
    "part time",
    "casual",
    "temporary",
    "temp",
    "contract",
    "contractor",
    "seasonal",
    "probation",
    "probationary",
    "new hire",
    "hired",
    "rehired",
    "rehire",
];

const LEFT: &[&str] = &[
    "inactive",
    "terminated",
    "termed",
    "term",
    "left",
    "former",
    "resigned",
    "retired",
    "separated",
    "deceased",
    "dismissed",
    "withdrawn",
    "no longer employed",
    "ended",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_hr_systems_write_are_understood() {
        for status in [
            "Active",
            "Leave of Absence",
            "On leave",
            "Per diem",
            "Full-Time",
            "PRN",
        ] {
            assert_eq!(
                known_status(status),
                Some(true),
                "'{status}' means still working here"
            );
        }
        for status in ["Terminated", "Inactive", "Retired", "no", "Resigned"] {
            assert_eq!(
                known_status(status),
                Some(false),
                "'{status}' means the person left"
            );
        }
        for status in ["Suspended", "Pending", "On hold"] {
            assert_eq!(
                known_status(status),
                None,
                "'{status}' must be asked about, not guessed"
            );
        }
    }
}
