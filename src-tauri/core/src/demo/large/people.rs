//! A health group's staff directory: 1,000 people over ten sites and a billing office,
//! in the proportions of a primary-care group (many MAs and front desk, a provider for
//! every six or seven staff), about one super-user per nine people, a few who have left.

use std::collections::HashSet;

use rusqlite::Transaction;

use super::rng::Rng;
use crate::people::{find_role_by_name, insert_person, insert_role, PersonDraft};
use crate::Result;

pub(super) const SITES: &[&str] = &[
    "Riverside Family Medicine",
    "Northgate Pediatrics",
    "Eastside Internal Medicine",
    "Lakeview Women's Health",
    "Hillcrest Urgent Care",
    "Westbrook Family Practice",
    "Southpoint Orthopedics",
    "Maple Street Behavioral Health",
    "Harbor Cardiology",
    "Cedar Grove Community Clinic",
];
pub(super) const BILLING_OFFICE: &str = "Central billing office";

/// (role, share of the directory in thousandths); roles the clinic does not start with
/// are added to the managed list.
const ROLES: &[(&str, usize)] = &[
    ("Front desk", 170),
    ("Medical assistant (MA)", 240),
    ("Registered nurse (RN)", 120),
    ("Provider", 150),
    ("Biller / coder", 70),
    ("Scheduler", 80),
    ("Practice manager", 30),
    ("Referral coordinator", 80),
    ("Medical records specialist", 60),
];

// Name lists: a few to a line, as people write them.
#[rustfmt::skip]
const FIRST: &[&str] = &[
    "Aaliyah", "Adrian", "Aisha", "Alejandro", "Amara", "Ana", "Andre", "Angela", "Arjun",
    "Beatriz", "Ben", "Bianca", "Brandon", "Camila", "Carlos", "Chen", "Chloe", "Chris",
    "Daniel", "Deepa", "Diana", "Dmitri", "Elena", "Elijah", "Emily", "Farah", "Fatima",
    "Felix", "Gabriel", "Grace", "Hana", "Hannah", "Hector", "Imani", "Isaac", "Ivy",
    "Jamal", "Jasmine", "Javier", "Jin", "Jordan", "Julia", "Kai", "Keisha", "Kevin",
    "Kofi", "Laila", "Laura", "Leo", "Linh", "Lucia", "Luis", "Maya", "Mei", "Michael",
    "Miguel", "Mina", "Nadia", "Naomi", "Nikhil", "Noah", "Olivia", "Omar", "Paula",
    "Priya", "Rafael", "Rania", "Rosa", "Ryan", "Samira", "Samuel", "Sara", "Sean", "Sofia",
    "Tariq", "Teresa", "Thomas", "Uma", "Victor", "Wei", "Yara", "Yusuf", "Zoe",
];
#[rustfmt::skip]
const LAST: &[&str] = &[
    "Abbott", "Adeyemi", "Alvarez", "Anderson", "Bakshi", "Barnes", "Bell", "Brennan",
    "Brooks", "Campbell", "Castillo", "Chandra", "Chen", "Clarke", "Coleman", "Cruz",
    "Dang", "Davies", "Delgado", "Diaz", "Dubois", "Edwards", "Ellis", "Evans", "Farouk",
    "Fischer", "Flores", "Foster", "Garcia", "Gonzalez", "Grant", "Gupta", "Haddad", "Hall",
    "Hassan", "Hayes", "Herrera", "Hughes", "Ibrahim", "Ito", "Jackson", "Jensen",
    "Johnson", "Kaur", "Kelly", "Khan", "Kim", "Kowalski", "Lee", "Lopez", "Mahmoud",
    "Martin", "Martinez", "Mendez", "Mensah", "Moreno", "Murphy", "Nair", "Nguyen", "Novak",
    "Nunez", "O'Brien", "Okafor", "Okoye", "Ortega", "Owusu", "Park", "Patel", "Perez",
    "Petrov", "Quinn", "Rahman", "Ramirez", "Reed", "Reyes", "Rivera", "Rossi", "Russo",
    "Sanchez", "Santos", "Schmidt", "Shah", "Silva", "Singh", "Sullivan", "Tanaka",
    "Taylor", "Torres", "Tran", "Turner", "Vargas", "Walker", "Wang", "Weiss", "Whitfield",
    "Williams", "Wong", "Yamamoto", "Young", "Zhang",
];

/// Someone in the generated directory, as the rest of the workspace refers to them.
pub(super) struct Staff {
    pub id: String,
    pub name: String,
    pub role: &'static str,
    pub active: bool,
    pub super_user: bool,
}

/// The role names of the directory, the clinic's own and the added ones.
pub(super) fn role_names() -> impl Iterator<Item = &'static str> {
    ROLES.iter().map(|(name, _)| *name)
}

pub(super) fn seed(tx: &Transaction<'_>, rng: &mut Rng, count: usize) -> Result<Vec<Staff>> {
    let mut role_ids = Vec::with_capacity(ROLES.len());
    for (name, _) in ROLES {
        let id = match find_role_by_name(tx, name)? {
            Some((id, _)) => id,
            None => insert_role(tx, name)?,
        };
        role_ids.push(id);
    }
    let total_share: usize = ROLES.iter().map(|(_, share)| share).sum();
    let mut emails = HashSet::with_capacity(count);
    let mut staff = Vec::with_capacity(count);
    for index in 0..count {
        // Roles in proportion, spread evenly through the directory.
        let slot = index * total_share / count;
        let mut acc = 0;
        let role = ROLES
            .iter()
            .position(|(_, share)| {
                acc += share;
                slot < acc
            })
            .unwrap_or(0);
        let (role_name, _) = ROLES[role];
        let (first, last) = (*rng.pick(FIRST), *rng.pick(LAST));
        let name = match role_name {
            "Provider" if rng.chance(0.2) => format!("{first} {last}, NP"),
            "Provider" => format!("Dr. {first} {last}"),
            _ => format!("{first} {last}"),
        };
        let department = match role_name {
            "Biller / coder" => BILLING_OFFICE,
            _ => SITES[rng.below(SITES.len())],
        };
        let local = format!("{first}.{last}").to_lowercase().replace('\'', "");
        let mut email = format!("{local}@harborviewhealth.org");
        let mut n = 2;
        while !emails.insert(email.clone()) {
            email = format!("{local}{n}@harborviewhealth.org");
            n += 1;
        }
        let super_user = role_name != "Provider" && rng.chance(0.13);
        let active = !rng.chance(0.02);
        let person = insert_person(
            tx,
            &PersonDraft {
                name: name.clone(),
                role_id: Some(role_ids[role].clone()),
                department: department.to_owned(),
                email,
                super_user,
                active,
                external: false,
            },
        )?;
        staff.push(Staff {
            id: person.id,
            name,
            role: role_name,
            active,
            super_user,
        });
    }
    Ok(staff)
}
