//! PDF documents typeset in-process with Typst. A document is a fixed Typst template
//! plus its data as JSON, which the template reads with `json()`: whatever a person
//! typed is data, never markup, so nothing they write can change the layout or run.
//! The fonts are compiled into the binary, so a PDF comes out the same on every machine.

mod blocks;
mod escalations;
mod programme;
mod rollout;
mod sops;
mod status;
pub(crate) mod world;

pub use escalations::escalations_pdf;
pub use programme::programme_pdf;
pub use rollout::{rollout_pdf, rollout_pdf_with};
pub use sops::{sop_library_pdf, sop_pdf};
pub use status::status_pdf;
