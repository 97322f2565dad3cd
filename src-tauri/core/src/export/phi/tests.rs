//! Realistic positives and negatives of the PHI patterns.

use super::*;

fn kinds(text: &str) -> Vec<PhiKind> {
    scan_text(text).into_iter().map(|(k, _)| k).collect()
}

#[test]
fn finds_what_patient_data_looks_like() {
    use PhiKind::*;
    assert_eq!(kinds("Pt SSN 123-45-6789 called"), [SocialSecurityNumber]);
    assert_eq!(
        kinds("social security no. 123456789"),
        [SocialSecurityNumber]
    );
    assert_eq!(
        kinds("Chart for MRN 1234567 was wrong"),
        [MedicalRecordNumber]
    );
    assert_eq!(kinds("MRN: A0012345"), [MedicalRecordNumber]);
    assert_eq!(kinds("medical record #88812345"), [MedicalRecordNumber]);
    assert_eq!(
        kinds("Maria Lopez DOB 03/04/1957 missed twice"),
        [DateOfBirth]
    );
    assert_eq!(kinds("date of birth: Mar 4, 1957"), [DateOfBirth]);
    assert_eq!(kinds("John Carter, born 1957-03-04, asked"), [DateOfBirth]);
    assert_eq!(kinds("call her back at (555) 123-4567"), [PhoneNumber]);
    assert_eq!(
        kinds("mobile 555-123-4567 or 555.987.6543"),
        [PhoneNumber, PhoneNumber]
    );
    assert_eq!(kinds("+1 555 123 4567"), [PhoneNumber]);
}

#[test]
fn leaves_ordinary_operations_text_alone() {
    for text in [
        "Due 2027-03-01; go-live 03/15/2027",
        "1,200 appointments a week, 14% no-shows",
        "Huddle 7:30-8:00 in room 204",
        "Template v2.3.1 approved; ticket 4521",
        "A workflow born 2024-01-02 of necessity",
        "Invoice 2027-0042-1187 paid",
        "Order 000-12-3456 is a test number",
        "FD-012 step 3",
        "Reminders at 48 h and 2 h",
    ] {
        assert!(
            kinds(text).is_empty(),
            "no hit expected in {text:?}: {:?}",
            kinds(text)
        );
    }
}

#[test]
fn a_hit_names_its_entity_and_field_with_an_excerpt() {
    let sop = Sop {
        id: "s".into(),
        code: "FD-1".into(),
        title: "Check-in".into(),
        purpose: String::new(),
        scope: String::new(),
        owner: String::new(),
        status: crate::sops::SopStatus::Draft,
        version: 1,
        effective_date: None,
        review_interval_months: 12,
        next_review_override: None,
        last_reviewed_on: None,
        next_review_date: None,
        approved_version: None,
        tags: vec![],
        steps: vec![crate::sops::Step {
            id: "step".into(),
            role: "Front desk".into(),
            instruction: "Example: patient MRN 7654321 had no insurance card on file".into(),
            quality_check: String::new(),
        }],
        exceptions: vec![],
        replaces: None,
        row_version: 1,
    };
    let hits = sop_phi_check(&sop);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].entity, "SOP FD-1 step 1");
    assert_eq!(hits[0].field, "instruction");
    assert_eq!(hits[0].kind, PhiKind::MedicalRecordNumber);
    assert!(
        hits[0].excerpt.contains("MRN 7654321"),
        "{}",
        hits[0].excerpt
    );
}
