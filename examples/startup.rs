//! How long the default extractor takes to be ready: what every process (and, in a debug build, every
//! test and doctest) pays before its first extraction.
//!
//! ```text
//! cargo run --release --example startup          # the first Extractor::new() of the process, once
//! cargo run --release --example startup -- 20    # then 20 builds from scratch: best and median
//! valgrind --tool=callgrind target/release/examples/startup   # instructions, repeatable under load
//! ```
//!
//! With a count, each build is [`ExtractorBuilder::build_uncached`](alam::ExtractorBuilder::build_uncached):
//! the bundled lexicons and the index made again, as the first `Extractor::new()` of a process makes them.

use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let runs = match std::env::args().nth(1).map(|a| a.parse::<usize>()) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("startup: the argument is a count of builds: {e}");
            return ExitCode::FAILURE;
        }
    };
    let start = Instant::now();
    let ex = alam::Extractor::new();
    let first = start.elapsed();
    // One extraction, so that the extractor is used and a build that left something for later pays it.
    let found = ex.extract("في مدينة المكلا").mentions().len();
    println!("first Extractor::new(): {first:.2?} ({found} mention in a test sentence)");
    if runs == 0 {
        return ExitCode::SUCCESS;
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let ex = alam::Extractor::builder().build_uncached();
            let took = start.elapsed();
            drop(ex);
            took
        })
        .collect();
    times.sort();
    println!(
        "{runs} builds from scratch: best {:.2?}, median {:.2?}",
        times[0],
        times[runs / 2]
    );
    ExitCode::SUCCESS
}
