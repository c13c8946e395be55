//! Prints, for each token of a text (a file or stdin), what the lexicons and clitic readings say of it:
//! a tool for tuning rules and lexicons.
//!
//! ```text
//! cargo run --example explain -- [FILE]        # stdin when no FILE
//! cargo run --example explain -- --help
//! ```
//!
//! The output starts with a header line naming the columns, then one tab-separated line per token:
//! the token as written, its fold, its clitic reading (`clitic=` chars taken off the front, and whether
//! they are a conjunction, the article, a ل), whether a newline stands before it, the lexicon kinds its
//! reading has, and the multi-word entries starting at it (`kind+words`). The format follows
//! `Extractor::explain` and may change between versions.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Prints what the lexicons and clitic readings say of each token of an Arabic text.
#[derive(Parser, Debug)]
#[command(name = "explain", version)]
struct Args {
    /// The text file to explain (UTF-8); stdin when none.
    file: Option<PathBuf>,
}

/// The column names of `Extractor::explain`'s lines.
const HEADER: &str = "# token\tfold\treading\tkinds\tphrases";

fn main() -> ExitCode {
    let args = Args::parse();
    let read = match &args.file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display())),
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map(|_| text)
                .map_err(|e| format!("stdin: {e}"))
        }
    };
    let text = match read {
        Ok(t) => t,
        Err(e) => {
            eprintln!("explain: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{HEADER}");
    print!("{}", alam::Extractor::new().explain(&text));
    ExitCode::SUCCESS
}
