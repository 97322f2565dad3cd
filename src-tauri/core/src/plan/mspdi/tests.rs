//! The MSPDI reader on small plans written by hand, one element or edge case each: the
//! table it gives is what the task import then reads.

use super::*;

/// A task element from its inner XML.
fn task(uid: i64, id: i64, name: &str, level: usize, outline: &str, more: &str) -> String {
    format!(
        "<Task><UID>{uid}</UID><ID>{id}</ID><Name>{name}</Name><OutlineNumber>{outline}</OutlineNumber>\
         <OutlineLevel>{level}</OutlineLevel><Start>2027-01-11T08:00:00</Start>\
         <Finish>2027-01-15T17:00:00</Finish><Duration>PT40H0M0S</Duration>{more}</Task>"
    )
}

fn summary(uid: i64, id: i64, name: &str, level: usize, outline: &str) -> String {
    task(uid, id, name, level, outline, "<Summary>1</Summary>")
}

fn link(uid: i64, kind: u8, lag: i64, format: u8) -> String {
    format!(
        "<PredecessorLink><PredecessorUID>{uid}</PredecessorUID><Type>{kind}</Type>\
         <LinkLag>{lag}</LinkLag><LagFormat>{format}</LagFormat></PredecessorLink>"
    )
}

fn project(tasks: &[String], resources: &str, assignments: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Project xmlns=\"http://schemas.microsoft.com/project\"><SaveVersion>14</SaveVersion>\
         <Name>Vendor plan.xml</Name><Tasks>\
         <Task><UID>0</UID><ID>0</ID><Name>Vendor plan</Name><OutlineLevel>0</OutlineLevel>\
         <Summary>1</Summary></Task>{}</Tasks><Resources>{resources}</Resources>\
         <Assignments>{assignments}</Assignments></Project>",
        tasks.concat()
    )
}

fn table(xml: &str) -> Table {
    parse_plan_file("vendor.xml", xml.as_bytes().to_vec()).expect("the plan reads")
}

fn refused(xml: &str) -> String {
    parse_plan_file("vendor.xml", xml.as_bytes().to_vec())
        .expect_err("the plan is refused")
        .to_string()
}

/// The named column of a row.
fn cell<'t>(table: &'t Table, row: usize, column: &str) -> &'t str {
    let at = table.headers.iter().position(|h| h == column);
    table.rows[row].cell(at)
}

#[test]
fn summary_tasks_become_phases_and_deeper_ones_lead_the_title() {
    // Written out of order: the rows follow the outline numbers.
    let xml = project(
        &[
            task(5, 5, "Go-live", 1, "3", "<Milestone>1</Milestone>"),
            summary(1, 1, "Build", 1, "1"),
            summary(2, 2, "Interfaces", 2, "1.1"),
            task(3, 3, "Lab results feed", 3, "1.1.1", ""),
            task(4, 4, "Order sets", 2, "1.2", ""),
            summary(6, 6, "Training", 1, "2"),
            task(7, 7, "Front desk classes", 2, "2.1", ""),
        ],
        "",
        "",
    );
    let table = table(&xml);
    assert_eq!(
        table.headers,
        to_table::HEADERS,
        "MS Project's column names"
    );
    let rows: Vec<(usize, &str, &str)> = (0..table.rows.len())
        .map(|r| {
            (
                table.rows[r].line,
                cell(&table, r, "Name"),
                cell(&table, r, "Phase"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (3, "Interfaces › Lab results feed", "Build"),
            (4, "Order sets", "Build"),
            (7, "Front desk classes", "Training"),
            (5, "Go-live", ""),
        ],
        "summary tasks are not rows, the project summary task is skipped, rows are in \
         outline order and numbered by ID"
    );
    assert!(
        table.notes.is_empty(),
        "nothing was left out: {:?}",
        table.notes
    );
}

#[test]
fn dates_milestones_progress_and_notes_are_read() {
    let xml = project(
        &[
            task(
                1,
                1,
                "Sign-off",
                1,
                "1",
                "<Milestone>1</Milestone><PercentComplete>100</PercentComplete>",
            ),
            task(
                2,
                2,
                "Cutover",
                1,
                "2",
                "<Notes>Weekend &amp; night shift</Notes>",
            )
            .replace("PT40H0M0S", "PT0H0M0S"),
            task(
                3,
                3,
                "Build",
                1,
                "3",
                "<PercentComplete>45</PercentComplete>",
            ),
        ],
        "",
        "",
    );
    let table = table(&xml);
    assert_eq!(cell(&table, 0, "Start"), "2027-01-11", "times are dropped");
    assert_eq!(cell(&table, 0, "Finish"), "2027-01-15");
    assert_eq!(cell(&table, 0, "Milestone"), "Yes", "a flagged milestone");
    assert_eq!(
        cell(&table, 1, "Milestone"),
        "Yes",
        "a task of no duration is one too"
    );
    assert_eq!(cell(&table, 2, "Milestone"), "No");
    assert_eq!(cell(&table, 0, "% Complete"), "100");
    assert_eq!(cell(&table, 2, "% Complete"), "45");
    assert_eq!(cell(&table, 1, "Notes"), "Weekend & night shift");
}

#[test]
fn links_keep_their_type_and_lag_in_whole_days() {
    let xml = project(
        &[
            task(10, 1, "A", 1, "1", ""),
            task(11, 2, "B", 1, "2", &link(10, 1, 0, 7)),
            task(
                12,
                3,
                "C",
                1,
                "3",
                &(link(10, 3, 9600, 7) + &link(11, 0, -4800, 7)),
            ),
            task(13, 4, "D", 1, "4", &link(12, 2, 28800, 8)),
            // 2,400 tenths of a minute is half a working day: rounded to one day.
            task(
                14,
                5,
                "E",
                1,
                "5",
                &(link(13, 1, 2400, 7) + &link(11, 1, 1000, 19)),
            ),
        ],
        "",
        "",
    );
    let table = table(&xml);
    let predecessors: Vec<&str> = (0..5).map(|r| cell(&table, r, "Predecessors")).collect();
    assert_eq!(
        predecessors,
        ["", "1", "1SS+2d; 2FF-1d", "3SF+2d", "4FS+1d; 2"],
        "by ID, with the type unless finish-to-start, and the lag in days (elapsed days \
         of 24 hours, a lead negative)"
    );
    assert_eq!(
        table.notes.len(),
        1,
        "the percentage lag is noted: {:?}",
        table.notes
    );
    assert!(table.notes[0].contains("percentage"), "{:?}", table.notes);
}

#[test]
fn links_to_summary_tasks_and_constraints_are_left_out_and_said() {
    let xml = project(
        &[
            summary(1, 1, "Build", 1, "1"),
            task(
                2,
                2,
                "Configure",
                2,
                "1.1",
                "<ConstraintType>4</ConstraintType>",
            ),
            task(3, 3, "Test", 1, "2", &link(1, 1, 0, 7)),
        ],
        "",
        "",
    );
    let table = table(&xml);
    assert_eq!(cell(&table, 1, "Predecessors"), "", "no link to a phase");
    assert_eq!(table.notes.len(), 2, "{:?}", table.notes);
    assert!(
        table.notes[0].starts_with("1 task had a date constraint"),
        "{:?}",
        table.notes
    );
    assert!(
        table.notes[1].starts_with("1 link to or from summary tasks was"),
        "{:?}",
        table.notes
    );
}

#[test]
fn assignments_give_the_owner_first_and_the_others_after() {
    let resources = "<Resource><UID>0</UID><ID>0</ID></Resource>\
        <Resource><UID>1</UID><ID>1</ID><Name>Ana Rivera</Name><EmailAddress>ana@riverside.org</EmailAddress></Resource>\
        <Resource><UID>2</UID><ID>2</ID><Name>Tom Becker</Name></Resource>";
    let assignments = |pairs: &[(i64, i64)]| {
        pairs
            .iter()
            .zip(1..)
            .map(|((task, resource), uid)| {
                format!("<Assignment><UID>{uid}</UID><TaskUID>{task}</TaskUID><ResourceUID>{resource}</ResourceUID></Assignment>")
            })
            .collect::<String>()
    };
    let tasks = [
        task(1, 1, "Build", 1, "1", ""),
        task(2, 2, "Test", 1, "2", ""),
        task(3, 3, "Train", 1, "3", ""),
    ];
    let xml = project(
        &tasks,
        resources,
        &assignments(&[(1, 1), (1, 2), (2, 2), (2, 1), (3, -65535)]),
    );
    let table = table(&xml);
    assert_eq!(
        cell(&table, 0, "Resource Names"),
        "ana@riverside.org; Tom Becker",
        "the first by email, which the directory matches surely; the others by name"
    );
    assert_eq!(cell(&table, 1, "Resource Names"), "Tom Becker; Ana Rivera");
    assert_eq!(
        cell(&table, 2, "Resource Names"),
        "",
        "MS Project's 'no resource'"
    );

    let unknown = refused(&project(&tasks, resources, &assignments(&[(2, 9)])));
    assert!(
        unknown.contains("'Test' (UID 2)") && unknown.contains("resource UID 9"),
        "a resource the file does not list is named with its task: {unknown}"
    );
}

#[test]
fn broken_plans_are_refused_naming_the_task_and_its_uid() {
    let missing = refused(&project(
        &[task(4, 1, "Test", 1, "1", &link(99, 1, 0, 7))],
        "",
        "",
    ));
    assert!(
        missing.contains("'Test' (UID 4)") && missing.contains("UID 99"),
        "a link to a missing task: {missing}"
    );
    let backwards =
        task(5, 1, "Cutover", 1, "1", "").replace("2027-01-15T17:00:00", "2027-01-08T17:00:00");
    let backwards = refused(&project(&[backwards], "", ""));
    assert!(
        backwards.contains("'Cutover' (UID 5) finishes (2027-01-08) before it starts"),
        "{backwards}"
    );
    assert!(
        backwards.ends_with("(nothing was imported)") && backwards.starts_with("vendor.xml:"),
        "{backwards}"
    );
    let bad_type = refused(&project(
        &[task(6, 1, "A", 1, "1", &link(6, 7, 0, 7))],
        "",
        "",
    ));
    assert!(bad_type.contains("type '7'"), "{bad_type}");
    let only_phases = refused(&project(&[summary(1, 1, "Build", 1, "1")], "", ""));
    assert!(only_phases.contains("no tasks"), "{only_phases}");
}

#[test]
fn other_files_are_refused_with_what_to_do() {
    let spreadsheet = refused(
        "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>",
    );
    assert!(
        spreadsheet.contains("This XML file is not a Microsoft Project plan"),
        "{spreadsheet}"
    );
    let mut ole = OLE_MAGIC.to_vec();
    ole.extend_from_slice(&[0; 508]);
    for name in ["plan.mpp", "plan.xml", "plan.csv"] {
        let message = parse_plan_file(name, ole.clone())
            .expect_err("a binary project file is refused")
            .to_string();
        assert!(
            message.contains("Save it from Microsoft Project as XML: File › Save As › XML"),
            "{name}: {message}"
        );
    }
    let empty_mpp = parse_plan_file("plan.mpp", Vec::new()).expect_err("refused by its name");
    assert!(
        empty_mpp.to_string().contains("Save As › XML"),
        "{empty_mpp}"
    );
    let latin1 =
        parse_plan_file("plan.xml", b"<Project>\xe9</Project>".to_vec()).expect_err("not UTF-8");
    assert!(latin1.to_string().contains("UTF-8"), "{latin1}");
    let csv = parse_plan_file("plan.csv", b"Title\nBuild\n".to_vec()).expect("a CSV still reads");
    assert_eq!(
        csv.rows.len(),
        1,
        "spreadsheets go to the spreadsheet reader"
    );
}

#[test]
fn a_file_too_large_to_be_a_plan_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.xml");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: its size is on record, its bytes were never written.
    file.set_len(MAX_XML_BYTES + 1).expect("size");
    let message = read_plan_file(&path).expect_err("refused").to_string();
    assert!(
        message.contains("50 MB") && message.contains("not read"),
        "the refusal says why: {message}"
    );
}
