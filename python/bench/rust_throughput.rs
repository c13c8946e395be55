//! The Rust side of `python/bench/bench_arrow.py`: `Extractor::extract_many` alone on the documents of
//! a file (separated by NUL bytes), best of N runs, printed as one JSON object.
//!
//! ```text
//! PYO3_BUILD_EXTENSION_MODULE=1 cargo run --release --example rust_throughput -- DOCS_FILE [RUNS]
//! ```

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: rust_throughput DOCS_FILE [RUNS]");
        return ExitCode::from(2);
    };
    let runs: usize = match args.next().map(|r| r.parse()) {
        None => 5,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("RUNS must be a positive number");
            return ExitCode::from(2);
        }
    };
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let docs: Vec<&str> = data.split('\0').collect();
    let ex = alam::Extractor::new();
    // One run to warm caches and the thread pool, as the Python side gets.
    drop(black_box(ex.extract_many(&docs)));
    let mut best = f64::INFINITY;
    let mut mentions = 0;
    let cpu_before = cpu_seconds();
    for _ in 0..runs {
        let started = Instant::now();
        let out = black_box(ex.extract_many(&docs));
        mentions = out.iter().map(|d| d.mentions().len()).sum::<usize>();
        drop(out); // freeing the documents is part of the work, as on the Python side
        best = best.min(started.elapsed().as_secs_f64());
    }
    // CPU time per run, all threads: steadier than wall time on a machine shared with other work.
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map_or(-1.0, |(a, b)| (a - b) / runs as f64);
    println!(
        "{{\"docs\": {}, \"bytes\": {}, \"mentions\": {mentions}, \"best_seconds\": {best:.6}, \"cpu_seconds\": {cpu:.6}, \"threads\": {}}}",
        docs.len(),
        data.len() - (docs.len() - 1),
        rayon_threads()
    );
    ExitCode::SUCCESS
}

/// The threads `extract_many` runs on: the same rule rayon applies.
fn rayon_threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// User + system CPU time of this process so far, from `/proc/self/stat` (Linux; clock ticks of 10 ms).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
