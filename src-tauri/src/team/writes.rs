//! Which commands change the workspace, so a viewer's edit is refused before it is
//! written (the server would refuse it at the next sync anyway, leaving a change stuck
//! on the laptop). Decided by the command's name, the verbs the command list uses for
//! writing; restoring a backup replaces the local file as a whole and is not an edit of
//! the team's workspace, and the team's own commands decide for themselves.

/// The verbs of the commands that write records.
const WRITING: &[&str] = &[
    "add_",
    "approve_",
    "complete_",
    "copy_",
    "create_",
    "import_",
    "link_",
    "mark_",
    "merge_",
    "move_",
    "purge_",
    "record_",
    "redo_",
    "remove_",
    "rename_",
    "repair_",
    "restore_",
    "save_",
    "seed_",
    "set_",
    "trash_",
    "undo_",
    "unlink_",
    "update_",
];

/// Commands named like writes that do not change the team's workspace.
const NOT_EDITS: &[&str] = &["restore_backup", "restore_latest_backup"];

/// Whether `command` changes records of the workspace.
pub fn changes_workspace(command: &str) -> bool {
    !command.starts_with("team_")
        && !NOT_EDITS.contains(&command)
        && WRITING.iter().any(|verb| command.starts_with(verb))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_told_from_reads() {
        for write in [
            "update_rollout",
            "create_task",
            "trash_risk",
            "record_measurement",
            "import_bundle",
            "save_task",
            "undo_last",
            "redo_last",
        ] {
            assert!(changes_workspace(write), "{write} changes the workspace");
        }
        for read in [
            "list_rollouts",
            "get_rollout",
            "rollout_overview",
            "preview_bundle",
            "restore_backup",
            "team_resolve",
            "export_to_file",
        ] {
            assert!(
                !changes_workspace(read),
                "{read} does not change the workspace"
            );
        }
    }

    #[test]
    fn no_listed_read_is_taken_for_a_write() {
        for command in crate::COMMANDS {
            let reads = ["list_", "get_", "preview_", "check_", "search_"]
                .iter()
                .any(|verb| command.starts_with(verb))
                || command.ends_with("_history");
            assert!(
                !(reads && changes_workspace(command)),
                "{command} only reads, so a viewer may call it"
            );
        }
    }
}
