// What the Export panel offers and how it words an export's progress and findings.
import type { BundleImportReport } from './bindings/BundleImportReport';
import type { BundleResolution } from './bindings/BundleResolution';
import type { BundleResolutions } from './bindings/BundleResolutions';
import type { ExportDetail } from './bindings/ExportDetail';
import type { ExportFormat } from './bindings/ExportFormat';
import type { ExportStage } from './bindings/ExportStage';
import type { ExportSubject } from './bindings/ExportSubject';
import type { PhiHit } from './bindings/PhiHit';
import { DETAIL_CHOICES, DETAIL_FORMATS, SUBJECT_FORMATS } from './generated/exports';
import { PHI_KIND_LABELS } from './generated/labels';

export interface FormatChoice {
  format: ExportFormat;
  label: string;
  /** Who it is for, in a few words. */
  hint: string;
}

const ROLLOUT_FORMATS: FormatChoice[] = [
  { format: 'pdf', label: 'PDF report', hint: 'Typeset, with cover and contents: for the board or a physician lead' },
  { format: 'html', label: 'Web page', hint: 'One file that opens in any browser and prints well' },
  { format: 'docx', label: 'Word document', hint: 'The report to edit in Word before it goes on' },
  { format: 'markdown', label: 'Markdown', hint: 'Pastes cleanly into a wiki or an email' },
  { format: 'xlsx', label: 'Excel workbook', hint: 'A sheet per table, with every metric value' },
  { format: 'csv', label: 'CSV files', hint: 'A file per table, in one zip' },
  { format: 'ics', label: 'Calendar', hint: 'Milestones, go-live, training due dates and messages' },
  { format: 'mspdi', label: 'Microsoft Project (XML)', hint: 'The plan, for MS Project, ProjectLibre or GanttProject' },
  { format: 'bundle', label: 'Rollplan bundle', hint: 'For a colleague to import into their Rollplan' },
];

const SOP_FORMATS: FormatChoice[] = [
  { format: 'pdf', label: 'PDF', hint: 'Ready to print or post' },
  { format: 'docx', label: 'Word document', hint: 'For reviewers who edit in Word' },
  { format: 'html', label: 'Web page', hint: 'Opens in any browser' },
  { format: 'markdown', label: 'Markdown', hint: 'For a wiki or an email' },
  { format: 'svg', label: 'Process map (SVG)', hint: 'The map alone, sharp at any size' },
  { format: 'png', label: 'Process map (PNG)', hint: 'The map as a picture, for slides or email' },
];

const LIBRARY_FORMATS: FormatChoice[] = [
  { format: 'pdf', label: 'PDF binder', hint: 'Every SOP in force, with a cover and contents' },
];

const ESCALATION_FORMATS: FormatChoice[] = [
  { format: 'pdf', label: 'PDF', hint: 'The table as shown, landscape, ready to print or send' },
  { format: 'xlsx', label: 'Excel workbook', hint: 'One sheet with filters, to sort and share' },
];

const PROGRAMME_FORMATS: FormatChoice[] = [
  { format: 'pdf', label: 'PDF report', hint: 'Every wave on one timeline, its figures and lessons: for the PMO or the board' },
];

/** How the panel words each format, per subject, in the order it offers them. */
const CHOICES: Record<ExportSubject['kind'], FormatChoice[]> = {
  rollout: ROLLOUT_FORMATS,
  sop: SOP_FORMATS,
  library: LIBRARY_FORMATS,
  escalations: ESCALATION_FORMATS,
  programme: PROGRAMME_FORMATS,
};

/** The formats an export of this subject can take — the core's list, so the panel
 *  never offers what the export would refuse — the most shared first. */
export function formatChoices(subject: ExportSubject): FormatChoice[] {
  const offered = SUBJECT_FORMATS[subject.kind];
  return CHOICES[subject.kind].filter((choice) => offered.includes(choice.format));
}

export interface DetailChoice {
  detail: ExportDetail;
  label: string;
  /** What a report at this level holds, in one line. */
  hint: string;
}

/** The detail levels a rollout report in `format` comes in — the core's words — or
 *  none for a subject or format that has no levels (tables, calendar, bundle, SOPs). */
export function detailChoices(subject: ExportSubject, format: ExportFormat): readonly DetailChoice[] {
  return subject.kind === 'rollout' && DETAIL_FORMATS.includes(format) ? DETAIL_CHOICES : [];
}

const STAGES: ExportStage[] = ['gathering', 'checking_phi', 'rendering', 'writing'];
const STAGE_LABELS: Record<ExportStage, string> = {
  gathering: 'Gathering the plan…',
  checking_phi: 'Checking for patient data…',
  rendering: 'Laying out the document…',
  writing: 'Saving the file…',
};

/** What to show while an export is at `stage`: words and how far along (0–1). */
export function stageProgress(stage: ExportStage): { label: string; fraction: number } {
  return { label: STAGE_LABELS[stage], fraction: (STAGES.indexOf(stage) + 1) / (STAGES.length + 1) };
}

/** One PHI finding as a sentence: where it is and what it looks like. */
export function describeHit(hit: PhiHit): string {
  return `${hit.entity}, ${hit.field}: ${PHI_KIND_LABELS[hit.kind]} in “${hit.excerpt}”`;
}

/** A file path shortened to its name, for a calm summary line. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** The choices made so far, in the shape the import takes. */
export function resolutionsOf(choices: Record<string, BundleResolution>): BundleResolutions {
  return { all: null, by_conflict: { ...choices } };
}

/** Conflicts that still need a choice before anything can be imported. */
export function unresolvedCount(report: BundleImportReport, choices: Record<string, BundleResolution>): number {
  return report.conflicts.filter((c) => !(c.key in choices)).length;
}

/** "12 added · 3 updated · 40 unchanged" for a whole import. */
export function importTotals(report: BundleImportReport): string {
  const sum = (pick: (s: BundleImportReport['sections'][number]) => number) =>
    report.sections.reduce((total, section) => total + pick(section), 0);
  return `${sum((s) => s.added)} added · ${sum((s) => s.updated)} updated · ${sum((s) => s.skipped)} unchanged`;
}

/** A bundle section's name as people read it: "metric_measurements" → "Metric
 *  measurements", "sop_revisions" → "SOP versions". */
export function sectionLabel(section: string): string {
  const words = section
    .split('_')
    .map((word) => (word === 'sop' || word === 'sops' ? word.toUpperCase().replace('SOPS', 'SOPs') : word))
    .join(' ')
    .replace('revisions', 'versions');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The shortest passphrase Rollplan accepts for a protected bundle (as the backend). */
export const MIN_PASSPHRASE_CHARS = 8;

/** Why a passphrase cannot protect a bundle yet, or null when it can. */
export function passphraseProblem(passphrase: string, repeated: string): string | null {
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) {
    return `Use at least ${MIN_PASSPHRASE_CHARS} characters.`;
  }
  if (passphrase !== repeated) return 'The two passphrases differ.';
  return null;
}
