fn main() {
    // Declaring the app's commands makes each one need an explicit permission, so the
    // webview can call exactly the commands listed in capabilities/main.json.
    let commands = tauri_build::AppManifest::new().commands(&[
        "app_info",
        "list_rollouts",
        "list_trashed_rollouts",
        "get_rollout",
        "create_rollout",
        "update_rollout",
        "trash_rollout",
        "restore_rollout",
        "purge_rollout",
        "rollout_history",
        "seed_sample_clinic",
        "choose_database",
        "use_default_database",
        "restart_app",
        "list_people",
        "create_person",
        "update_person",
        "trash_person",
        "restore_person",
        "person_history",
        "list_roles",
        "create_role",
        "preview_roster",
        "import_roster",
        "list_training_modules",
        "create_training_module",
        "update_training_module",
        "list_requirements",
        "add_requirement",
        "remove_requirement",
        "training_matrix",
        "rollout_training_completion",
        "update_training_record",
        "complete_training",
        "training_due",
        "person_training",
        "trash_training_module",
        "restore_training_module",
        "restore_requirement",
        "list_criteria",
        "create_criterion",
        "update_criterion",
        "trash_criterion",
        "restore_criterion",
        "rollout_readiness",
        "rollout_statuses",
        "sops_due_for_review",
    ]);
    if let Err(error) =
        tauri_build::try_build(tauri_build::Attributes::new().app_manifest(commands))
    {
        eprintln!("tauri build step failed: {error:#}");
        std::process::exit(1);
    }
}
