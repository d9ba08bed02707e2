//! One module per subcommand.

mod analyze;
mod eval;
mod store_commands;
mod train;

use anyhow::Result;

use crate::args::{Cli, Command};

/// Runs the command and returns the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Analyze(args) => analyze::run(args, cli.quiet),
        Command::List(args) => store_commands::list(args),
        Command::Show(args) => store_commands::show(args),
        Command::Search(args) => store_commands::search(args),
        Command::Events(args) => store_commands::events(args),
        Command::Serve(args) => {
            let db = args
                .store
                .db
                .unwrap_or_else(crosscheck_store::Store::default_path);
            crosscheck_server::serve_blocking(args.addr, db)?;
            Ok(crate::exit::SUCCESS)
        }
        Command::Train(args) => train::run(args, cli.quiet),
        Command::Eval(args) => eval::run(args, cli.quiet),
    }
}
