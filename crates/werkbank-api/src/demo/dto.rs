//! The data transfer objects of the synthetic demo workplace.
//! (conventions: [`crate::dto`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DemoSummaryDto {
    pub people: u32,
    pub periods: u32,
}
