//! Exit codes (documented in docs/cli.md).

/// Everything read and analysed.
pub const SUCCESS: i32 = 0;
/// The command could not run (bad store path, unreadable model, I/O failure on output).
pub const FAILURE: i32 = 1;
/// Bad usage (clap's own code for argument errors).
#[allow(dead_code)]
pub const USAGE: i32 = 2;
/// The command ran, but some inputs or records were skipped; they are listed on
/// stderr and counted in the summary.
pub const PARTIAL: i32 = 3;
