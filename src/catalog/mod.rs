//! The status catalog: one table, the single source of truth for every status code we know.
//!
//! Each row of `table.rs` carries the code, the IANA reason phrase (or the widely used phrase of
//! an unofficial code), where it is defined, its [`Kind`], its default retry behaviour and a
//! one-line description for developers. Everything else (the class, `ok`, the default retry set
//! of the retry policy, the fallback for unassigned codes) is derived from the number and the
//! rows. The long developer descriptions are text data, not facts: `descriptions/en.json`,
//! which reaches `classify()` only when an app registers it (`addDescriptions`).

mod classes;
mod table;

use crate::kind::Kind;
pub use classes::StatusClass;

/// How a code stands in the IANA HTTP Status Code Registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Registry {
    /// A permanent registration.
    Iana,
    /// A provisional registration that may expire (104).
    Temporary,
    /// Not registered: a vendor's code (nginx, Cloudflare, …) or a code the registry marks unused.
    Unofficial,
}

/// Whether the default retry policy retries an idempotent request that got this status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Never by default.
    No,
    /// Always (within the attempt limit and budget).
    Yes,
    /// Only when the response says when to come back (Retry-After or a RateLimit field).
    WithTiming,
}

/// One row of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// The status code, 100..=599.
    pub code: u16,
    /// Registration state.
    pub registry: Registry,
    /// The outcome kind.
    pub kind: Kind,
    /// Default retry behaviour.
    pub retry: Retry,
    /// The registry's reason phrase, or the common phrase of an unofficial code.
    pub reason: &'static str,
    /// Where the code is defined, e.g. `RFC 9110 §15.5.5`, or who uses it.
    pub spec: &'static str,
    /// One sentence for developers: what it means and the key fact for handling it.
    pub description: &'static str,
}

impl Row {
    /// True when the code is in the IANA registry (permanently or temporarily).
    pub const fn registered(&self) -> bool {
        !matches!(self.registry, Registry::Unofficial)
    }

    /// The class the code belongs to.
    pub fn class(&self) -> StatusClass {
        // Rows only hold codes 100..=599, so the class always exists.
        StatusClass::of(self.code).unwrap_or(StatusClass::ServerError)
    }
}

/// Every row, sorted by code.
pub fn rows() -> &'static [Row] {
    table::ROWS
}

/// The row for `code`, if the catalog has one.
pub fn row(code: u16) -> Option<&'static Row> {
    let rows = table::ROWS;
    rows.binary_search_by_key(&code, |r| r.code)
        .ok()
        .and_then(|i| rows.get(i))
}

/// The codes the default retry policy retries (rows marked [`Retry::Yes`] or
/// [`Retry::WithTiming`]).
pub fn default_retry_statuses() -> impl Iterator<Item = u16> {
    table::ROWS
        .iter()
        .filter(|r| r.registered() && r.retry != Retry::No)
        .map(|r| r.code)
}

/// The codes whose Retry-After / RateLimit timing the default policy honours.
pub const DEFAULT_AFTER_STATUSES: [u16; 3] = [413, 429, 503];

#[cfg(test)]
mod tests;
