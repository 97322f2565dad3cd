//! File names made from what people type (a rollout's name, an SOP's title) that every
//! system accepts, Windows being the strictest: no `\ / : * ? " < > |`, no control
//! characters, no trailing dot or space, and none of the device names Windows reserves
//! (`CON`, `NUL`, `COM1`, ... — with or without an extension).

/// The longest stem proposed, in characters: with the folder and the extension it keeps
/// a path within Windows' classic 260-character limit in any ordinary folder.
const MAX_STEM: usize = 120;

/// Names Windows keeps for devices, whatever extension follows them.
const RESERVED: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// `stem` made safe as a file name (without extension); `fallback` when nothing of it is
/// left. "EHR go-live: Riverside" becomes "EHR go-live - Riverside".
pub fn safe_file_stem(stem: &str, fallback: &str) -> String {
    let mut safe = String::with_capacity(stem.len());
    for c in stem.chars() {
        match c {
            // "EHR go-live: Riverside" reads as "EHR go-live - Riverside".
            ':' | '/' | '\\' => safe.push_str(" - "),
            '*' | '?' | '"' | '<' | '>' | '|' => safe.push(' '),
            c if c.is_control() => safe.push(' '),
            c => safe.push(c),
        }
    }
    let words = safe.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut safe: String = words.chars().take(MAX_STEM).collect();
    // Windows drops a trailing dot or space, so "Plan." would save as "Plan".
    safe = safe
        .trim_end_matches(['.', ' '])
        .trim_start_matches('.')
        .to_owned();
    if safe.is_empty() {
        return fallback.to_owned();
    }
    if is_reserved(&safe) {
        // Windows reads "AUX.backup.pdf" as the device AUX too, so the mark goes before
        // the first dot: "AUX (file).backup.pdf" can be created.
        let base_end = safe.find('.').unwrap_or(safe.len());
        safe.insert_str(base_end, " (file)");
    }
    safe
}

/// True when Windows reserves `stem` (before its first dot) for a device.
fn is_reserved(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or(stem).trim_end();
    let upper = base.to_ascii_uppercase();
    if RESERVED.contains(&upper.as_str()) {
        return true;
    }
    // COM1–COM9 and LPT1–LPT9, and the superscript digits Windows also matches.
    ["COM", "LPT"].iter().any(|device| {
        upper.strip_prefix(device).is_some_and(|n| {
            matches!(
                n,
                "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_windows_refuses_are_replaced() {
        assert_eq!(
            safe_file_stem("EHR go-live: Riverside", "x"),
            "EHR go-live - Riverside"
        );
        assert_eq!(
            safe_file_stem("Q1/Q2 \"draft\" <v2>?*|", "x"),
            "Q1 - Q2 draft v2",
            "no character Windows refuses may stay"
        );
        assert_eq!(
            safe_file_stem("Médecins Associés\tplan", "x"),
            "Médecins Associés plan",
            "accents stay, a tab becomes a space"
        );
    }

    #[test]
    fn trailing_dots_spaces_and_empty_names_are_handled() {
        assert_eq!(safe_file_stem("Go-live plan...", "x"), "Go-live plan");
        assert_eq!(
            safe_file_stem(" ... ", "Rollplan export"),
            "Rollplan export"
        );
        assert_eq!(
            safe_file_stem("?*", "Rollplan export"),
            "Rollplan export",
            "a name of refused characters only falls back"
        );
    }

    #[test]
    fn device_names_are_never_proposed() {
        for name in ["CON", "con", "Nul", "COM1", "lpt9", "AUX.backup", "COM²"] {
            let safe = safe_file_stem(name, "x");
            assert!(
                !is_reserved(&safe),
                "{name} must not be proposed as is, got {safe}"
            );
        }
        assert_eq!(safe_file_stem("Console rollout", "x"), "Console rollout");
        assert_eq!(
            safe_file_stem("COM10", "x"),
            "COM10",
            "only COM1–COM9 are devices"
        );
    }

    #[test]
    fn long_names_are_shortened() {
        let long = "Riverside ".repeat(40);
        let safe = safe_file_stem(&long, "x");
        assert!(
            safe.chars().count() <= MAX_STEM,
            "a stem is at most {MAX_STEM} characters, got {}",
            safe.chars().count()
        );
        assert!(!safe.ends_with(' '), "no trailing space after shortening");
    }
}
