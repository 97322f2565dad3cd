// Generated from the Rust core (rollplan_core::presentation): the formats each export subject can be exported as.
// Do not edit: run UPDATE_BINDINGS=1 cargo test -p rollplan --test presentation
import type { ExportFormat } from '../bindings/ExportFormat';
import type { ExportSubject } from '../bindings/ExportSubject';
import type { ExportDetail } from '../bindings/ExportDetail';

/** The formats a subject of each kind can be exported as. */
export const SUBJECT_FORMATS: Readonly<Record<ExportSubject['kind'], readonly ExportFormat[]>> = {
  rollout: ["pdf", "html", "docx", "markdown", "xlsx", "csv", "ics", "mspdi", "bundle"],
  sop: ["pdf", "html", "markdown", "docx", "svg", "png"],
  library: ["pdf"],
  escalations: ["pdf", "xlsx"],
  programme: ["pdf"],
};

/** The formats whose report comes in the detail levels below. */
export const DETAIL_FORMATS: readonly ExportFormat[] = ["pdf", "html", "markdown", "docx"];

/** How much a rollout report holds, in the order the panel offers them. */
export const DETAIL_CHOICES: readonly { detail: ExportDetail; label: string; hint: string }[] = [
  { detail: "summary", label: "Summary", hint: "The two-page executive summary only." },
  { detail: "standard", label: "Standard", hint: "The summary, then every section; a big plan is summarised by phase, milestones and critical path." },
  { detail: "everything", label: "Everything", hint: "Standard, plus an appendix with every task and the full task-by-task timeline." },
];
