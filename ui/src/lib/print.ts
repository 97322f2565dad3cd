// Printing from a sheet laid out for paper. The system's print dialog can take seconds
// to appear (it asks the printers first) and the page cannot paint while it opens, so
// the caller shows "Preparing…" and that is painted before the dialog is asked for.

/** Opens the print dialog once what the page shows now has been painted. */
export async function printOncePainted(): Promise<void> {
  await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
  window.print();
}
