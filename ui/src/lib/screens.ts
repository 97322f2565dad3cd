// Every screen but Home (and what the window shows before it), loaded the first time it
// is opened: the window starts on Home, and parsing the code of thirty screens before
// showing it was a good part of the start. Once the first screen is painted they are
// all loaded in the background, so opening one later waits for nothing.
export const screens = {
  week: () => import('../components/MyWeekPage.svelte'),
  newRollout: () => import('../components/NewRolloutDialog.svelte'),
  programme: () => import('../components/ProgrammePage.svelte'),
  programmes: () => import('../components/ProgrammesPage.svelte'),
  people: () => import('../components/PeoplePage.svelte'),
  training: () => import('../components/TrainingPage.svelte'),
  rollout: () => import('../components/RolloutPage.svelte'),
  settings: () => import('../components/SettingsPage.svelte'),
  sops: () => import('../components/SopLibraryPage.svelte'),
  sop: () => import('../components/SopPage.svelte'),
  sopPrint: () => import('../components/SopPrint.svelte'),
  planPrint: () => import('../components/PlanPrint.svelte'),
  sopCompare: () => import('../components/SopComparePage.svelte'),
  search: () => import('../components/SearchPalette.svelte'),
  trash: () => import('../components/TrashPage.svelte'),
  escalations: () => import('../components/EscalationsPage.svelte'),
  status: () => import('../components/StatusPanel.svelte'),
  importBundle: () => import('../components/BundleImportPage.svelte'),
};

/** Loads every screen's code now, so that none waits for it when opened. */
export function preloadScreens(): void {
  for (const load of Object.values(screens)) void load().catch(() => {});
}
