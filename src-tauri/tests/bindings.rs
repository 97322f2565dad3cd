//! The UI's TypeScript types are generated from the Rust types and committed under
//! `ui/src/lib/bindings`, with `Command.ts`, the names of the commands the window may
//! call (from `src/commands/list.rs`). This test regenerates them and fails when the
//! committed copy is stale. To refresh them after changing a type:
//!
//!     UPDATE_BINDINGS=1 cargo test -p rollplan --test bindings

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rollplan_core::audit::{AuditEntry, HistoryPage};
use rollplan_core::backup::{Backup, BackupReason, RestoreOutcome};
use rollplan_core::bundle::{BundleImportReport, BundleResolution, BundleResolutions};
use rollplan_core::check::CheckReport;
use rollplan_core::debriefs::{Debrief, DebriefDraft};
use rollplan_core::export::{
    ExportDetail, ExportFormat, ExportOutcome, ExportStage, ExportSubject, PhiHit, PhiKind,
};
use rollplan_core::export::{StatusFormat, StatusSubject};
use rollplan_core::home::HomeFigures;
use rollplan_core::improvement::{ActDraft, PdsaCycle, PdsaDraft};
use rollplan_core::metrics::{
    Measurement, MeasurementDraft, MeasurementImportReport, Metric, MetricChart, MetricDraft,
    MetricStatus, MetricTemplate, QuickEntry, RecordedMeasurement, TemplateChoices, TemplateLevels,
    Threshold, ThresholdDraft,
};
use rollplan_core::my_week::{MyWeek, WeekItem, WeekTask};
use rollplan_core::people::roster::{RejectedRows, RosterReport};
use rollplan_core::people::{
    PeopleKind, PeoplePage, PeopleQuery, Person, PersonDraft, Role, RoleMergeReport,
};
use rollplan_core::plan::{
    Baseline, CriticalPath, DatesUndo, GoLiveMove, GoLiveMoveScope, GridEdit, PlanOpening,
    PlanPhase, PlanSignals, PlanView, SlippedTask, Task, TaskDraft, TaskImportOptions,
    TaskImportReport, TaskSave, TaskShift,
};
use rollplan_core::programmes::{
    DebriefLesson, Programme, ProgrammeDraft, ProgrammeOverview, ProgrammeWaves, Wave, WaveDraft,
    WaveOverview,
};
use rollplan_core::readiness::{Criterion, CriterionDraft, Readiness, RolloutStatus};
use rollplan_core::rollouts::{Rollout, RolloutDraft, ScheduleMode};
use rollplan_core::sops::{
    LinkedRollout, LinkedSop, Revision, SearchHit, Sop, SopDiff, SopDraft, SopLibraryPage,
    SopLibraryQuery, SopLibraryRow, SopRelation, SopSummary,
};
use rollplan_core::status::{DraftShown, SavedStatus, StatusDraft, StatusEdit};
use rollplan_core::store::orphans::{OrphanRepairOutcome, OrphanedRows};
use rollplan_core::templates::{RolloutTemplate, RunwayCheck, TemplateFit};
use rollplan_core::training::{
    DuePage, DueTraining, MatrixFilter, ModuleDraft, RecordDraft, Requirement, RoleCompletion,
    TrainingMatrix, TrainingModule, TrainingRecord,
};
use rollplan_core::workspace::{
    AdkarBarrier, Communication, CommunicationDraft, Decision, DecisionDraft, Risk, RiskDraft,
    RiskHeatMap, RolloutOverview, ScopeChange, ScopeChangeDraft, Stakeholder, StakeholderDraft,
};
use rollplan_core::ErrorPayload;
use rollplan_lib::{AppInfo, BackupList, ChosenBundle, ExportOptions, StartupReport, COMMANDS};
use rollplan_lib::{ConflictView, JoinProgress, JoinedTeam, LeftTeam, TeamView};
use ts_rs::{Config, TS};

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
}

/// Every type the UI receives or sends, with what it depends on.
fn export_all(dir: &Path) {
    // Tauri sends i64 as a JSON number, so the UI must see `number`, not `bigint`.
    let config = Config::new().with_out_dir(dir).with_large_int("number");
    let results = [
        Rollout::export_all(&config),
        RolloutDraft::export_all(&config),
        AuditEntry::export_all(&config),
        HistoryPage::export_all(&config),
        ErrorPayload::export_all(&config),
        CheckReport::export_all(&config),
        AppInfo::export_all(&config),
        StartupReport::export_all(&config),
        TeamView::export_all(&config),
        ConflictView::export_all(&config),
        JoinProgress::export_all(&config),
        JoinedTeam::export_all(&config),
        LeftTeam::export_all(&config),
        Person::export_all(&config),
        PeopleKind::export_all(&config),
        PeopleQuery::export_all(&config),
        PeoplePage::export_all(&config),
        PersonDraft::export_all(&config),
        Role::export_all(&config),
        RosterReport::export_all(&config),
        RoleMergeReport::export_all(&config),
        RejectedRows::export_all(&config),
        TrainingModule::export_all(&config),
        ModuleDraft::export_all(&config),
        Requirement::export_all(&config),
        TrainingRecord::export_all(&config),
        RecordDraft::export_all(&config),
        TrainingMatrix::export_all(&config),
        RoleCompletion::export_all(&config),
        MatrixFilter::export_all(&config),
        DueTraining::export_all(&config),
        DuePage::export_all(&config),
        MyWeek::export_all(&config),
        WeekItem::export_all(&config),
        WeekTask::export_all(&config),
        Criterion::export_all(&config),
        CriterionDraft::export_all(&config),
        Readiness::export_all(&config),
        RolloutStatus::export_all(&config),
        HomeFigures::export_all(&config),
        SopLibraryQuery::export_all(&config),
        SopLibraryRow::export_all(&config),
        SopLibraryPage::export_all(&config),
        SopSummary::export_all(&config),
        Sop::export_all(&config),
        SopDraft::export_all(&config),
        rollplan_core::export::svg::SopMapDrawing::export_all(&config),
        rollplan_core::export::svg::MapTheme::export_all(&config),
        rollplan_core::export::svg::MapComparisonDrawing::export_all(&config),
        rollplan_core::sops::map::MapVersion::export_all(&config),
        rollplan_core::sops::map::MapChoices::export_all(&config),
        rollplan_core::search::SearchResults::export_all(&config),
        rollplan_core::undo::UndoOutcome::export_all(&config),
        rollplan_core::sops::escalations::EscalationFilter::export_all(&config),
        rollplan_core::sops::escalations::EscalationTable::export_all(&config),
        Revision::export_all(&config),
        SopDiff::export_all(&config),
        SearchHit::export_all(&config),
        SopRelation::export_all(&config),
        LinkedSop::export_all(&config),
        LinkedRollout::export_all(&config),
        PlanPhase::export_all(&config),
        Task::export_all(&config),
        TaskDraft::export_all(&config),
        GridEdit::export_all(&config),
        CriticalPath::export_all(&config),
        SlippedTask::export_all(&config),
        PlanView::export_all(&config),
        PlanOpening::export_all(&config),
        PlanSignals::export_all(&config),
        Baseline::export_all(&config),
        GoLiveMove::export_all(&config),
        GoLiveMoveScope::export_all(&config),
        DatesUndo::export_all(&config),
        TaskShift::export_all(&config),
        TaskSave::export_all(&config),
        ScheduleMode::export_all(&config),
        RunwayCheck::export_all(&config),
        TemplateFit::export_all(&config),
        TaskImportReport::export_all(&config),
        TaskImportOptions::export_all(&config),
        RolloutTemplate::export_all(&config),
        PhiHit::export_all(&config),
        ExportFormat::export_all(&config),
        ExportDetail::export_all(&config),
        ExportSubject::export_all(&config),
        ExportStage::export_all(&config),
        ExportOutcome::export_all(&config),
        StatusDraft::export_all(&config),
        DraftShown::export_all(&config),
        SavedStatus::export_all(&config),
        StatusEdit::export_all(&config),
        StatusFormat::export_all(&config),
        StatusSubject::export_all(&config),
        Debrief::export_all(&config),
        DebriefDraft::export_all(&config),
        PdsaCycle::export_all(&config),
        PdsaDraft::export_all(&config),
        ActDraft::export_all(&config),
        Programme::export_all(&config),
        ProgrammeDraft::export_all(&config),
        ProgrammeWaves::export_all(&config),
        Wave::export_all(&config),
        WaveDraft::export_all(&config),
        ProgrammeOverview::export_all(&config),
        WaveOverview::export_all(&config),
        DebriefLesson::export_all(&config),
        ChosenBundle::export_all(&config),
        Backup::export_all(&config),
        BackupReason::export_all(&config),
        RestoreOutcome::export_all(&config),
        OrphanedRows::export_all(&config),
        OrphanRepairOutcome::export_all(&config),
        BackupList::export_all(&config),
        ExportOptions::export_all(&config),
        PhiKind::export_all(&config),
        BundleImportReport::export_all(&config),
        BundleResolution::export_all(&config),
        BundleResolutions::export_all(&config),
        Measurement::export_all(&config),
        MeasurementDraft::export_all(&config),
        MeasurementImportReport::export_all(&config),
        Metric::export_all(&config),
        MetricChart::export_all(&config),
        MetricDraft::export_all(&config),
        MetricStatus::export_all(&config),
        MetricTemplate::export_all(&config),
        QuickEntry::export_all(&config),
        RecordedMeasurement::export_all(&config),
        TemplateChoices::export_all(&config),
        TemplateLevels::export_all(&config),
        Threshold::export_all(&config),
        ThresholdDraft::export_all(&config),
        AdkarBarrier::export_all(&config),
        Communication::export_all(&config),
        CommunicationDraft::export_all(&config),
        Decision::export_all(&config),
        DecisionDraft::export_all(&config),
        Risk::export_all(&config),
        RiskDraft::export_all(&config),
        RiskHeatMap::export_all(&config),
        RolloutOverview::export_all(&config),
        ScopeChange::export_all(&config),
        ScopeChangeDraft::export_all(&config),
        Stakeholder::export_all(&config),
        StakeholderDraft::export_all(&config),
    ];
    for result in results {
        result.expect("bindings export");
    }
    std::fs::write(dir.join("Command.ts"), command_union()).expect("write Command.ts");
}

/// The command names as a TypeScript union, so `api.ts` cannot invoke one that the app
/// does not register and grant.
fn command_union() -> String {
    let names: Vec<String> = COMMANDS.iter().map(|name| format!("\"{name}\"")).collect();
    format!(
        "// Generated from src-tauri/src/commands/list.rs by the bindings test. Do not edit.\n\n\
         /**\n * A command the window may call: registered, granted, and invoked by api.ts.\n */\n\
         export type Command = {};\n",
        names.join(" | ")
    )
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(e.path()).expect("read binding");
            (name, text)
        })
        .collect()
}

#[test]
fn committed_typescript_bindings_are_current() {
    let fresh_dir = tempfile::tempdir().expect("temp dir");
    export_all(fresh_dir.path());
    let fresh = read_dir(fresh_dir.path());

    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let committed = committed_dir();
        let _ = std::fs::remove_dir_all(&committed);
        std::fs::create_dir_all(&committed).expect("create bindings dir");
        for (name, text) in &fresh {
            std::fs::write(committed.join(name), text).expect("write binding");
        }
        return;
    }

    let committed = read_dir(&committed_dir());
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "the committed bindings must be exactly the generated files; \
         run UPDATE_BINDINGS=1 cargo test -p rollplan --test bindings"
    );
    for (name, text) in &fresh {
        assert_eq!(
            &committed[name], text,
            "ui/src/lib/bindings/{name} is stale; \
             run UPDATE_BINDINGS=1 cargo test -p rollplan --test bindings"
        );
    }
}
