//! Which formats each export subject offers: the list the export check refuses by,
//! so the export panel never offers a format the core would refuse; and the report's
//! detail levels with the words the panel offers them in.

use super::labels::wire_code;
use super::typescript::{header, import_binding, string};
use crate::export::{ExportDetail, ExportFormat, ExportSubject};

/// `exports.ts`: `SUBJECT_FORMATS`, keyed by the subject's `kind`.
pub(super) fn module() -> String {
    let mut text = header("the formats each export subject can be exported as");
    text.push_str(&import_binding("ExportFormat"));
    text.push_str(&import_binding("ExportSubject"));
    text.push_str(&import_binding("ExportDetail"));
    text.push_str(
        "\n/** The formats a subject of each kind can be exported as. */\n\
         export const SUBJECT_FORMATS: Readonly<Record<ExportSubject['kind'], readonly ExportFormat[]>> = {\n",
    );
    for (kind, formats) in ExportSubject::FORMATS {
        let formats: Vec<String> = formats.iter().map(|f| string(&wire_code(f))).collect();
        text.push_str(&format!("  {kind}: [{}],\n", formats.join(", ")));
    }
    text.push_str("};\n");
    let formats: Vec<String> = ExportFormat::WITH_DETAIL
        .iter()
        .map(|f| string(&wire_code(f)))
        .collect();
    text.push_str(&format!(
        "\n/** The formats whose report comes in the detail levels below. */\n\
         export const DETAIL_FORMATS: readonly ExportFormat[] = [{}];\n",
        formats.join(", ")
    ));
    text.push_str(
        "\n/** How much a rollout report holds, in the order the panel offers them. */\n\
         export const DETAIL_CHOICES: readonly { detail: ExportDetail; label: string; hint: string }[] = [\n",
    );
    for detail in ExportDetail::ALL {
        text.push_str(&format!(
            "  {{ detail: {}, label: {}, hint: {} }},\n",
            string(&wire_code(&detail)),
            string(detail.label()),
            string(detail.description())
        ));
    }
    text.push_str("];\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_the_tag_the_ui_receives() {
        for subject in [
            ExportSubject::Rollout { id: "r".into() },
            ExportSubject::Sop { id: "s".into() },
            ExportSubject::Library { title: "t".into() },
            ExportSubject::Escalations {
                role: None,
                rollout_id: None,
            },
        ] {
            let sent = serde_json::to_value(&subject).expect("subject as JSON");
            assert_eq!(
                sent["kind"].as_str(),
                Some(subject.kind()),
                "the table is keyed by the tag the UI sends"
            );
            assert!(
                !subject.formats().is_empty(),
                "every subject exports somehow"
            );
        }
        assert!(module()
            .contains("  sop: [\"pdf\", \"html\", \"markdown\", \"docx\", \"svg\", \"png\"],\n"));
    }
}
