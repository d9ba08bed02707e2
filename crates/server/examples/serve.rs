//! Serves a store until Ctrl-C, until `crosscheck serve` exists in the CLI:
//! `cargo run -p crosscheck-server --example serve -- crosscheck.db 127.0.0.1:8080`

use std::net::SocketAddr;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().unwrap_or_else(|| "crosscheck.db".to_string()));
    let addr: SocketAddr = match args
        .next()
        .unwrap_or_else(|| "127.0.0.1:8080".to_string())
        .parse()
    {
        Ok(a) => a,
        Err(e) => {
            eprintln!("serve: bad address: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = crosscheck_server::serve_blocking(addr, db) {
        eprintln!("serve: {e}");
        std::process::exit(1);
    }
}
