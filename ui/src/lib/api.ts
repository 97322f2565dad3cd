// The one place the UI talks to the backend. Every command is typed with the types
// generated from Rust (./bindings), and its name with the generated `Command` union of
// the commands the app registers (src-tauri/src/commands/list.rs); components call
// these functions, never `invoke`.
import { Channel, invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { flushPendingSaves } from './autosave';
import type { AppInfo } from './bindings/AppInfo';
import type { EscalationFilter } from './bindings/EscalationFilter';
import type { EscalationTable } from './bindings/EscalationTable';
import type { StartupReport } from './bindings/StartupReport';
import type { ConflictView } from './bindings/ConflictView';
import type { JoinProgress } from './bindings/JoinProgress';
import type { JoinedTeam } from './bindings/JoinedTeam';
import type { LeftTeam } from './bindings/LeftTeam';
import type { TeamView } from './bindings/TeamView';
import type { Backup } from './bindings/Backup';
import type { BackupList } from './bindings/BackupList';
import type { OrphanRepairOutcome } from './bindings/OrphanRepairOutcome';
import type { OrphanedRows } from './bindings/OrphanedRows';
import type { RestoreOutcome } from './bindings/RestoreOutcome';
import type { BundleImportReport } from './bindings/BundleImportReport';
import type { BundleResolutions } from './bindings/BundleResolutions';
import type { ChosenBundle } from './bindings/ChosenBundle';
import type { ExportFormat } from './bindings/ExportFormat';
import type { ExportOptions } from './bindings/ExportOptions';
import type { ExportOutcome } from './bindings/ExportOutcome';
import type { ExportStage } from './bindings/ExportStage';
import type { ExportSubject } from './bindings/ExportSubject';
import type { PhiHit } from './bindings/PhiHit';
import type { Debrief } from './bindings/Debrief';
import type { DebriefDraft } from './bindings/DebriefDraft';
import type { ActDraft } from './bindings/ActDraft';
import type { PdsaCycle } from './bindings/PdsaCycle';
import type { PdsaDraft } from './bindings/PdsaDraft';
import type { Programme } from './bindings/Programme';
import type { ProgrammeDraft } from './bindings/ProgrammeDraft';
import type { ProgrammeOverview } from './bindings/ProgrammeOverview';
import type { ProgrammeWaves } from './bindings/ProgrammeWaves';
import type { Wave } from './bindings/Wave';
import type { WaveDraft } from './bindings/WaveDraft';
import type { SavedStatus } from './bindings/SavedStatus';
import type { DraftShown } from './bindings/DraftShown';
import type { StatusEdit } from './bindings/StatusEdit';
import type { StatusFormat } from './bindings/StatusFormat';
import type { StatusSubject } from './bindings/StatusSubject';
import type { AuditEntry } from './bindings/AuditEntry';
import type { HistoryPage } from './bindings/HistoryPage';
import type { Command } from './bindings/Command';
import type { HomeFigures } from './bindings/HomeFigures';
import type { SearchHit } from './bindings/SearchHit';
import type { UndoOutcome } from './bindings/UndoOutcome';
import type { UndoState } from './bindings/UndoState';
import type { ErrorCode } from './bindings/ErrorCode';
import type { ErrorPayload } from './bindings/ErrorPayload';
import type { PeoplePage } from './bindings/PeoplePage';
import type { PeopleQuery } from './bindings/PeopleQuery';
import type { Person } from './bindings/Person';
import type { PersonDraft } from './bindings/PersonDraft';
import type { RejectedRows } from './bindings/RejectedRows';
import type { Role } from './bindings/Role';
import type { RoleMergeReport } from './bindings/RoleMergeReport';
import type { LinkType } from './bindings/LinkType';
import type { Criterion } from './bindings/Criterion';
import type { CriterionDraft } from './bindings/CriterionDraft';
import type { DuePage } from './bindings/DuePage';
import type { DueTraining } from './bindings/DueTraining';
import type { Readiness } from './bindings/Readiness';
import type { RolloutStatus } from './bindings/RolloutStatus';
import type { PlanPhase } from './bindings/PlanPhase';
import type { GridEdit } from './bindings/GridEdit';
import type { Task } from './bindings/Task';
import type { TaskLink } from './bindings/TaskLink';
import type { TaskDraft } from './bindings/TaskDraft';
import type { PlanSignals } from './bindings/PlanSignals';
import type { PlanView } from './bindings/PlanView';
import type { PlanOpening } from './bindings/PlanOpening';
import type { Baseline } from './bindings/Baseline';
import type { GoLiveMove } from './bindings/GoLiveMove';
import type { GoLiveMoveScope } from './bindings/GoLiveMoveScope';
import type { DatesUndo } from './bindings/DatesUndo';
import type { TaskSave } from './bindings/TaskSave';
import type { TaskShift } from './bindings/TaskShift';
import type { ScheduleMode } from './bindings/ScheduleMode';
import type { RunwayCheck } from './bindings/RunwayCheck';
import type { TemplateFit } from './bindings/TemplateFit';
import type { TaskImportOptions } from './bindings/TaskImportOptions';
import type { TaskImportReport } from './bindings/TaskImportReport';
import type { RolloutTemplate } from './bindings/RolloutTemplate';
import type { AdkarBarrier } from './bindings/AdkarBarrier';
import type { Communication } from './bindings/Communication';
import type { CommunicationDraft } from './bindings/CommunicationDraft';
import type { Decision } from './bindings/Decision';
import type { DecisionDraft } from './bindings/DecisionDraft';
import type { Risk } from './bindings/Risk';
import type { RiskDraft } from './bindings/RiskDraft';
import type { RiskHeatMap } from './bindings/RiskHeatMap';
import type { RolloutOverview } from './bindings/RolloutOverview';
import type { ScopeChange } from './bindings/ScopeChange';
import type { ScopeChangeDraft } from './bindings/ScopeChangeDraft';
import type { Stakeholder } from './bindings/Stakeholder';
import type { StakeholderDraft } from './bindings/StakeholderDraft';
import type { Measurement } from './bindings/Measurement';
import type { MeasurementDraft } from './bindings/MeasurementDraft';
import type { MeasurementImportReport } from './bindings/MeasurementImportReport';
import type { Metric } from './bindings/Metric';
import type { MyWeek } from './bindings/MyWeek';
import type { WeekItem } from './bindings/WeekItem';
import type { WeekTask } from './bindings/WeekTask';
import type { MetricChart } from './bindings/MetricChart';
import type { MetricDraft } from './bindings/MetricDraft';
import type { MetricStatus } from './bindings/MetricStatus';
import type { MetricTemplate } from './bindings/MetricTemplate';
import type { QuickEntry } from './bindings/QuickEntry';
import type { RecordedMeasurement } from './bindings/RecordedMeasurement';
import type { TemplateChoices } from './bindings/TemplateChoices';
import type { TemplateLevels } from './bindings/TemplateLevels';
import type { Threshold } from './bindings/Threshold';
import type { ThresholdDraft } from './bindings/ThresholdDraft';
import type { LinkedRollout } from './bindings/LinkedRollout';
import type { LinkedSop } from './bindings/LinkedSop';
import type { Revision } from './bindings/Revision';
import type { Sop } from './bindings/Sop';
import type { SopDiff } from './bindings/SopDiff';
import type { SopDraft } from './bindings/SopDraft';
import type { SopRelation } from './bindings/SopRelation';
import type { SopLibraryPage } from './bindings/SopLibraryPage';
import type { SopLibraryQuery } from './bindings/SopLibraryQuery';
import type { SopSummary } from './bindings/SopSummary';
import type { MapTheme } from './bindings/MapTheme';
import type { SopMapDrawing } from './bindings/SopMapDrawing';
import type { MapChoices } from './bindings/MapChoices';
import type { MapComparisonDrawing } from './bindings/MapComparisonDrawing';
import type { MapVersion } from './bindings/MapVersion';
import type { SearchResults } from './bindings/SearchResults';
import type { MatrixFilter } from './bindings/MatrixFilter';
import type { ModuleDraft } from './bindings/ModuleDraft';
import type { RecordDraft } from './bindings/RecordDraft';
import type { Requirement } from './bindings/Requirement';
import type { RoleCompletion } from './bindings/RoleCompletion';
import type { TrainingMatrix } from './bindings/TrainingMatrix';
import type { TrainingModule } from './bindings/TrainingModule';
import type { TrainingRecord } from './bindings/TrainingRecord';
import type { RosterMapping } from './bindings/RosterMapping';
import type { RosterReport } from './bindings/RosterReport';
import type { Rollout } from './bindings/Rollout';
import type { RolloutDraft } from './bindings/RolloutDraft';

/** A failed command, with the backend's code so callers can branch on it. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly fields: ErrorPayload['fields'];
  /** Every problem of a refused import, to list; empty otherwise. */
  readonly problems: ErrorPayload['problems'];
  readonly moreProblems: number;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'CommandError';
    this.code = payload.code;
    this.fields = payload.fields;
    this.problems = payload.problems;
    this.moreProblems = payload.more_problems;
  }

  /** The message for one field, if validation refused it. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }

  /**
   * This refusal told at each of `fields` (those the person changed), for a refusal of
   * the whole edit such as a viewer's: a form shows it at the field, as it shows a value
   * it refused. Without fields it stays as it is.
   */
  atFields(fields: string[]): CommandError {
    if (fields.length === 0) return this;
    return new CommandError({
      code: this.code,
      message: this.message,
      field: fields[0] ?? null,
      fields: fields.map((field) => ({ field, message: this.message })),
      problems: this.problems,
      more_problems: this.moreProblems,
    });
  }
}

function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorPayload).code === 'string' &&
    typeof (value as ErrorPayload).message === 'string'
  );
}

/** Turns anything a command can throw into a CommandError. */
export function toCommandError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  if (isErrorPayload(error))
    return new CommandError({
      ...error,
      fields: error.fields ?? [],
      problems: error.problems ?? [],
      more_problems: error.more_problems ?? 0,
    });
  const message = error instanceof Error ? error.message : String(error);
  return new CommandError({ code: 'internal', message, field: null, fields: [], problems: [], more_problems: 0 });
}

let sent = 0;
let answered = 0;

/** Commands sent and answered since the window opened: the window benchmark
 *  (`tests/bench/window.mjs`) reads them to know that a screen has asked for what it
 *  shows and has had every answer. */
export function commandTally(): { sent: number; answered: number } {
  return { sent, answered };
}

/** Invokes `command`; only names the app registers and grants type-check. */
async function call<T>(command: Command, args?: Record<string, unknown>): Promise<T> {
  sent += 1;
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toCommandError(error);
  } finally {
    answered += 1;
    if (command !== 'get_undo_state') afterCommand();
  }
}

let commandListener: (() => void) | null = null;

/** `listener` hears after every command (the header's Undo reads what is now on offer). */
export function onCommand(listener: () => void): void {
  commandListener = listener;
}

function afterCommand(): void {
  commandListener?.();
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  /** The start-up check runs beside the window; this hears if it finds the file damaged. */
  onDatabaseDamaged: (handler: (damage: ErrorPayload) => void): Promise<UnlistenFn> =>
    listen<ErrorPayload>('database-damaged', (event) => handler(event.payload)),
  firstScreenShown: (report: StartupReport) => call<void>('first_screen_shown', { report }),
  listRollouts: () => call<Rollout[]>('list_rollouts'),
  listTrashedRollouts: () => call<Rollout[]>('list_trashed_rollouts'),
  getRollout: (id: string) => call<Rollout>('get_rollout', { id }),
  createRollout: (draft: RolloutDraft) => call<Rollout>('create_rollout', { draft }),
  updateRollout: (id: string, expectedRowVersion: number, draft: RolloutDraft) =>
    call<Rollout>('update_rollout', { id, expectedRowVersion, draft }),
  trashRollout: (id: string) => call<Rollout>('trash_rollout', { id }),
  restoreRollout: (id: string) => call<Rollout>('restore_rollout', { id }),
  purgeRollout: (id: string) => call<null>('purge_rollout', { id }),
  rolloutHistory: (id: string, newest: number | null) => call<HistoryPage>('rollout_history', { id, newest }),
  seedSampleClinic: () => call<Rollout[]>('seed_sample_clinic'),
  chooseDatabase: (path: string) => call<string>('choose_database', { path }),
  useDefaultDatabase: () => call<null>('use_default_database'),
  /** Restarts once the edits still waiting are written, as closing the window does. */
  restartApp: async () => {
    await flushPendingSaves();
    return call<null>('restart_app');
  },

  listPeople: (includeInactive: boolean) => call<Person[]>('list_people', { includeInactive }),
  /** One page of the directory, searched and filtered in the backend, with how many match. */
  peoplePage: (query: PeopleQuery) => call<PeoplePage>('people_page', { query }),
  getPerson: (id: string) => call<Person>('get_person', { id }),
  listDepartments: () => call<string[]>('list_departments'),
  createPerson: (draft: PersonDraft) => call<Person>('create_person', { draft }),
  updatePerson: (id: string, expectedRowVersion: number, draft: PersonDraft) =>
    call<Person>('update_person', { id, expectedRowVersion, draft }),
  trashPerson: (id: string) => call<Person>('trash_person', { id }),
  restorePerson: (id: string) => call<Person>('restore_person', { id }),
  personHistory: (id: string) => call<AuditEntry[]>('person_history', { id }),
  listRoles: () => call<Role[]>('list_roles'),
  createRole: (name: string) => call<Role>('create_role', { name }),
  mergeRoles: (mergedId: string, keptId: string) =>
    call<RoleMergeReport>('merge_roles', { mergedId, keptId }),
  /** Sends the picked file's bytes; the backend reads CSV or XLSX by its name. */
  previewRoster: (fileName: string, contents: number[], mapping: RosterMapping | null) =>
    call<RosterReport>('preview_roster', { fileName, contents, mapping }),
  importRoster: (fileName: string, contents: number[], mapping: RosterMapping, rejectedRows: RejectedRows) =>
    call<RosterReport>('import_roster', { fileName, contents, mapping, rejectedRows }),

  listTrainingModules: () => call<TrainingModule[]>('list_training_modules'),
  createTrainingModule: (draft: ModuleDraft) => call<TrainingModule>('create_training_module', { draft }),
  updateTrainingModule: (id: string, expectedRowVersion: number, draft: ModuleDraft) =>
    call<TrainingModule>('update_training_module', { id, expectedRowVersion, draft }),
  listRequirements: (rolloutId: string) => call<Requirement[]>('list_requirements', { rolloutId }),
  addRequirement: (rolloutId: string, roleId: string, moduleId: string, dueDate: string, sites: string[]) =>
    call<Requirement>('add_requirement', { rolloutId, roleId, moduleId, dueDate, sites }),
  setRequirementSites: (id: string, sites: string[], expectedRowVersion: number) =>
    call<Requirement>('set_requirement_sites', { id, sites, expectedRowVersion }),
  removeRequirement: (id: string) => call<null>('remove_requirement', { id }),
  trainingMatrix: (filter: MatrixFilter) => call<TrainingMatrix>('training_matrix', { filter }),
  rolloutTrainingCompletion: (rolloutId: string) =>
    call<RoleCompletion[]>('rollout_training_completion', { rolloutId }),
  updateTrainingRecord: (id: string, expectedRowVersion: number, draft: RecordDraft) =>
    call<TrainingRecord>('update_training_record', { id, expectedRowVersion, draft }),
  completeTraining: (moduleId: string, personIds: string[], completedOn: string, verifiedBy: string | null) =>
    call<TrainingRecord[]>('complete_training', { moduleId, personIds, completedOn, verifiedBy }),
  /** The first overdue and soon-due training (up to each limit), with how many of each. */
  trainingDuePage: (rolloutId: string | null, withinDays: number, overdueLimit: number, soonLimit: number) =>
    call<DuePage>('training_due_page', { rolloutId, withinDays, overdueLimit, soonLimit }),
  personTraining: (personId: string) => call<DueTraining[]>('person_training', { personId }),
  trashTrainingModule: (id: string) => call<TrainingModule>('trash_training_module', { id }),
  restoreTrainingModule: (id: string) => call<TrainingModule>('restore_training_module', { id }),
  restoreRequirement: (id: string) => call<null>('restore_requirement', { id }),

  listCriteria: (rolloutId: string) => call<Criterion[]>('list_criteria', { rolloutId }),
  createCriterion: (rolloutId: string, draft: CriterionDraft) => call<Criterion>('create_criterion', { rolloutId, draft }),
  updateCriterion: (id: string, expectedRowVersion: number, draft: CriterionDraft) =>
    call<Criterion>('update_criterion', { id, expectedRowVersion, draft }),
  trashCriterion: (id: string) => call<null>('trash_criterion', { id }),
  restoreCriterion: (id: string) => call<null>('restore_criterion', { id }),
  criterionHistory: (id: string) => call<AuditEntry[]>('criterion_history', { id }),
  rolloutReadiness: (rolloutId: string) => call<Readiness>('rollout_readiness', { rolloutId }),
  rolloutStatuses: () => call<RolloutStatus[]>('rollout_statuses'),
  homeFigures: (withinDays: number, first: number) => call<HomeFigures>('home_figures', { withinDays, first }),
  sopsDueForReview: (withinDays: number) => call<SopSummary[]>('sops_due_for_review', { withinDays }),
  listSops: () => call<SopSummary[]>('list_sops'),
  /** One page of the library, filtered and searched in the backend, with its counts. */
  sopLibraryPage: (query: SopLibraryQuery) => call<SopLibraryPage>('sop_library_page', { query }),
  searchSops: (query: string, limit: number) => call<SearchHit[]>('search_sops', { query, limit }),
  listTrashedSops: () => call<SopSummary[]>('list_trashed_sops'),
  getSop: (id: string) => call<Sop>('get_sop', { id }),
  createSop: (draft: SopDraft) => call<Sop>('create_sop', { draft }),
  updateSop: (id: string, expectedRowVersion: number, draft: SopDraft) =>
    call<Sop>('update_sop', { id, expectedRowVersion, draft }),
  approveSop: (id: string, expectedRowVersion: number, approvedBy: string, effectiveDate: string) =>
    call<Revision>('approve_sop', { id, expectedRowVersion, approvedBy, effectiveDate }),
  markSopReviewed: (id: string, expectedRowVersion: number) =>
    call<Sop>('mark_sop_reviewed', { id, expectedRowVersion }),
  trashSop: (id: string) => call<null>('trash_sop', { id }),
  restoreSop: (id: string) => call<Sop>('restore_sop', { id }),
  purgeSop: (id: string) => call<null>('purge_sop', { id }),
  sopHistory: (id: string, newest: number | null) => call<HistoryPage>('sop_history', { id, newest }),
  sopRevisions: (id: string) => call<Revision[]>('sop_revisions', { id }),
  sopInForceOn: (id: string, date: string) => call<Revision | null>('sop_in_force_on', { id, date }),
  sopMap: (id: string, theme: MapTheme) => call<SopMapDrawing>('sop_map', { id, theme }),
  sopMapChoices: (id: string) => call<MapChoices>('sop_map_choices', { id }),
  compareSopMaps: (before: MapVersion, after: MapVersion, theme: MapTheme) =>
    call<MapComparisonDrawing>('compare_sop_maps', { before, after, theme }),
  escalationTable: (filter: EscalationFilter) => call<EscalationTable>('escalation_table', { filter }),
  compareSopVersions: (id: string, from: number, to: number) =>
    call<SopDiff>('compare_sop_versions', { id, from, to }),
  searchWorkspace: (query: string) => call<SearchResults>('search_workspace', { query }),
  undoState: () => call<UndoState>('get_undo_state'),
  undoLast: () => call<UndoOutcome>('undo_last'),
  redoLast: () => call<UndoOutcome>('redo_last'),
  linkSopToRollout: (sopId: string, rolloutId: string, relation: SopRelation) =>
    call<null>('link_sop_to_rollout', { sopId, rolloutId, relation }),
  unlinkSopFromRollout: (sopId: string, rolloutId: string) =>
    call<null>('unlink_sop_from_rollout', { sopId, rolloutId }),
  sopsForRollout: (rolloutId: string) => call<LinkedSop[]>('sops_for_rollout', { rolloutId }),
  rolloutsForSop: (sopId: string) => call<LinkedRollout[]>('rollouts_for_sop', { sopId }),

  listTemplates: () => call<RolloutTemplate[]>('list_templates'),
  checkTemplateRunway: (template: string, goLive: string) =>
    call<RunwayCheck>('check_template_runway', { template, goLive }),
  createRolloutFromTemplate: (draft: RolloutDraft, template: string, fit: TemplateFit | null) =>
    call<Rollout>('create_rollout_from_template', { draft, template, fit }),
  rolloutOverview: (rolloutId: string) => call<RolloutOverview>('rollout_overview', { rolloutId }),

  listMetrics: (rolloutId: string) => call<Metric[]>('list_metrics', { rolloutId }),
  getMetric: (id: string) => call<Metric>('get_metric', { id }),
  createMetric: (rolloutId: string, draft: MetricDraft) => call<Metric>('create_metric', { rolloutId, draft }),
  updateMetric: (id: string, expectedRowVersion: number, draft: MetricDraft) =>
    call<Metric>('update_metric', { id, expectedRowVersion, draft }),
  trashMetric: (id: string) => call<null>('trash_metric', { id }),
  restoreMetric: (id: string) => call<null>('restore_metric', { id }),
  createThreshold: (metricId: string, draft: ThresholdDraft) => call<Threshold>('create_threshold', { metricId, draft }),
  updateThreshold: (id: string, expectedRowVersion: number, draft: ThresholdDraft) =>
    call<Threshold>('update_threshold', { id, expectedRowVersion, draft }),
  trashThreshold: (id: string) => call<null>('trash_threshold', { id }),
  listMeasurements: (metricId: string) => call<Measurement[]>('list_measurements', { metricId }),
  recordMeasurement: (metricId: string, draft: MeasurementDraft) =>
    call<RecordedMeasurement>('record_measurement', { metricId, draft }),
  recordMeasurements: (rolloutId: string, measuredOn: string, entries: QuickEntry[]) =>
    call<RecordedMeasurement[]>('record_measurements', { rolloutId, measuredOn, entries }),
  trashMeasurement: (id: string) => call<null>('trash_measurement', { id }),
  restoreMeasurement: (id: string) => call<null>('restore_measurement', { id }),
  rolloutMetricStatuses: (rolloutId: string) => call<MetricStatus[]>('rollout_metric_statuses', { rolloutId }),
  metricsNeedingAttention: (rolloutId: string | null) =>
    call<MetricStatus[]>('metrics_needing_attention', { rolloutId }),
  metricChart: (metricId: string) => call<MetricChart>('metric_chart', { metricId }),
  metricTemplates: () => call<MetricTemplate[]>('metric_templates'),
  metricTemplateLevels: (templateKey: string, baseline: number | null, target: number | null) =>
    call<TemplateLevels>('metric_template_levels', { templateKey, baseline, target }),
  addMetricFromTemplate: (rolloutId: string, templateKey: string, choices: TemplateChoices) =>
    call<Metric>('add_metric_from_template', { rolloutId, templateKey, choices }),
  previewMeasurementImport: (rolloutId: string, fileName: string, contents: number[]) =>
    call<MeasurementImportReport>('preview_measurement_import', { rolloutId, fileName, contents }),
  importMeasurements: (rolloutId: string, fileName: string, contents: number[]) =>
    call<MeasurementImportReport>('import_measurements', { rolloutId, fileName, contents }),

  planOpening: (rolloutId: string, rows: number) => call<PlanOpening>('plan_opening', { rolloutId, rows }),
  planView: (rolloutId: string) => call<PlanView>('plan_view', { rolloutId }),
  planSignals: (rolloutId: string) => call<PlanSignals>('plan_signals', { rolloutId }),
  setBaseline: (rolloutId: string, name: string) => call<Baseline>('set_baseline', { rolloutId, name }),
  listBaselines: (rolloutId: string) => call<Baseline[]>('list_baselines', { rolloutId }),
  renameBaseline: (id: string, expectedRowVersion: number, name: string) =>
    call<Baseline>('rename_baseline', { id, expectedRowVersion, name }),
  chooseBaseline: (id: string) => call<Baseline[]>('choose_baseline', { id }),
  removeBaseline: (id: string) => call<null>('remove_baseline', { id }),
  restoreBaseline: (id: string) => call<null>('restore_baseline', { id }),
  createPhase: (rolloutId: string, name: string) => call<PlanPhase>('create_phase', { rolloutId, name }),
  renamePhase: (id: string, expectedRowVersion: number, name: string) =>
    call<PlanPhase>('rename_phase', { id, expectedRowVersion, name }),
  trashPhase: (id: string) => call<null>('trash_phase', { id }),
  restorePhase: (id: string) => call<null>('restore_phase', { id }),
  createTask: (rolloutId: string, draft: TaskDraft) => call<Task>('create_task', { rolloutId, draft }),
  updateTask: (id: string, expectedRowVersion: number, draft: TaskDraft) =>
    call<Task>('update_task', { id, expectedRowVersion, draft }),
  applyGridEdits: (rolloutId: string, edits: GridEdit[]) => call<Task[]>('apply_grid_edits', { rolloutId, edits }),
  setWaitsFor: (taskId: string, links: TaskLink[]) => call<Task>('set_waits_for', { taskId, links }),
  trashTask: (id: string) => call<null>('trash_task', { id }),
  restoreTask: (id: string) => call<null>('restore_task', { id }),
  taskHistory: (id: string) => call<AuditEntry[]>('task_history', { id }),
  listTrashedTasks: () => call<Task[]>('list_trashed_tasks'),
  addDependency: (taskId: string, dependsOnId: string, linkType: LinkType, lagDays: number) =>
    call<Task>('add_dependency', { taskId, dependsOnId, linkType, lagDays }),
  removeDependency: (taskId: string, dependsOnId: string) =>
    call<Task>('remove_dependency', { taskId, dependsOnId }),
  previewGoLiveMove: (rolloutId: string, newGoLive: string, scope: GoLiveMoveScope) =>
    call<GoLiveMove>('preview_go_live_move', { rolloutId, newGoLive, scope }),
  moveGoLive: (rolloutId: string, expectedRowVersion: number, newGoLive: string, scope: GoLiveMoveScope) =>
    call<GoLiveMove>('move_go_live', { rolloutId, expectedRowVersion, newGoLive, scope }),
  undoPlanDates: (undo: DatesUndo) => call<null>('undo_plan_dates', { undo }),
  previewTaskSave: (id: string, draft: TaskDraft) => call<TaskShift[]>('preview_task_save', { id, draft }),
  saveTask: (id: string, expectedRowVersion: number, draft: TaskDraft) =>
    call<TaskSave>('save_task', { id, expectedRowVersion, draft }),
  setScheduleMode: (id: string, expectedRowVersion: number, mode: ScheduleMode) =>
    call<Rollout>('set_schedule_mode', { id, expectedRowVersion, mode }),
  previewTaskImport: (rolloutId: string, fileName: string, contents: number[], options: TaskImportOptions) =>
    call<TaskImportReport>('preview_task_import', { rolloutId, fileName, contents, options }),
  importTasks: (rolloutId: string, fileName: string, contents: number[], options: TaskImportOptions) =>
    call<TaskImportReport>('import_tasks', { rolloutId, fileName, contents, options }),

  myWeek: (personId: string) => call<MyWeek>('my_week', { personId }),
  openTasksOf: (personId: string) => call<WeekTask[]>('open_tasks_of', { personId }),
  completeWeekItem: (item: WeekItem) => call<null>('complete_week_item', { item }),
  myPerson: () => call<string | null>('my_person'),
  chooseMyPerson: (personId: string | null) => call<null>('choose_my_person', { personId }),

  listRisks: (rolloutId: string) => call<Risk[]>('list_risks', { rolloutId }),
  createRisk: (rolloutId: string, draft: RiskDraft) => call<Risk>('create_risk', { rolloutId, draft }),
  updateRisk: (id: string, expectedRowVersion: number, draft: RiskDraft) =>
    call<Risk>('update_risk', { id, expectedRowVersion, draft }),
  trashRisk: (id: string) => call<null>('trash_risk', { id }),
  restoreRisk: (id: string) => call<null>('restore_risk', { id }),
  riskHeatMap: (rolloutId: string) => call<RiskHeatMap>('risk_heat_map', { rolloutId }),
  listDecisions: (rolloutId: string) => call<Decision[]>('list_decisions', { rolloutId }),
  createDecision: (rolloutId: string, draft: DecisionDraft) => call<Decision>('create_decision', { rolloutId, draft }),
  updateDecision: (id: string, expectedRowVersion: number, draft: DecisionDraft) =>
    call<Decision>('update_decision', { id, expectedRowVersion, draft }),
  trashDecision: (id: string) => call<null>('trash_decision', { id }),
  restoreDecision: (id: string) => call<null>('restore_decision', { id }),
  listCommunications: (rolloutId: string) => call<Communication[]>('list_communications', { rolloutId }),
  createCommunication: (rolloutId: string, draft: CommunicationDraft) => call<Communication>('create_communication', { rolloutId, draft }),
  updateCommunication: (id: string, expectedRowVersion: number, draft: CommunicationDraft) =>
    call<Communication>('update_communication', { id, expectedRowVersion, draft }),
  trashCommunication: (id: string) => call<null>('trash_communication', { id }),
  restoreCommunication: (id: string) => call<null>('restore_communication', { id }),
  listStakeholders: (rolloutId: string) => call<Stakeholder[]>('list_stakeholders', { rolloutId }),
  createStakeholder: (rolloutId: string, draft: StakeholderDraft) => call<Stakeholder>('create_stakeholder', { rolloutId, draft }),
  updateStakeholder: (id: string, expectedRowVersion: number, draft: StakeholderDraft) =>
    call<Stakeholder>('update_stakeholder', { id, expectedRowVersion, draft }),
  trashStakeholder: (id: string) => call<null>('trash_stakeholder', { id }),
  restoreStakeholder: (id: string) => call<null>('restore_stakeholder', { id }),
  adkarBarriers: (rolloutId: string) => call<AdkarBarrier[]>('adkar_barriers', { rolloutId }),
  listScopeChanges: (rolloutId: string) => call<ScopeChange[]>('list_scope_changes', { rolloutId }),
  createScopeChange: (rolloutId: string, draft: ScopeChangeDraft) => call<ScopeChange>('create_scope_change', { rolloutId, draft }),
  updateScopeChange: (id: string, expectedRowVersion: number, draft: ScopeChangeDraft) =>
    call<ScopeChange>('update_scope_change', { id, expectedRowVersion, draft }),
  trashScopeChange: (id: string) => call<null>('trash_scope_change', { id }),
  restoreScopeChange: (id: string) => call<null>('restore_scope_change', { id }),

  /** A week's draft status: of one rollout, or (`null`) of every active rollout. */
  /** The week's draft, each section cut to its first `firstItems` (whole for null). */
  draftStatus: (rolloutId: string | null, week: string, firstItems: number | null) =>
    call<DraftShown>('draft_status', { rolloutId, week, firstItems }),
  listStatuses: (rolloutId: string | null) => call<SavedStatus[]>('list_statuses', { rolloutId }),
  saveStatus: (rolloutId: string | null, week: string) => call<SavedStatus>('save_status', { rolloutId, week }),
  updateStatus: (id: string, expectedRowVersion: number, edit: StatusEdit) =>
    call<SavedStatus>('update_status', { id, expectedRowVersion, edit }),
  markStatusSent: (id: string, expectedRowVersion: number) =>
    call<SavedStatus>('mark_status_sent', { id, expectedRowVersion }),
  copyStatusToNewDraft: (id: string) => call<SavedStatus>('copy_status_to_new_draft', { id }),
  /** Asks where to save (a native dialog), then exports the status; `null` when cancelled. */
  exportStatus: (subject: StatusSubject, format: StatusFormat, force: boolean) =>
    call<ExportOutcome | null>('export_status', { subject, format, force }),

  listDebriefs: (rolloutId: string) => call<Debrief[]>('list_debriefs', { rolloutId }),
  /** Records a debrief; each of its actions becomes a task of the plan. */
  createDebrief: (rolloutId: string, draft: DebriefDraft) => call<Debrief>('create_debrief', { rolloutId, draft }),
  /** Edits a debrief read at `expectedRowVersion`; the draft's actions are new ones, each becoming a task. */
  updateDebrief: (id: string, expectedRowVersion: number, draft: DebriefDraft) =>
    call<Debrief>('update_debrief', { id, expectedRowVersion, draft }),
  trashDebrief: (id: string) => call<null>('trash_debrief', { id }),
  restoreDebrief: (id: string) => call<null>('restore_debrief', { id }),

  /** A metric's improvement cycles in the order they ran, each with its study. */
  listPdsaCycles: (metricId: string) => call<PdsaCycle[]>('list_pdsa_cycles', { metricId }),
  createPdsaCycle: (rolloutId: string, draft: PdsaDraft) => call<PdsaCycle>('create_pdsa_cycle', { rolloutId, draft }),
  updatePdsaCycle: (id: string, rowVersion: number, draft: PdsaDraft) =>
    call<PdsaCycle>('update_pdsa_cycle', { id, rowVersion, draft }),
  /** Records the Act (adopt, adapt or abandon); it becomes an entry of the decision log. */
  recordPdsaAct: (id: string, rowVersion: number, draft: ActDraft) => call<PdsaCycle>('record_pdsa_act', { id, rowVersion, draft }),
  trashPdsaCycle: (id: string) => call<void>('trash_pdsa_cycle', { id }),
  restorePdsaCycle: (id: string) => call<void>('restore_pdsa_cycle', { id }),

  /** Every live programme with its waves in order, by name: how Home groups them. */
  listProgrammes: () => call<ProgrammeWaves[]>('list_programmes'),
  /** A programme's page: each wave with its rollout's own figures and the previous wave's lessons. */
  programmeOverview: (id: string) => call<ProgrammeOverview>('programme_overview', { id }),
  createProgramme: (draft: ProgrammeDraft) => call<Programme>('create_programme', { draft }),
  updateProgramme: (id: string, expectedRowVersion: number, draft: ProgrammeDraft) =>
    call<Programme>('update_programme', { id, expectedRowVersion, draft }),
  /** Refused, with a sentence naming it, when the rollout is already a wave of a programme. */
  addRolloutToProgramme: (programmeId: string, rolloutId: string) =>
    call<ProgrammeWaves>('add_rollout_to_programme', { programmeId, rolloutId }),
  removeRolloutFromProgramme: (rolloutId: string) => call<null>('remove_rollout_from_programme', { rolloutId }),
  /** Creates the next wave's rollout from the last wave; a go-live before the previous wave's is refused at the field. */
  planNextWave: (programmeId: string, draft: WaveDraft) => call<Wave>('plan_next_wave', { programmeId, draft }),
  /** Removes a programme; its rollouts stay, ungrouped, until it is restored. */
  trashProgramme: (id: string) => call<null>('trash_programme', { id }),
  restoreProgramme: (id: string) => call<null>('restore_programme', { id }),
  listTrashedProgrammes: () => call<Programme[]>('list_trashed_programmes'),

  checkExportPhi: (subject: ExportSubject, format: ExportFormat) =>
    call<PhiHit[]>('check_export_phi', { subject, format }),
  /** Asks where to save (a native dialog), then exports; `null` when cancelled. */
  exportToFile: (
    subject: ExportSubject,
    format: ExportFormat,
    options: ExportOptions,
    onStage: (stage: ExportStage) => void,
  ) => {
    const progress = new Channel<ExportStage>();
    progress.onmessage = onStage;
    return call<ExportOutcome | null>('export_to_file', { subject, format, options, progress });
  },
  openExport: (path: string) => call<null>('open_export', { path }),
  showExportInFolder: (path: string) => call<null>('show_export_in_folder', { path }),
  /** Asks for a bundle (a native dialog) and previews it; `null` when cancelled. */
  chooseBundle: () => call<ChosenBundle | null>('choose_bundle'),
  /** Opens the chosen protected bundle with its passphrase and previews it. */
  unlockBundle: (passphrase: string) => call<BundleImportReport>('unlock_bundle', { passphrase }),
  previewBundle: (resolutions: BundleResolutions) => call<BundleImportReport>('preview_bundle', { resolutions }),
  importBundle: (resolutions: BundleResolutions) => call<BundleImportReport>('import_bundle', { resolutions }),
  listBackups: () => call<BackupList>('list_backups'),
  backUpNow: () => call<Backup>('back_up_now'),
  restoreBackup: (fileName: string) => call<RestoreOutcome>('restore_backup', { fileName }),
  restoreLatestBackup: () => call<RestoreOutcome>('restore_latest_backup'),
  orphanedRows: () => call<OrphanedRows[]>('orphaned_rows'),
  repairOrphans: () => call<OrphanRepairOutcome>('repair_orphans'),
  // Team mode (Settings → Team, the header chip, conflicts).
  teamStatus: () => call<TeamView>('team_status'),
  teamSyncNow: () => call<null>('team_sync_now'),
  teamSignIn: (password: string) => call<null>('team_sign_in', { password }),
  teamJoin: (server: string, login: string, password: string, onTable: (step: JoinProgress) => void) => {
    const progress = new Channel<JoinProgress>();
    progress.onmessage = onTable;
    return call<JoinedTeam>('team_join', { server, login, password, progress });
  },
  teamLeave: () => call<LeftTeam>('team_leave'),
  teamConflicts: () => call<ConflictView[]>('team_conflicts'),
  teamResolve: (id: number, keepMine: boolean) => call<null>('team_resolve', { id, keepMine }),
  /** The chip or Team settings may read differently. */
  onTeamStatus: (handler: () => void): Promise<UnlistenFn> => listen('team-status', () => handler()),
  /** Others' changes were written into the local file. */
  onTeamChanged: (handler: () => void): Promise<UnlistenFn> => listen('team-changed', () => handler()),
};
