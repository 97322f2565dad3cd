//! What the PHI check reads in a programme's report before it leaves the machine: the
//! text people typed that the report prints (the PDF is typeset in `pdf/programme.rs`).

use super::phi::field_hits;
use super::PhiHit;
use crate::programmes::ProgrammeOverview;

/// What looks like patient data in the programme's report, by programme, wave and
/// debrief.
pub fn programme_phi_check(overview: &ProgrammeOverview) -> Vec<PhiHit> {
    let programme = &overview.programme;
    let entity = format!("Programme \"{}\"", programme.name);
    let mut hits = Vec::new();
    for (field, value) in [
        ("name", &programme.name),
        ("description", &programme.description),
        ("owner", &programme.owner),
    ] {
        hits.extend(field_hits(&entity, field, value));
    }
    for wave in &overview.waves {
        let entity = format!("Wave {} \"{}\"", wave.number, wave.rollout.name);
        hits.extend(field_hits(&entity, "name", &wave.rollout.name));
        hits.extend(field_hits(&entity, "owner", &wave.rollout.owner));
        hits.extend(field_hits(&entity, "sites", &wave.rollout.sites.join(", ")));
        for lesson in &wave.lessons {
            let entity = format!("Debrief \"{}\" of {}", lesson.title, lesson.rollout_name);
            for (field, value) in [
                ("title", &lesson.title),
                ("what we changed", &lesson.changed),
                ("the check next time", &lesson.next_check),
            ] {
                hits.extend(field_hits(&entity, field, value));
            }
        }
    }
    hits
}
