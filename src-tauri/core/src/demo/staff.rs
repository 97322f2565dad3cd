//! The sample clinic's staff directory: a few dozen people across two clinics and a
//! billing office, with super-users and someone who has left.

use crate::people::{find_role_by_name, insert_person, PersonDraft};
use crate::Result;

/// (name, role, department, super-user, active)
pub(super) const STAFF: &[(&str, &str, &str, bool, bool)] = &[
    ("Dana Whitfield", "Practice manager", RIVERSIDE, false, true),
    ("Dr. Amara Okafor", "Provider", RIVERSIDE, false, true),
    ("Dr. Samuel Reyes", "Provider", RIVERSIDE, false, true),
    ("Dr. Helen Park", "Provider", NORTHGATE, false, true),
    ("Jordan Blake, NP", "Provider", NORTHGATE, false, true),
    ("Grace Kim", "Registered nurse (RN)", RIVERSIDE, true, true),
    (
        "Tomás Alvarez",
        "Registered nurse (RN)",
        NORTHGATE,
        false,
        true,
    ),
    (
        "Luis Ortega",
        "Medical assistant (MA)",
        RIVERSIDE,
        true,
        true,
    ),
    (
        "Keisha Brown",
        "Medical assistant (MA)",
        RIVERSIDE,
        false,
        true,
    ),
    (
        "Fatima Haddad",
        "Medical assistant (MA)",
        NORTHGATE,
        false,
        true,
    ),
    ("Mei Chen", "Medical assistant (MA)", NORTHGATE, true, true),
    (
        "Brian Foster",
        "Medical assistant (MA)",
        RIVERSIDE,
        false,
        false,
    ),
    ("Priya Nair", "Front desk", RIVERSIDE, true, true),
    ("Carlos Diaz", "Front desk", RIVERSIDE, false, true),
    ("Aisha Johnson", "Front desk", NORTHGATE, false, true),
    ("Emily Novak", "Front desk", NORTHGATE, false, true),
    ("Rosa Martinez", "Scheduler", RIVERSIDE, false, true),
    ("Kevin O'Brien", "Biller / coder", BILLING, false, true),
    ("Linda Tran", "Biller / coder", BILLING, false, true),
    ("Marcus Bell", "Practice manager", RIVERSIDE, false, true),
    ("Dr. Olivia Grant", "Provider", RIVERSIDE, false, true),
    ("Dr. Rajesh Iyer", "Provider", NORTHGATE, false, true),
    (
        "Hannah Weiss",
        "Registered nurse (RN)",
        RIVERSIDE,
        false,
        true,
    ),
    (
        "Samuel Okoye",
        "Registered nurse (RN)",
        RIVERSIDE,
        false,
        true,
    ),
    (
        "Nadia Rahman",
        "Medical assistant (MA)",
        RIVERSIDE,
        false,
        true,
    ),
    (
        "Jake Sullivan",
        "Medical assistant (MA)",
        NORTHGATE,
        false,
        true,
    ),
    (
        "Sofia Rossi",
        "Medical assistant (MA)",
        RIVERSIDE,
        false,
        true,
    ),
    (
        "Andre Thomas",
        "Medical assistant (MA)",
        NORTHGATE,
        false,
        true,
    ),
    ("Lucy Zhang", "Front desk", RIVERSIDE, false, true),
    ("Marcus Reed", "Front desk", NORTHGATE, true, true),
    ("Yasmin Ali", "Front desk", RIVERSIDE, false, true),
    ("Peter Novak", "Scheduler", NORTHGATE, false, true),
    ("Gloria Mendez", "Scheduler", RIVERSIDE, false, true),
    ("Diane Carter", "Biller / coder", BILLING, false, true),
    ("Omar Farouk", "Biller / coder", BILLING, false, true),
    ("Chloe Martin", "Front desk", NORTHGATE, false, false),
];
const RIVERSIDE: &str = "Riverside Family Medicine";
const NORTHGATE: &str = "Northgate Pediatrics";
const BILLING: &str = "Central billing office";

/// The clinic's staff directory, with work emails like dana.whitfield@riversidefh.org.
pub(super) fn seed(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    for &(name, role, department, super_user, active) in STAFF {
        let role_id = find_role_by_name(tx, role)?.map(|(id, _)| id);
        let email = name
            .trim_start_matches("Dr. ")
            .split(',')
            .next()
            .unwrap_or(name)
            .to_lowercase()
            .replace('á', "a")
            .replace(['\'', '.'], "")
            .replace(' ', ".");
        insert_person(
            tx,
            &PersonDraft {
                name: name.to_owned(),
                role_id,
                department: department.to_owned(),
                email: format!("{email}@riversidefh.org"),
                super_user,
                active,
                external: false,
            },
        )?;
    }
    Ok(())
}
