// The one list of the commands the window may call, by the module of `src/commands` that
// defines each. Not a module of its own: `commands/mod.rs` and `build.rs` both `include!`
// it, each with its own `app_commands!` macro, so the invoke handler, the permissions
// and the TypeScript union of command names (`ui/src/lib/bindings/Command.ts`) all come
// from these lines. See `commands/mod.rs` for why it is a list and not tauri-specta.
//
// A command belongs here only if the UI calls it: `tests/commands.rs` fails for a name
// that `ui/src/lib/api.ts` never invokes, and the UI's type check for a name it invokes
// that is not here.
app_commands! {
    app:
        app_info, first_screen_shown, choose_database, use_default_database, restart_app;
    rollouts:
        list_rollouts, list_trashed_rollouts, get_rollout, create_rollout, update_rollout,
        trash_rollout, restore_rollout, purge_rollout, rollout_history, seed_sample_clinic,
        list_templates, create_rollout_from_template, check_template_runway;
    people:
        list_people, people_page, get_person, list_departments, create_person, update_person, trash_person, restore_person,
        person_history, list_roles, create_role, merge_roles, preview_roster, import_roster;
    training:
        list_training_modules, create_training_module, update_training_module,
        list_requirements, add_requirement, remove_requirement, training_matrix,
        rollout_training_completion, update_training_record, complete_training,
        training_due_page, person_training, trash_training_module, restore_training_module,
        restore_requirement, set_requirement_sites;
    readiness:
        list_criteria, create_criterion, update_criterion, criterion_history,
        trash_criterion, restore_criterion, rollout_readiness, rollout_statuses, home_figures;
    sops:
        list_sops, sop_library_page, list_trashed_sops, get_sop, create_sop, update_sop, approve_sop,
        mark_sop_reviewed, trash_sop, restore_sop, purge_sop, sop_history, sop_revisions,
        sop_in_force_on, compare_sop_versions, search_sops, sops_due_for_review,
        link_sop_to_rollout, unlink_sop_from_rollout, sops_for_rollout, rollouts_for_sop,
        sop_map, sop_map_choices, compare_sop_maps, escalation_table;
    plan:
        plan_opening, plan_view, plan_signals, create_phase, rename_phase, trash_phase, restore_phase, create_task,
        update_task, apply_grid_edits, set_waits_for, trash_task, restore_task, list_trashed_tasks, task_history,
        add_dependency, remove_dependency, preview_go_live_move, move_go_live,
        undo_plan_dates, preview_task_save, save_task, set_schedule_mode,
        preview_task_import, import_tasks;
    baselines:
        set_baseline, list_baselines, rename_baseline, choose_baseline, remove_baseline,
        restore_baseline;
    workspace:
        rollout_overview, list_risks, risk_heat_map, create_risk, update_risk, trash_risk,
        restore_risk, list_decisions, create_decision, update_decision, trash_decision,
        restore_decision, list_communications, create_communication, update_communication,
        trash_communication, restore_communication, list_stakeholders, adkar_barriers,
        create_stakeholder, update_stakeholder, trash_stakeholder, restore_stakeholder,
        list_scope_changes, create_scope_change, update_scope_change, trash_scope_change,
        restore_scope_change;
    metrics:
        list_metrics, get_metric, create_metric, update_metric, trash_metric,
        restore_metric, create_threshold, update_threshold, trash_threshold,
        list_measurements, record_measurement, record_measurements, trash_measurement,
        restore_measurement, rollout_metric_statuses, metrics_needing_attention,
        metric_chart, add_metric_from_template, metric_templates, metric_template_levels,
        preview_measurement_import, import_measurements;
    backups:
        list_backups, back_up_now, restore_backup, restore_latest_backup, orphaned_rows,
        repair_orphans;
    status:
        draft_status, list_statuses, save_status, update_status, mark_status_sent,
        copy_status_to_new_draft, export_status;
    debriefs:
        list_debriefs, create_debrief, update_debrief, trash_debrief, restore_debrief;
    programmes:
        list_programmes, programme_overview, create_programme, update_programme,
        add_rollout_to_programme, remove_rollout_from_programme, plan_next_wave,
        trash_programme, restore_programme, list_trashed_programmes;
    improvement:
        list_pdsa_cycles, create_pdsa_cycle, update_pdsa_cycle, record_pdsa_act,
        trash_pdsa_cycle, restore_pdsa_cycle;
    export:
        check_export_phi, export_to_file, open_export, show_export_in_folder, choose_bundle,
        unlock_bundle, preview_bundle, import_bundle;
    search:
        search_workspace;
    team:
        team_status, team_sync_now, team_sign_in, team_join, team_leave, team_conflicts,
        team_resolve;
    undo:
        get_undo_state, undo_last, redo_last;
    week:
        my_week, open_tasks_of, complete_week_item, my_person, choose_my_person;
}
