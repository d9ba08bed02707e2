//! A small load generator: serves a store on a loopback port and requests one
//! URL over keep-alive connections for a few seconds, then prints requests/s.
//!
//! ```sh
//! cargo run --release -p crosscheck-server --example load -- [--db PATH] \
//!     [--path /api/v1/articles/ec7c3053] [--connections 8] [--seconds 5]
//! ```
//!
//! Without `--db` it fills a temporary store from `examples/corpus` first. The
//! client runs in the same process and on the same cores as the server, so the
//! figure is a lower bound of what the server alone can do. Traffic goes to
//! 127.0.0.1 only, and the run stops after `--seconds` (or 2,000,000 requests).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crosscheck_core::Pipeline;
use crosscheck_ingest::{expand, IngestOptions, Reader};
use crosscheck_store::{Store, StoredDocument};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const MAX_REQUESTS: u64 = 2_000_000;

struct Options {
    db: Option<PathBuf>,
    path: String,
    connections: usize,
    seconds: u64,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        db: None,
        path: "/api/v1/articles/ec7c3053".to_string(),
        connections: 8,
        seconds: 5,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--db" => o.db = Some(PathBuf::from(value)),
            "--path" => o.path = value,
            "--connections" => {
                o.connections = value.parse().map_err(|e| format!("--connections: {e}"))?
            }
            "--seconds" => o.seconds = value.parse().map_err(|e| format!("--seconds: {e}"))?,
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    o.connections = o.connections.clamp(1, 256);
    o.seconds = o.seconds.clamp(1, 60);
    Ok(o)
}

/// A store holding the sample corpus (no links: enough to serve articles).
fn corpus_store(dir: &std::path::Path) -> PathBuf {
    let db = dir.join("load.db");
    let reader = Reader::new(IngestOptions::default());
    let pipeline = Pipeline::new();
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let mut docs = Vec::new();
    for input in expand(&[corpus]).flatten() {
        for doc in reader.read(&input).flatten() {
            let articles = pipeline.analyze(&doc);
            docs.push(StoredDocument::new(
                doc.path, doc.record, doc.text, articles,
            ));
        }
    }
    let mut store = Store::open(&db).expect("the store opens");
    store.insert_batch(&docs).expect("the corpus is stored");
    db
}

/// Sends requests on one keep-alive connection until `deadline`; returns
/// (requests answered 200, response bytes).
async fn client(addr: SocketAddr, path: String, deadline: Instant, budget: u64) -> (u64, u64) {
    let Ok(mut stream) = TcpStream::connect(addr).await else {
        return (0, 0);
    };
    let _ = stream.set_nodelay(true);
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\n\r\n");
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 16);
    let (mut done, mut bytes) = (0u64, 0u64);
    while Instant::now() < deadline && done < budget {
        if stream.write_all(request.as_bytes()).await.is_err() {
            break;
        }
        // Read the head, then exactly Content-Length bytes of body.
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let mut chunk = [0u8; 16384];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return (done, bytes),
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
        let ok = head.starts_with("http/1.1 200");
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + length {
            let mut chunk = [0u8; 65536];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return (done, bytes),
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        buf.drain(..head_end + length);
        if ok {
            done += 1;
            bytes += (head_end + length) as u64;
        }
    }
    (done, bytes)
}

fn main() {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("load: {e}");
            std::process::exit(2);
        }
    };
    let temp = tempfile::tempdir().expect("a temp dir");
    let db = o.db.clone().unwrap_or_else(|| corpus_store(temp.path()));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .expect("a loopback port");
        let addr = listener.local_addr().expect("an address");
        let app = crosscheck_server::router(crosscheck_server::AppState::new(&db));
        let server = tokio::spawn(async move { axum::serve(listener, app).await });

        // Warm up: one request opens a connection to the store.
        let (warm, _) = client(addr, o.path.clone(), Instant::now() + Duration::from_secs(5), 1).await;
        if warm == 0 {
            eprintln!("load: {} does not answer 200 (check --path and --db)", o.path);
            std::process::exit(1);
        }
        let started = Instant::now();
        let deadline = started + Duration::from_secs(o.seconds);
        let budget = MAX_REQUESTS / o.connections as u64;
        let tasks: Vec<_> = (0..o.connections)
            .map(|_| tokio::spawn(client(addr, o.path.clone(), deadline, budget)))
            .collect();
        let (mut requests, mut bytes) = (0u64, 0u64);
        for t in tasks {
            if let Ok((r, b)) = t.await {
                requests += r;
                bytes += b;
            }
        }
        let secs = started.elapsed().as_secs_f64();
        println!(
            "GET {}: {} requests in {:.1} s over {} connections: {:.0} requests/s, {:.1} MB/s, {:.2} ms mean latency",
            o.path,
            requests,
            secs,
            o.connections,
            requests as f64 / secs,
            bytes as f64 / secs / 1e6,
            if requests > 0 { secs * 1e3 * o.connections as f64 / requests as f64 } else { 0.0 }
        );
        server.abort();
    });
}
