//! The rollout's plan as Microsoft Project XML (MSPDI), which MS Project, ProjectLibre
//! and GanttProject open: phases as summary tasks with their tasks under them, tasks
//! without a phase at the top level, milestones, dates, links with their type and lag,
//! owners as resources assigned to their tasks, and % complete from the status (to do
//! 0, doing and blocked 50, done 100). The exact status also goes in a custom text
//! field, "Rollplan status", which the import reads back, so blocked stays blocked.
//!
//! MS Project is strict about the order of elements, so they are written in the order
//! of the schema; it is equally strict about what it needs (SaveVersion, CurrencyCode,
//! a calendar for CalendarUID, UID and ID on every task, resource and assignment). Each
//! task carries a "Start no earlier than" its start date, so that MS Project, which
//! would otherwise schedule every task as soon as possible, keeps the plan's dates.
//!
//! Text goes through quick-xml's writer, which escapes it; characters XML cannot hold
//! at all (control characters other than tab and line breaks) are left out.

mod tasks;

use std::io;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::RolloutReport;
use crate::plan::mspdi::{NAMESPACE, STATUS_FIELD_ALIAS};
use crate::{CoreError, Result};

/// The UID of the one calendar written: a Monday-to-Friday, 8-hour "Standard".
const CALENDAR_UID: u32 = 1;
/// MS Project 2010's format: what ProjectLibre and every MS Project since read.
const SAVE_VERSION: u32 = 14;
/// The custom field "Text1", which carries the exact status.
pub(crate) const STATUS_FIELD_ID: &str = "188743731";

/// The plan of `report`'s rollout as an MSPDI document.
pub fn rollout_mspdi(report: &RolloutReport) -> Result<Vec<u8>> {
    write(report)
        .map_err(|e| CoreError::Export(format!("cannot write the Microsoft Project file ({e})")))
}

fn write(report: &RolloutReport) -> io::Result<Vec<u8>> {
    let plan = tasks::outline(report);
    let mut xml = Xml(Writer::new_with_indent(Vec::new(), b' ', 2));
    xml.0.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))?;
    xml.0.write_event(Event::Start(
        BytesStart::new("Project").with_attributes([("xmlns", NAMESPACE)]),
    ))?;
    let name = &report.rollout.name;
    xml.leaf("SaveVersion", SAVE_VERSION)?;
    xml.leaf("Name", name)?;
    xml.leaf("Title", name)?;
    xml.leaf("ScheduleFromStart", 1)?;
    let start = plan.start.unwrap_or(report.as_of);
    xml.leaf("StartDate", tasks::at_start(start))?;
    xml.leaf("FinishDate", tasks::at_finish(plan.finish.unwrap_or(start)))?;
    xml.leaf("CurrencyCode", "USD")?;
    xml.leaf("CalendarUID", CALENDAR_UID)?;
    xml.leaf("DefaultStartTime", "08:00:00")?;
    xml.leaf("DefaultFinishTime", "17:00:00")?;
    xml.leaf("MinutesPerDay", 480)?;
    xml.leaf("MinutesPerWeek", 2400)?;
    xml.leaf("DaysPerMonth", 20)?;
    // Durations shown in days, as the plan counts them.
    xml.leaf("DurationFormat", 7)?;
    xml.open("ExtendedAttributes")?;
    xml.open("ExtendedAttribute")?;
    xml.leaf("FieldID", STATUS_FIELD_ID)?;
    xml.leaf("FieldName", "Text1")?;
    xml.leaf("Alias", STATUS_FIELD_ALIAS)?;
    xml.close("ExtendedAttribute")?;
    xml.close("ExtendedAttributes")?;
    calendar(&mut xml)?;
    tasks::write_tasks(&mut xml, &plan)?;
    tasks::write_resources(&mut xml, &plan)?;
    xml.close("Project")?;
    Ok(xml.0.into_inner())
}

/// "Standard": Monday to Friday, 8:00–12:00 and 13:00–17:00.
fn calendar(xml: &mut Xml) -> io::Result<()> {
    xml.open("Calendars")?;
    xml.open("Calendar")?;
    xml.leaf("UID", CALENDAR_UID)?;
    xml.leaf("Name", "Standard")?;
    xml.leaf("IsBaseCalendar", 1)?;
    xml.leaf("BaseCalendarUID", -1)?;
    xml.open("WeekDays")?;
    // DayType 1 is Sunday, 7 Saturday.
    for day in 1..=7 {
        xml.open("WeekDay")?;
        xml.leaf("DayType", day)?;
        let working = (2..=6).contains(&day);
        xml.leaf("DayWorking", u8::from(working))?;
        if working {
            xml.open("WorkingTimes")?;
            for (from, to) in [("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")] {
                xml.open("WorkingTime")?;
                xml.leaf("FromTime", from)?;
                xml.leaf("ToTime", to)?;
                xml.close("WorkingTime")?;
            }
            xml.close("WorkingTimes")?;
        }
        xml.close("WeekDay")?;
    }
    xml.close("WeekDays")?;
    xml.close("Calendar")?;
    xml.close("Calendars")
}

/// The writer with the three moves the document is made of.
struct Xml(Writer<Vec<u8>>);

impl Xml {
    fn open(&mut self, name: &str) -> io::Result<()> {
        self.0.write_event(Event::Start(BytesStart::new(name)))
    }

    fn close(&mut self, name: &str) -> io::Result<()> {
        self.0.write_event(Event::End(BytesEnd::new(name)))
    }

    /// `<name>text</name>`, the text escaped and stripped of what XML cannot hold.
    fn leaf(&mut self, name: &str, text: impl std::fmt::Display) -> io::Result<()> {
        let text: String = text.to_string().chars().filter(|&c| xml_char(c)).collect();
        self.0
            .create_element(name)
            .write_text_content(BytesText::new(&text))
            .map(drop)
    }
}

/// Whether XML 1.0 can hold the character at all.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}
