//! The order a directory reads in: by family name, then given name, the way a clinic's
//! staff list is printed — not by the first letters typed, which would file every
//! "Dr." under D.
//!
//! The key ignores a leading title (Dr., Mr., Prof., ...) and trailing credentials and
//! generational suffixes (RN, MD, PA-C, Jr., ...). "Okafor, Amara" (family name first,
//! as rosters often write it) reads as "Amara Okafor". Family-name particles written in
//! lower case ("José de la Cruz", "Ludwig van Beethoven") are filed under the name
//! after them (Cruz, Beethoven), as most directories do; written with a capital
//! ("Maria De La Cruz", "Martin Van Buren") they are part of the name and file under it.
//! Letters are compared without case or accents, and without apostrophes or hyphens
//! (O'Neil sorts as ONeil).

/// Titles that may precede a name.
const TITLES: &[&str] = &[
    "dr",
    "doctor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "prof",
    "professor",
    "rev",
    "fr",
];

/// Credentials and generational suffixes that may follow a name. Two-letter family
/// names such as Do or Ma are kept: a suffix is only dropped while a given name and a
/// family name remain.
const SUFFIXES: &[&str] = &[
    "jr", "sr", "ii", "iii", "iv", "md", "do", "rn", "np", "pa", "pa-c", "phd", "dnp", "lpn",
    "lvn", "bsn", "msn", "aprn", "fnp", "fnp-c", "fnp-bc", "crna", "cma", "rma", "mph", "mba",
    "mha", "dds", "dmd", "pharmd", "facp", "faafp", "esq", "cpc", "rhia", "rhit",
];

/// Particles that belong to a family name when written in lower case.
const PARTICLES: &[&str] = &[
    "de", "la", "las", "los", "del", "della", "di", "da", "das", "dos", "du", "van", "von", "der",
    "den", "ter", "le", "y", "bin", "al",
];

/// The key that orders a person's name by family name, then given name.
pub fn family_sort_key(name: &str) -> String {
    let (family, given) = split_name(name);
    format!("{}\u{1}{}", fold(&family), fold(&given))
}

/// (family name for sorting, given names) of a full name.
fn split_name(name: &str) -> (String, String) {
    // "Okafor, Amara" and "Amara Okafor, RN": a comma either separates the family name
    // from the given names or starts the suffixes.
    let mut parts = name.split(',').map(str::trim);
    let first = parts.next().unwrap_or_default();
    let after: Vec<&str> = parts.filter(|p| !p.is_empty()).collect();
    let family_first = after
        .first()
        .is_some_and(|rest| !rest.split_whitespace().all(is_suffix));
    let tokens: Vec<&str> = if family_first {
        // Family name first: the given names follow the comma.
        let given = strip(after[0].split_whitespace().collect());
        let family = strip_title(first.split_whitespace().collect());
        return (without_particles(&family), given.join(" "));
    } else {
        strip(first.split_whitespace().collect())
    };
    match tokens.as_slice() {
        [] => (String::new(), String::new()),
        [only] => ((*only).to_owned(), String::new()),
        _ => {
            // The family name is the last word and the particles before it.
            let mut start = tokens.len() - 1;
            while start > 1 && is_particle_word(tokens[start - 1]) {
                start -= 1;
            }
            let family = without_particles(&tokens[start..]);
            let given = tokens[..start].join(" ");
            (family, given)
        }
    }
}

/// The words without a leading title and trailing suffixes.
fn strip(tokens: Vec<&str>) -> Vec<&str> {
    let mut tokens = strip_title(tokens);
    while tokens.len() > 2 && tokens.last().is_some_and(|t| is_suffix(t)) {
        tokens.pop();
    }
    tokens
}

fn strip_title(mut tokens: Vec<&str>) -> Vec<&str> {
    while tokens.len() > 1 && is_title(tokens[0]) {
        tokens.remove(0);
    }
    tokens
}

/// A family name's words for sorting: the name after its lower-case particles, then
/// the particles ("de la Cruz" sorts as "Cruz de la").
fn without_particles(words: &[&str]) -> String {
    let split = words
        .iter()
        .position(|w| !is_particle(w))
        .unwrap_or(words.len().saturating_sub(1));
    let (particles, name) = words.split_at(split);
    let mut ordered: Vec<&str> = name.to_vec();
    ordered.extend_from_slice(particles);
    ordered.join(" ")
}

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| c == '.' || c == ',')
        .to_lowercase()
}

fn is_title(word: &str) -> bool {
    TITLES.contains(&bare(word).as_str())
}

fn is_suffix(word: &str) -> bool {
    let bare = bare(word).replace('.', "");
    SUFFIXES.contains(&bare.as_str())
}

/// A word that joins the family name after it ("de", "Van"), in any case.
fn is_particle_word(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

/// A particle sorts after the name only in lower case: "De La Cruz" is filed under D.
fn is_particle(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) && is_particle_word(word)
}

/// Lower case without accents, apostrophes, hyphens or dots, for comparing.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\'' | '’' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .map(unaccented)
        .collect()
}

/// The letter without its accent, for the accented Latin letters names use.
fn unaccented(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'đ' => 'd',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        names.sort_by_cached_key(|n| family_sort_key(n));
        names
    }

    #[test]
    fn a_title_does_not_file_a_doctor_under_d() {
        assert_eq!(
            sorted(&[
                "Dr. Amara Okafor",
                "Priya Nair",
                "José de la Cruz",
                "Mary-Ann O'Neil RN",
                "Dana Whitfield",
                "Dr Kevin Adams",
            ]),
            [
                "Dr Kevin Adams",
                "José de la Cruz",
                "Priya Nair",
                "Dr. Amara Okafor",
                "Mary-Ann O'Neil RN",
                "Dana Whitfield",
            ],
            "family names order the list: Adams, Cruz, Nair, Okafor, O'Neil, Whitfield"
        );
    }

    #[test]
    fn the_family_name_comes_first_then_the_given_name() {
        assert_eq!(
            split_name("Dr. Amara Okafor"),
            ("Okafor".into(), "Amara".into())
        );
        assert_eq!(
            split_name("Mary-Ann O'Neil RN"),
            ("O'Neil".into(), "Mary-Ann".into())
        );
        assert_eq!(
            split_name("José de la Cruz"),
            ("Cruz de la".into(), "José".into())
        );
        assert_eq!(
            split_name("Maria De La Cruz"),
            ("De La Cruz".into(), "Maria".into()),
            "capitalised particles are part of the name and file under D"
        );
        assert_eq!(
            split_name("Luis Ortega Jr."),
            ("Ortega".into(), "Luis".into())
        );
        assert_eq!(
            split_name("Prof. Helen Park, PhD, MPH"),
            ("Park".into(), "Helen".into())
        );
        assert_eq!(
            split_name("Okafor, Amara"),
            ("Okafor".into(), "Amara".into()),
            "a roster's 'Family, Given' reads the same"
        );
        assert_eq!(split_name("Sam Lee, PA-C"), ("Lee".into(), "Sam".into()));
        assert_eq!(split_name("Cher"), ("Cher".into(), String::new()));
        assert_eq!(split_name("  "), (String::new(), String::new()));
    }

    #[test]
    fn short_family_names_are_not_taken_for_credentials() {
        assert_eq!(split_name("Anh Do"), ("Do".into(), "Anh".into()));
        assert_eq!(split_name("Dr. Anh Do"), ("Do".into(), "Anh".into()));
        assert_eq!(split_name("Anh Do MD"), ("Do".into(), "Anh".into()));
    }

    #[test]
    fn people_of_one_family_order_by_given_name() {
        assert_eq!(
            sorted(&["Zoe Nair", "Dr. Priya Nair", "Arjun Nair"]),
            ["Arjun Nair", "Dr. Priya Nair", "Zoe Nair"]
        );
    }

    #[test]
    fn case_accents_and_apostrophes_do_not_change_the_order() {
        assert_eq!(family_sort_key("Ana Núñez"), family_sort_key("ana nunez"));
        assert_eq!(
            family_sort_key("Kevin O'Brien"),
            family_sort_key("Kevin OBrien")
        );
        assert!(family_sort_key("Kevin O'Brien") < family_sort_key("Priya Ortega"));
    }
}
