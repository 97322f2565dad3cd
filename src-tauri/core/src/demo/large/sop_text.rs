//! What the generated SOP library is written from: families of procedures a clinic runs
//! (DOMAIN.md's examples and their neighbours), each family with its code prefix, tag
//! and owner's role; each procedure with its purpose and its own steps by role; steps
//! most procedures share; and the exceptions that come up at a clinic.

/// (role, instruction, quality check or stop-the-line rule)
pub(super) type StepText = (&'static str, &'static str, &'static str);
/// (title, purpose, steps)
pub(super) type Topic = (&'static str, &'static str, &'static [StepText]);
/// (code prefix, tag, owner's role, procedures)
pub(super) type Family = (&'static str, &'static str, &'static str, &'static [Topic]);

// Tables of text: one row a line reads better than rustfmt's one field a line.
#[rustfmt::skip]
pub(super) const FAMILIES: &[Family] = &[
    ("FD", "front desk", "Front desk", &[
        ("Patient check-in and insurance verification", "Every patient is identified and their coverage verified before being roomed.", &[
            ("Front desk", "Greet the patient and confirm two identifiers (name and date of birth).", ""),
            ("Front desk", "Scan the insurance card and photo ID into the chart.", ""),
            ("Front desk", "Run the real-time eligibility check.", "Stop the line if coverage is inactive: do not room the patient."),
            ("Front desk", "Collect the copay and print the receipt.", ""),
            ("Front desk", "Mark the patient arrived so the MA sees them in the queue.", ""),
        ]),
        ("New patient registration", "New patients are registered completely before their first visit.", &[
            ("Front desk", "Send the registration link when the visit is booked.", ""),
            ("Front desk", "Check the demographics, guarantor and emergency contact.", "Stop the line if the guarantor is missing for a minor."),
            ("Front desk", "Record the preferred language and whether an interpreter is needed.", ""),
            ("Front desk", "Have the patient sign the consent and privacy notice.", ""),
        ]),
        ("Patient portal sign-up at check-in", "Every patient seen leaves with an active portal account or a reason recorded.", &[
            ("Front desk", "Ask whether the patient uses the portal.", ""),
            ("Front desk", "Send the activation text to the mobile number on file.", ""),
            ("Front desk", "Record a declined sign-up with its reason.", ""),
        ]),
    ]),
    ("SC", "scheduling", "Scheduler", &[
        ("Appointment scheduling and waitlist", "Patients get the right visit type with the right provider at the first call.", &[
            ("Scheduler", "Ask the reason for the visit and choose the visit type from the guide.", "Stop the line if the reason suggests an emergency: transfer to the nurse line."),
            ("Scheduler", "Offer the first open slot with the patient's own provider.", ""),
            ("Scheduler", "Add the patient to the waitlist if no slot fits within 14 days.", ""),
            ("Scheduler", "Send the confirmation text with the address and what to bring.", ""),
        ]),
        ("No-show and late-arrival follow-up", "Every no-show is called the same day and offered a new appointment.", &[
            ("Front desk", "Mark the no-show 15 minutes after the appointment time.", ""),
            ("Front desk", "Call each no-show the same day and offer a new appointment.", ""),
            ("Front desk", "After a third no-show in 12 months, send the attendance letter.", ""),
            ("Front desk", "Offer a late arrival the next open slot or a work-in if the provider agrees.", ""),
        ]),
        ("Recall lists for chronic care", "Patients due for chronic-care visits are contacted before they are overdue.", &[
            ("Scheduler", "Run the recall report on the first business day of the month.", ""),
            ("Scheduler", "Call or text each patient on the list and book the visit.", ""),
            ("Scheduler", "After three attempts, send a letter and note it in the chart.", ""),
        ]),
    ]),
    ("RX", "clinical", "Registered nurse (RN)", &[
        ("Prescription refill requests", "Refill requests are answered within two business days, safely.", &[
            ("Front desk", "Route phone and fax requests to the refill pool in the EHR.", ""),
            ("MA", "Check the last visit date and the medication list.", "Stop the line if the last visit is over 12 months ago."),
            ("Provider", "Approve, deny or ask for a visit.", ""),
            ("MA", "Tell the patient the outcome through their preferred channel.", ""),
        ]),
        ("Controlled-substance refills", "No controlled-substance refill without a PDMP check and a current agreement.", &[
            ("MA", "Check the state prescription monitoring program (PDMP).", "Stop the line without a PDMP check on file."),
            ("MA", "Confirm the controlled-substance agreement is signed and current.", ""),
            ("Provider", "Review the PDMP report and decide.", ""),
            ("Registered nurse (RN)", "Arrange a urine drug screen when the agreement calls for one.", ""),
        ]),
    ]),
    ("REF", "referrals", "Referral coordinator", &[
        ("Prior authorization requests", "Requests reach the payer complete the first time, and no visit waits on a missing authorization.", &[
            ("Scheduler", "Check the payer's prior-authorization list when booking imaging, procedures and specialty drugs.", ""),
            ("Referral coordinator", "Submit the request with clinical notes within one business day.", "Stop the line if notes are missing: ask the provider first."),
            ("Referral coordinator", "Record the authorization number and dates in the appointment.", ""),
        ]),
        ("Referral management", "Every referral is sent, scheduled and its report filed.", &[
            ("Referral coordinator", "Send the referral with the reason and notes to the specialist.", ""),
            ("Referral coordinator", "Confirm the specialist booked the patient within ten business days.", ""),
            ("Medical records specialist", "File the consult report and route it to the ordering provider.", "Stop the line if the report is not in the chart 30 days after the visit."),
        ]),
    ]),
    ("CL", "clinical", "Registered nurse (RN)", &[
        ("Rooming and vital signs", "Every patient is roomed with vitals, medications and screenings done.", &[
            ("MA", "Room the patient and take vital signs.", "Stop the line if blood pressure is over 180/110: tell the provider now."),
            ("MA", "Review the medication list with the patient and mark changes.", ""),
            ("MA", "Complete the screenings due for the patient's age.", ""),
            ("MA", "Flag the room for the provider.", ""),
        ]),
        ("Abnormal results follow-up", "Every abnormal result reaches the patient within the agreed time.", &[
            ("Registered nurse (RN)", "Review new results in the in-basket twice a day.", ""),
            ("Provider", "Sign each abnormal result with the next step.", "Stop the line for a critical value: call the patient today."),
            ("Registered nurse (RN)", "Call the patient and book what the provider ordered.", ""),
        ]),
        ("Vaccine storage and cold chain", "Vaccines stay between 2 and 8 °C from delivery to the arm.", &[
            ("MA", "Read and log the fridge temperature at opening and closing.", "Stop the line if the temperature is out of range: quarantine the vaccines."),
            ("MA", "Unpack deliveries into the fridge within 15 minutes.", ""),
            ("Registered nurse (RN)", "Rotate stock so the earliest expiry is used first.", ""),
        ]),
    ]),
    ("BL", "billing", "Biller / coder", &[
        ("Charge capture and end-of-day reconciliation", "Every visit has its charges entered by the end of the next business day.", &[
            ("Biller / coder", "Run the unbilled-encounters report at the end of clinic.", ""),
            ("Biller / coder", "Match each encounter to its charges and codes.", "Stop the line if a procedure has no diagnosis linked."),
            ("Front desk", "Balance the cash drawer against the day's payments.", "Stop the line if the drawer does not balance."),
        ]),
        ("Denial management", "Every denial is worked within five business days and its cause fixed.", &[
            ("Biller / coder", "Sort denials by reason and work the largest first.", ""),
            ("Biller / coder", "Correct and resubmit, or appeal with the records.", ""),
            ("Practice manager", "Fix the top denial cause at its source each month.", ""),
        ]),
    ]),
    ("EHR", "EHR", "Practice manager", &[
        ("EHR downtime (planned and unplanned)", "Patients are seen safely while the EHR is unavailable, and nothing is lost when it returns.", &[
            ("Practice manager", "Announce downtime on the overhead and the team chat.", ""),
            ("Front desk", "Print the day's schedule from the downtime report.", ""),
            ("MA", "Document vitals and rooming on the paper encounter form.", ""),
            ("Provider", "Write prescriptions on the paper pad; no controlled substances without the PDMP check.", "Stop the line for controlled substances."),
            ("Medical records specialist", "Scan paper forms into the chart after recovery.", "Stop the line if a form has no patient label."),
        ]),
        ("User accounts and security roles", "Everyone has the access their role needs and no more.", &[
            ("Practice manager", "Request the account with the role template on the hire date.", ""),
            ("Practice manager", "Remove access on the last working day.", "Stop the line if a leaver still has access the next morning."),
            ("Practice manager", "Review access by role every quarter.", ""),
        ]),
    ]),
    ("PRV", "privacy", "Practice manager", &[
        ("PHI release requests", "Records leave the clinic only with a valid authorization.", &[
            ("Medical records specialist", "Check the authorization form is complete and signed.", "Stop the line if the form is older than one year."),
            ("Medical records specialist", "Verify the requester's identity.", ""),
            ("Medical records specialist", "Release only the records the authorization names.", ""),
            ("Practice manager", "Record the disclosure in the accounting log.", ""),
        ]),
        ("Privacy incident reporting", "Every suspected breach is reported within one business day.", &[
            ("Front desk", "Stop the disclosure and tell the practice manager.", ""),
            ("Practice manager", "Report the incident to the privacy officer.", ""),
            ("Practice manager", "Record what was disclosed, to whom and when.", ""),
        ]),
    ]),
    ("IC", "infection control", "Registered nurse (RN)", &[
        ("Exam room turnover cleaning", "Every room is cleaned between patients.", &[
            ("MA", "Wipe down the exam table, counters and equipment touched.", ""),
            ("MA", "Change the table paper and check the sharps container.", "Stop the line if the sharps container is over the fill line."),
        ]),
        ("Respiratory illness screening", "Patients with respiratory symptoms are masked and roomed first.", &[
            ("Front desk", "Ask every arriving patient the screening questions.", ""),
            ("Front desk", "Offer a mask and room symptomatic patients first.", ""),
            ("Registered nurse (RN)", "Observe ten hand-hygiene opportunities a week and record them.", ""),
        ]),
    ]),
];

/// Steps that belong in most procedures, after their own.
#[rustfmt::skip]
pub(super) const SHARED_STEPS: &[StepText] = &[
    ("Front desk", "Confirm the patient's identity with two identifiers.", ""),
    ("Front desk", "Use the interpreter line for patients who prefer another language.", ""),
    ("MA", "Document what was done in the encounter before the patient leaves.", ""),
    ("Registered nurse (RN)", "Escalate anything outside the protocol to the provider on duty.", ""),
    ("Scheduler", "Record the outcome in the appointment notes.", ""),
    ("Provider", "Sign off the encounter by the end of the day.", "Stop the line if the note is unsigned at close of clinic."),
    ("Medical records specialist", "File outside documents in the chart within two business days.", ""),
    ("Practice manager", "Review the log at the weekly huddle and assign follow-ups.", ""),
    ("Practice manager", "Check a sample of ten cases a month against this SOP.", ""),
];

/// Settings a long procedure repeats its steps for.
pub(super) const CONTEXTS: &[&str] = &[
    "For new patients",
    "For telehealth visits",
    "For walk-ins",
    "After hours",
    "For pediatric patients",
    "For patients with a guardian",
];

/// (trigger, action, escalate to, within, evidence)
#[rustfmt::skip]
pub(super) const EXCEPTIONS: &[(&str, &str, &str, &str, &str)] = &[
    ("Insurance cannot be verified", "Offer a self-pay estimate; reschedule if the patient declines", "Front-desk lead", "15 minutes", "Note in the encounter"),
    ("Patient arrives more than 15 minutes late", "Offer the next open slot or a same-day work-in if the provider agrees", "Charge nurse", "5 minutes", "Late-arrival log"),
    ("The EHR is down", "Switch to the downtime forms", "Practice manager", "Immediately", "Paper forms scanned after recovery"),
    ("The authorization is denied", "Tell the provider the same day and offer a peer-to-peer review", "Provider", "1 business day", "Denial letter in the chart"),
    ("A refill is for a controlled substance", "Route to the provider with the PDMP report attached", "Provider", "Same day", "PDMP report in the chart"),
    ("No interpreter is available", "Use the phone interpreter line; never a family member for clinical content", "Practice manager", "10 minutes", "Interpreter ID in the note"),
    ("The patient declines", "Record the reason and what was offered", "Provider", "Same day", "Declination in the chart"),
    ("The payer portal is down", "Fax the request and call the payer to confirm receipt", "Referral coordinator", "4 hours", "Fax confirmation"),
    ("The vaccine fridge is out of range", "Quarantine the vaccines and call the manufacturer", "Registered nurse (RN)", "30 minutes", "Temperature log and call reference"),
    ("A suspected privacy breach", "Stop the disclosure and report it", "Privacy officer", "1 business day", "Incident report"),
];
