//! Job titles as HR systems write them ("Medical Assistant II", "RN Care Coordinator")
//! matched to the directory's roles ("Medical assistant (MA)", "Registered nurse (RN)").
//!
//! A title means a role when the person said so (in this import, or in an earlier one:
//! remembered), when it is the role's name, or — as a suggestion the preview shows — when
//! enough of its words are the role's words. Words are compared loosely: grade and
//! seniority words ("II", "Senior", "Lead") are ignored, common endings are dropped
//! ("Scheduling" and "Scheduler" agree), a role's abbreviation counts as one of its words
//! ("RN"), and words every clinical title shares ("Medical", "Patient", "Coordinator")
//! weigh less than the words that tell roles apart. More than half of the title's weight
//! must match; otherwise there is no suggestion and the title becomes a new role unless
//! the person picks one.

/// Words that say a grade or seniority, not a role.
const GRADE_WORDS: &[&str] = &[
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "1",
    "2",
    "3",
    "4",
    "5",
    "sr",
    "senior",
    "jr",
    "junior",
    "lead",
    "level",
    "lvl",
    "grade",
    "trainee",
    "principal",
    "staff",
    "the",
    "of",
    "and",
    "per",
    "diem",
    "prn",
    "temp",
    "temporary",
    "float",
];

/// Words many clinic titles share: they count, but less than the words that tell roles
/// apart.
const COMMON_WORDS: &[&str] = &[
    "medical",
    "clinical",
    "clinic",
    "patient",
    "care",
    "health",
    "services",
    "service",
    "office",
    "specialist",
    "coordinator",
    "representative",
    "rep",
    "technician",
    "tech",
    "associate",
    "support",
];

const COMMON_WEIGHT: f64 = 0.4;

/// The role `title` most likely means, among `roles` as (id, name): `None` when no role
/// shares more than half of the title's weight of words.
pub(super) fn suggest_role<'a>(
    title: &str,
    roles: &'a [(String, String)],
) -> Option<&'a (String, String)> {
    let title_words = words(title);
    if title_words.is_empty() {
        return None;
    }
    let title_initials = initials(&title_words);
    let total: f64 = title_words.iter().map(|w| weight(w)).sum();
    let mut best: Option<(f64, usize, &(String, String))> = None;
    for role in roles {
        let mut role_words = words(&role.1);
        // The initials of the name before any abbreviation in brackets: "rn" for
        // "Registered nurse (RN)", "pm" for "Practice manager".
        let spelled_out = role.1.split('(').next().unwrap_or_default();
        if let Some(role_initials) = initials(&words(spelled_out)) {
            role_words.push(role_initials);
        }
        let mut matched: f64 = title_words
            .iter()
            .filter(|w| role_words.contains(w))
            .map(|w| weight(w))
            .sum();
        // "MA" for "Medical Assistant": the title spelled out what the role abbreviates.
        if title_initials
            .as_ref()
            .is_some_and(|i| role_words.contains(i))
        {
            matched = total;
        }
        let score = matched / total;
        let better = match best {
            None => true,
            Some((best_score, best_len, _)) => {
                score > best_score + f64::EPSILON
                    || ((score - best_score).abs() <= f64::EPSILON && role.1.len() < best_len)
            }
        };
        if score > 0.5 && better {
            best = Some((score, role.1.len(), role));
        }
    }
    best.map(|(_, _, role)| role)
}

/// The title's meaningful words, lower case, without grade words, each cut to its stem.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !GRADE_WORDS.contains(w))
        .map(stem)
        .collect()
}

/// "scheduling", "scheduler" and "schedulers" all become "schedul"; short words stay.
fn stem(word: &str) -> String {
    let mut word = word.to_owned();
    if word.len() > 4 && word.ends_with('s') && !word.ends_with("ss") {
        word.pop();
    }
    for ending in ["ing", "er", "ed"] {
        if word.len() > ending.len() + 3 && word.ends_with(ending) {
            word.truncate(word.len() - ending.len());
            break;
        }
    }
    word
}

/// The first letters of two or more words ("ma" for "medical assistant").
fn initials(words: &[String]) -> Option<String> {
    (words.len() >= 2).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

fn weight(word: &str) -> f64 {
    if COMMON_WORDS.iter().any(|common| stem(common) == word) {
        COMMON_WEIGHT
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clinic_roles() -> Vec<(String, String)> {
        [
            "Front desk",
            "Medical assistant (MA)",
            "Registered nurse (RN)",
            "Provider",
            "Biller / coder",
            "Scheduler",
            "Practice manager",
        ]
        .iter()
        .enumerate()
        .map(|(i, name)| (format!("role-{i}"), (*name).to_owned()))
        .collect()
    }

    fn suggestion(title: &str) -> Option<String> {
        let roles = clinic_roles();
        suggest_role(title, &roles).map(|role| role.1.clone())
    }

    #[test]
    fn hr_job_titles_find_the_role_they_mean() {
        for (title, role) in [
            ("Medical Assistant II", "Medical assistant (MA)"),
            ("Certified Medical Assistant", "Medical assistant (MA)"),
            ("MA", "Medical assistant (MA)"),
            ("RN Care Coordinator", "Registered nurse (RN)"),
            ("Registered Nurse III", "Registered nurse (RN)"),
            ("Front Desk Rep", "Front desk"),
            ("Senior Front Desk Representative", "Front desk"),
            ("Medical Coder", "Biller / coder"),
            ("Billing Specialist", "Biller / coder"),
            ("Patient Scheduler", "Scheduler"),
            ("Scheduling Coordinator", "Scheduler"),
            ("Practice Manager", "Practice manager"),
        ] {
            assert_eq!(
                suggestion(title).as_deref(),
                Some(role),
                "'{title}' should suggest '{role}'"
            );
        }
    }

    #[test]
    fn titles_that_share_only_common_words_get_no_suggestion() {
        for title in [
            "Patient Access Representative",
            "Nurse Practitioner",
            "Clinical Coordinator",
            "IT Analyst",
            "Registration Clerk",
            "II",
        ] {
            assert_eq!(suggestion(title), None, "'{title}' should suggest no role");
        }
    }
}
