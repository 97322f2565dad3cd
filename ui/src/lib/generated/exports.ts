// Generated from the Rust core (rollplan_core::presentation): the formats each export subject can be exported as.
// Do not edit: run UPDATE_BINDINGS=1 cargo test -p rollplan --test presentation
import type { ExportFormat } from '../bindings/ExportFormat';
import type { ExportSubject } from '../bindings/ExportSubject';

/** The formats a subject of each kind can be exported as. */
export const SUBJECT_FORMATS: Readonly<Record<ExportSubject['kind'], readonly ExportFormat[]>> = {
  rollout: ["pdf", "html", "markdown", "xlsx", "csv", "ics", "bundle"],
  sop: ["pdf", "html", "markdown", "docx"],
  library: ["pdf"],
};
