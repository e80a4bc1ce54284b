//! Data transfer objects: what the use cases take and return. They serialise to the JSON
//! the CLI prints and the desktop UI receives; their TypeScript declarations are generated
//! into `ui/src/lib/bindings/` (see `tests/bindings.rs`), never written by hand.
//!
//! Dates are ISO strings (`2026-01-31`), FTE and fractions decimal strings with 4 decimals
//! (`"9.4500"`), Q and S integers in hundredths of hours.
//!
//! Each feature keeps its own DTOs (`<feature>/dto.rs`); this module gathers them under one
//! path (`werkbank_api::dto::*`) for the adapters and the tests.

pub use crate::app::dto::*;
pub use crate::backup::dto::*;
pub use crate::claims::dto::*;
pub use crate::compliance::dto::*;
pub use crate::demo::dto::*;
pub use crate::list_export::dto::*;
pub use crate::organisation::dto::*;
pub use crate::path::dto::*;
pub use crate::payroll::dto::*;
pub use crate::register::dto::*;
pub use crate::staff_import::dto::*;
pub use crate::waitlist::dto::*;
