//! The Microsoft Project XML reader fed arbitrary bytes, damaged XML and random plans
//! assembled from the elements MSPDI files hold (tasks at any outline level, links of
//! any type to any UID, dates in and out of order, assignments to resources that exist
//! and that do not). Whatever the file, reading it never panics and a refusal says why;
//! a plan it reads imports whole or not at all, as its preview said.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fuzz_common;

use fuzz_common::{clinic, config, row_counts};
use proptest::prelude::*;
use rollplan_core::plan::mspdi::parse_plan_file;
use rollplan_core::CoreError;

/// One `<Task>` from random parts; `plan` gives it its UID in place of `#UID`.
fn task() -> impl Strategy<Value = String> {
    let level = prop_oneof![
        2 => Just(String::new()),
        6 => (1u8..4).prop_map(|l| format!("<OutlineLevel>{l}</OutlineLevel>")),
        1 => Just("<OutlineLevel>0</OutlineLevel>".to_owned()),
    ];
    // A start and a length; now and then a finish before the start, or no date at all.
    let dates = prop_oneof![
        60 => (1u32..20, 0u32..6).prop_map(|(day, length)| (
            format!("2027-01-{day:02}T08:00:00"),
            format!("2027-01-{:02}T17:00:00", day + length),
        )),
        1 => Just(("2027-01-09T08:00:00".to_owned(), "2027-01-08T17:00:00".to_owned())),
        1 => Just(("not a date".to_owned(), String::new())),
        1 => Just((String::new(), String::new())),
    ];
    // `plan` points `#P<n>` at one of its tasks; now and then at a UID it lacks.
    let link = (prop_oneof![30 => (0u32..100).prop_map(|n| format!("#P{n:02}")), 1 => Just("77".to_owned())], prop_oneof![30 => 0u8..4, 1 => 4u8..6], -20_000i64..20_000, prop_oneof![Just(7u8), Just(8), Just(19), Just(39)]).prop_map(
        |(uid, kind, lag, format)| {
            format!(
                "<PredecessorLink><PredecessorUID>{uid}</PredecessorUID><Type>{kind}</Type>\
                 <LinkLag>{lag}</LinkLag><LagFormat>{format}</LagFormat></PredecessorLink>"
            )
        },
    );
    let name = prop_oneof![
        proptest::sample::select(vec![
            "Build",
            "Test",
            "Go-live",
            "Build",
            "Train &amp; go",
            ""
        ])
        .prop_map(String::from),
        "[ -~]{0,12}".prop_map(|s| s.replace(['<', '&'], "")),
    ];
    (
        name,
        level,
        dates,
        proptest::collection::vec(link, 0..3),
        any::<bool>(),
        prop_oneof![Just(""), Just("0"), Just("50"), Just("100"), Just("150")],
        prop_oneof![Just(""), Just("0"), Just("2"), Just("4")],
    )
        .prop_map(
            |(name, level, (start, finish), links, milestone, percent, constraint)| {
                format!(
                    "<Task><UID>#UID</UID><ID>#UID</ID><Name>{name}</Name>{level}\
                     <Start>{start}</Start><Finish>{finish}</Finish>\
                     <Milestone>{}</Milestone><PercentComplete>{percent}</PercentComplete>\
                     <ConstraintType>{constraint}</ConstraintType>{}</Task>",
                    u8::from(milestone),
                    links.concat()
                )
            },
        )
}

fn plan() -> impl Strategy<Value = String> {
    let assignment = (1i64..12, prop_oneof![6 => Just(-65535i64), 20 => 1i64..3, 1 => Just(9)]).prop_map(|(task, resource)| {
        format!("<Assignment><TaskUID>{task}</TaskUID><ResourceUID>{resource}</ResourceUID></Assignment>")
    });
    (
        proptest::collection::vec(task(), 1..10),
        proptest::collection::vec(assignment, 0..6),
    )
        .prop_map(|(tasks, assignments)| {
            // UIDs from 1 in file order, as MS Project numbers them (a duplicate is
            // refused before anything else would be tried).
            let tasks: Vec<String> = tasks.iter().zip(1..).map(|(task, uid)| task.replace("#UID", &uid.to_string())).collect();
            let mut tasks = tasks.concat();
            while let Some(at) = tasks.find("#P") {
                let n: usize = tasks[at + 2..at + 4].parse().unwrap_or(0);
                let uid = n % tasks_count(&tasks) + 1;
                tasks.replace_range(at..at + 4, &uid.to_string());
            }
            format!(
                "<?xml version=\"1.0\"?><Project xmlns=\"http://schemas.microsoft.com/project\">\
                 <Tasks>{}</Tasks><Resources>\
                 <Resource><UID>1</UID><Name>Ana Ruiz</Name></Resource>\
                 <Resource><UID>2</UID><Name>Someone Else</Name><EmailAddress>ana@riverside.org</EmailAddress></Resource>\
                 </Resources><Assignments>{}</Assignments></Project>",
                tasks,
                assignments.concat()
            )
        })
}

fn tasks_count(tasks: &str) -> usize {
    tasks.matches("<Task>").count().max(1)
}

/// Text that is almost a plan: a real one cut, spliced or sprinkled with markup.
fn damaged() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        any::<Vec<u8>>(),
        (plan(), any::<usize>()).prop_map(|(plan, cut)| {
            let bytes = plan.into_bytes();
            let at = cut % (bytes.len() + 1);
            bytes[..at].to_vec()
        }),
        (
            plan(),
            any::<usize>(),
            "[<>&;!\\[\\]/=\"' a-zA-Z#0-9]{0,12}"
        )
            .prop_map(|(plan, at, junk)| {
                let mut text = plan;
                let mut at = at % (text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, &junk);
                text.into_bytes()
            }),
    ]
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn no_file_makes_the_reader_panic(bytes in damaged()) {
        if let Err(error) = parse_plan_file("plan.xml", bytes) {
            prop_assert!(
                error.to_string().starts_with("plan.xml: "),
                "a refusal names the file: {}", error
            );
        }
    }
}

proptest! {
    #![proptest_config(config(60))]

    #[test]
    fn a_random_plan_imports_whole_or_not_at_all(xml in plan()) {
        let Ok(table) = parse_plan_file("plan.xml", xml.into_bytes()) else {
            return Ok(());
        };
        let clinic = clinic();
        let before = row_counts(&clinic.path);
        let previewed = clinic.store.preview_task_import(&clinic.rollout, &table);
        prop_assert_eq!(&before, &row_counts(&clinic.path), "a preview writes nothing");
        let imported = clinic.store.import_tasks(&clinic.rollout, &table);
        match (previewed, imported) {
            (Ok(preview), Ok(report)) => prop_assert_eq!(preview, report, "the import does what the preview said"),
            // A preview lists the file's problems; the import refuses with the same list.
            (Ok(preview), Err(CoreError::ImportProblems { problems, .. })) if !preview.can_import => {
prop_assert!(
                    preview.problems.iter().all(|p| problems.contains(p)),
                    "refused for the problems the preview listed (and any owner left to settle)"
                );
                prop_assert_eq!(&before, &row_counts(&clinic.path), "a refused import writes nothing");
            }
            (Err(preview), Err(import)) => {
                prop_assert_eq!(preview.to_string(), import.to_string(), "refused for the same reason");
                prop_assert_eq!(&before, &row_counts(&clinic.path), "a refused import writes nothing");
            }
            (preview, import) => prop_assert!(false, "preview {:?} but import {:?}", preview, import),
        }
    }
}

/// The property above means something only if the random plans get past the reader
/// often enough to reach the import.
#[test]
fn most_random_plans_reach_the_import() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = plan();
    let read = (0..200)
        .filter(|_| {
            let xml = strategy.new_tree(&mut runner).unwrap().current();
            parse_plan_file("plan.xml", xml.into_bytes()).is_ok()
        })
        .count();
    assert!(read >= 60, "only {read} of 200 random plans were read");
}
