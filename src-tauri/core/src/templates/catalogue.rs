//! The built-in templates: which exist, what each is for, and finding one by the name a
//! person or a script gives.

use super::{automation, ehr, policy, Content, RolloutTemplate};
use crate::rollouts::RolloutKind;
use crate::{CoreError, Result};

/// The built-in templates.
pub fn list_templates() -> Vec<RolloutTemplate> {
    TEMPLATES
        .iter()
        .map(|t| RolloutTemplate {
            name: t.name.to_owned(),
            title: t.title.to_owned(),
            description: t.description.to_owned(),
            kind: t.kind,
        })
        .collect()
}

pub(super) struct Builtin {
    pub name: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub kind: RolloutKind,
    pub content: &'static Content,
}

pub(super) const TEMPLATES: &[Builtin] = &[
    Builtin {
        name: "ehr-go-live",
        title: "EHR go-live",
        description: "A new EHR or a major module: build and validation, integrated testing, \
                      super-users and role-based training, cutover, go-live with a command \
                      centre and at-the-elbow support, 60 days of stabilization. With the \
                      go/no-go checklist, the usual risks and a communications plan.",
        kind: RolloutKind::EhrGoLive,
        content: &ehr::CONTENT,
    },
    Builtin {
        name: "automation",
        title: "Automation rollout (pilot, measure, scale)",
        description: "SMS reminders, prior-auth automation, online scheduling: baseline, a pilot \
                      in one clinic or panel, measure against target, decide to scale, adjust or \
                      stop, then scale and sustain. Go-live is the pilot's first day.",
        kind: RolloutKind::Automation,
        content: &automation::CONTENT,
    },
    Builtin {
        name: "policy",
        title: "Policy / SOP rollout",
        description: "A new policy or procedure: draft, review with owners and compliance, \
                      approve, train and collect attestations, then audit adherence. Go-live is \
                      the day the policy takes effect.",
        kind: RolloutKind::Policy,
        content: &policy::CONTENT,
    },
];

pub(super) fn find(name: &str) -> Result<&'static Builtin> {
    let wanted = name.trim().to_lowercase().replace([' ', '_'], "-");
    TEMPLATES
        .iter()
        .find(|t| t.name == wanted || t.title.to_lowercase() == name.trim().to_lowercase())
        .ok_or_else(|| {
            let names: Vec<&str> = TEMPLATES.iter().map(|t| t.name).collect();
            CoreError::invalid(
                "template",
                format!(
                    "There is no template called '{}': use one of {}.",
                    name.trim(),
                    names.join(", ")
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::Step;
    use std::collections::HashMap;

    #[test]
    fn every_template_waits_only_for_earlier_steps_it_has() {
        for template in TEMPLATES {
            let steps: HashMap<&str, &Step> =
                template.content.steps.iter().map(|s| (s.2, s)).collect();
            assert_eq!(
                steps.len(),
                template.content.steps.len(),
                "{}: titles are unique",
                template.name
            );
            for step in template.content.steps {
                assert!(
                    template.content.phases.contains(&step.1),
                    "{}: {} has a known phase",
                    template.name,
                    step.2
                );
                assert!(
                    step.3 <= step.4,
                    "{}: {} starts before it is due",
                    template.name,
                    step.2
                );
                for predecessor in step.5 {
                    let before = steps
                        .get(predecessor)
                        .unwrap_or_else(|| panic!("{}: {predecessor} exists", template.name));
                    assert!(
                        before.4 <= step.3,
                        "{}: {predecessor} is due by the time {} starts",
                        template.name,
                        step.2
                    );
                }
            }
        }
    }
}
