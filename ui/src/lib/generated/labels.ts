// Generated from the Rust core (rollplan_core::presentation): the labels of the domain's enums, in display order.
// Do not edit: run UPDATE_BINDINGS=1 cargo test -p rollplan --test presentation
import type { RolloutKind } from '../bindings/RolloutKind';
import type { Phase } from '../bindings/Phase';
import type { ScheduleMode } from '../bindings/ScheduleMode';
import type { TemplateFit } from '../bindings/TemplateFit';
import type { TaskKind } from '../bindings/TaskKind';
import type { TaskStatus } from '../bindings/TaskStatus';
import type { LinkType } from '../bindings/LinkType';
import type { ReadinessCategory } from '../bindings/ReadinessCategory';
import type { CriterionStatus } from '../bindings/CriterionStatus';
import type { Verdict } from '../bindings/Verdict';
import type { TrainingFormat } from '../bindings/TrainingFormat';
import type { RecordStatus } from '../bindings/RecordStatus';
import type { MetricUnit } from '../bindings/MetricUnit';
import type { Direction } from '../bindings/Direction';
import type { Indicator } from '../bindings/Indicator';
import type { Cadence } from '../bindings/Cadence';
import type { ThresholdLevel } from '../bindings/ThresholdLevel';
import type { MetricState } from '../bindings/MetricState';
import type { SopStatus } from '../bindings/SopStatus';
import type { SopRelation } from '../bindings/SopRelation';
import type { RiskStatus } from '../bindings/RiskStatus';
import type { RiskBand } from '../bindings/RiskBand';
import type { Raci } from '../bindings/Raci';
import type { AdkarStage } from '../bindings/AdkarStage';
import type { DecisionOutcome } from '../bindings/DecisionOutcome';
import type { BackupReason } from '../bindings/BackupReason';
import type { Tone } from '../bindings/Tone';
import type { SectionKind } from '../bindings/SectionKind';
import type { StatusState } from '../bindings/StatusState';
import type { StatusFormat } from '../bindings/StatusFormat';
import type { PdsaAct } from '../bindings/PdsaAct';
import type { CycleStage } from '../bindings/CycleStage';
import type { StudyResult } from '../bindings/StudyResult';
import type { PhiKind } from '../bindings/PhiKind';

export const ROLLOUT_KIND_LABELS: Readonly<Record<RolloutKind, string>> = {
  ehr_go_live: "EHR go-live",
  automation: "Automation",
  policy: "Policy / SOP",
  workflow_redesign: "Workflow redesign",
  other: "Other",
};

export const PHASE_LABELS: Readonly<Record<Phase, string>> = {
  planning: "Planning",
  preparing: "Preparing",
  go_live: "Go-live",
  stabilizing: "Stabilizing",
  sustaining: "Sustaining",
  closed: "Closed",
};

export const SCHEDULE_MODE_LABELS: Readonly<Record<ScheduleMode, string>> = {
  flag: "Only flag what waits for it",
  move: "Move what waits for it",
};

export const TEMPLATE_FIT_LABELS: Readonly<Record<TemplateFit, string>> = {
  compress: "Compress to the runway",
  keep: "Keep the template's durations",
};

export const TASK_KIND_LABELS: Readonly<Record<TaskKind, string>> = {
  task: "Task",
  milestone: "Milestone",
};

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  todo: "To do",
  doing: "Doing",
  blocked: "Blocked",
  done: "Done",
};

export const LINK_TYPE_LABELS: Readonly<Record<LinkType, string>> = {
  FS: "finish-to-start",
  SS: "start-to-start",
  FF: "finish-to-finish",
  SF: "start-to-finish",
};

export const READINESS_CATEGORY_LABELS: Readonly<Record<ReadinessCategory, string>> = {
  people: "People",
  process: "Process",
  technology: "Technology",
  data: "Data",
  support: "Support",
};

export const CRITERION_STATUS_LABELS: Readonly<Record<CriterionStatus, string>> = {
  not_met: "Not met",
  at_risk: "At risk",
  met: "Met",
};

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  go: "Go",
  no_go: "No-go",
  not_assessed: "Not assessed",
};

export const TRAINING_FORMAT_LABELS: Readonly<Record<TrainingFormat, string>> = {
  e_learning: "E-learning",
  classroom: "Classroom",
  at_the_elbow: "At the elbow",
  tip_sheet: "Tip sheet",
  proficiency_check: "Proficiency check",
};

export const RECORD_STATUS_LABELS: Readonly<Record<RecordStatus, string>> = {
  assigned: "Assigned",
  in_progress: "In progress",
  completed: "Completed",
  waived: "Waived",
};

export const METRIC_UNIT_LABELS: Readonly<Record<MetricUnit, string>> = {
  percent: "Percent",
  count: "Count",
  minutes: "Minutes",
  hours: "Hours",
  days: "Days",
  dollars: "Dollars",
  score: "Score",
};

export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  higher_is_better: "Higher is better",
  lower_is_better: "Lower is better",
};

export const INDICATOR_LABELS: Readonly<Record<Indicator, string>> = {
  leading: "Leading",
  lagging: "Lagging",
};

export const CADENCE_LABELS: Readonly<Record<Cadence, string>> = {
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
};

export const THRESHOLD_LEVEL_LABELS: Readonly<Record<ThresholdLevel, string>> = {
  watch: "Watch",
  act: "Act",
};

export const METRIC_STATE_LABELS: Readonly<Record<MetricState, string>> = {
  on_track: "On track",
  watch: "Watch",
  act: "Act",
  no_data: "No data",
};

export const SOP_STATUS_LABELS: Readonly<Record<SopStatus, string>> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  retired: "Retired",
};

export const SOP_RELATION_LABELS: Readonly<Record<SopRelation, string>> = {
  introduces: "Introduces",
  changes: "Changes",
};

export const RISK_STATUS_LABELS: Readonly<Record<RiskStatus, string>> = {
  open: "Open",
  mitigating: "Mitigating",
  closed: "Closed",
};

export const RISK_BAND_LABELS: Readonly<Record<RiskBand, string>> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};

export const RACI_LABELS: Readonly<Record<Raci, string>> = {
  responsible: "Responsible",
  accountable: "Accountable",
  consulted: "Consulted",
  informed: "Informed",
};

export const ADKAR_STAGE_LABELS: Readonly<Record<AdkarStage, string>> = {
  awareness: "Awareness",
  desire: "Desire",
  knowledge: "Knowledge",
  ability: "Ability",
  reinforcement: "Reinforcement",
};

export const DECISION_OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  not_yet_known: "Not yet known",
  held: "Held",
  did_not_hold: "Did not hold",
};

export const BACKUP_REASON_LABELS: Readonly<Record<BackupReason, string>> = {
  daily: "Daily",
  manual: "Made by hand",
  before_migration: "Before an update of Rollplan",
  before_import: "Before an import",
  before_restore: "Before a restore",
  before_repair: "Before a repair",
};

export const TONE_LABELS: Readonly<Record<Tone, string>> = {
  bad: "Needs attention",
  watch: "Watch",
  neutral: "For information",
  good: "Progress",
};

export const SECTION_KIND_LABELS: Readonly<Record<SectionKind, string>> = {
  readiness: "Go-live readiness",
  metrics: "Metrics that changed status",
  slipped: "Tasks that slipped",
  blocked: "Newly blocked",
  risks: "Risks",
  messages: "Messages",
  training: "Training completion",
  decisions: "Decisions made",
  completed: "Tasks completed",
  started: "Tasks started",
};

export const STATUS_STATE_LABELS: Readonly<Record<StatusState, string>> = {
  draft: "Draft",
  sent: "Sent",
};

export const STATUS_FORMAT_LABELS: Readonly<Record<StatusFormat, string>> = {
  txt: "Email text",
  md: "Markdown",
  html: "HTML",
  pdf: "PDF",
  docx: "Word (DOCX)",
};

export const PDSA_ACT_LABELS: Readonly<Record<PdsaAct, string>> = {
  adopt: "Adopt",
  adapt: "Adapt",
  abandon: "Abandon",
};

export const CYCLE_STAGE_LABELS: Readonly<Record<CycleStage, string>> = {
  planned: "Planned",
  running: "Running",
  due_for_decision: "Due for its decision",
  decided: "Decided",
};

export const STUDY_RESULT_LABELS: Readonly<Record<StudyResult, string>> = {
  not_measured: "Not measured yet",
  on_prediction: "On the prediction",
  better_than_predicted: "Better than predicted",
  worse_than_predicted: "Worse than predicted",
};

export const PHI_KIND_LABELS: Readonly<Record<PhiKind, string>> = {
  social_security_number: "a social security number",
  medical_record_number: "a medical record number",
  date_of_birth: "a date of birth",
  phone_number: "a phone number",
};

/** How the task dialog offers each link type, said of the waiting task. */
export const LINK_TYPE_CHOICES: Readonly<Record<LinkType, string>> = {
  FS: "Starts after it finishes",
  SS: "Starts when it starts",
  FF: "Finishes when it finishes",
  SF: "Finishes after it starts",
};

/** Lags as the core writes them: the UI's `lagText` must agree on each. */
export const LAG_TEXT_SAMPLES: ReadonlyArray<readonly [number, string]> = [
  [0, "no lag"],
  [1, "+1 day"],
  [2, "+2 days"],
  [-1, "-1 day"],
  [-14, "-14 days"],
  [365, "+365 days"],
];

/** The longest lag or lead a link may have, in days, either way. */
export const MAX_LAG_DAYS = 365;

/** The heading of the tasks in no phase, in the plan's timeline and tables. */
export const UNPHASED_GROUP_LABEL = "Not in a phase";
