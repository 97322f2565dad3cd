//! The window's first size, fitted to the screen it opens on.

use tauri::{PhysicalPosition, PhysicalSize, WebviewWindow};

/// The window is configured at 1280×820, a comfortable size on most screens. A 1280×720
/// laptop (or a larger screen at 150%) has less room once its panel or taskbar is
/// counted: there the window would open with its bottom, and a dialog's buttons, below
/// the screen's edge. It is shrunk to the monitor's work area and centred in it instead.
pub fn fit_to_work_area(window: &WebviewWindow) -> tauri::Result<()> {
    let Some(monitor) = window.current_monitor()? else {
        return Ok(());
    };
    let area = monitor.work_area();
    let size = window.outer_size()?;
    if size.width <= area.size.width && size.height <= area.size.height {
        return Ok(());
    }
    let width = size.width.min(area.size.width);
    let height = size.height.min(area.size.height);
    window.set_size(PhysicalSize::new(width, height))?;
    let offset = |room: u32, used: u32| i32::try_from((room - used) / 2).unwrap_or(0);
    window.set_position(PhysicalPosition::new(
        area.position.x + offset(area.size.width, width),
        area.position.y + offset(area.size.height, height),
    ))
}
