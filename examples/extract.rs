//! Extracts people, organizations and places from Arabic text files (or stdin) and prints them.
//!
//! ```text
//! cargo run --release --example extract -- [--format jsonl|json] [FILE ...]
//! ```
//!
//! `jsonl` (the default) prints one JSON object per top-level mention, with `kind`, `text`, `start`, `end`
//! (UTF-8 byte offsets, end exclusive), `char_start`, `char_end`, `title`, `role` and `gender` for persons,
//! `sub_kind`, `country`, `source`, `entity`, the places nested in it (`nested`), and `file` when several
//! files are given. `json` prints one document object per file. A file that cannot be read or is not
//! UTF-8 is reported on stderr with its name (and the byte offset of the first bad byte); the other files
//! are still processed, and the exit status is 1.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use alam::{Document, Extractor};

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Jsonl,
    Json,
}

struct Args {
    format: Format,
    files: Vec<String>,
}

const USAGE: &str = "usage: extract [--format jsonl|json] [FILE ...]   (stdin when no FILE)";

fn parse_args() -> Result<Args, String> {
    let mut format = Format::Jsonl;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" | "-f" => {
                let v = args.next().ok_or("--format needs a value")?;
                format = match v.as_str() {
                    "jsonl" => Format::Jsonl,
                    "json" => Format::Json,
                    _ => return Err(format!("unknown format `{v}` (expected jsonl or json)")),
                };
            }
            "--help" | "-h" => return Err(USAGE.to_string()),
            "--" => files.extend(args.by_ref()),
            _ if a.starts_with('-') && a != "-" => {
                return Err(format!("unknown option `{a}`\n{USAGE}"))
            }
            _ => files.push(a),
        }
    }
    Ok(Args { format, files })
}

/// Reads a file (or stdin for `-`) as UTF-8, or says why not.
fn read_text(name: &str) -> Result<String, String> {
    let bytes = if name == "-" {
        let mut b = Vec::new();
        io::stdin().read_to_end(&mut b).map(|_| b)
    } else {
        std::fs::read(name)
    }
    .map_err(|e| format!("{name}: cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name}: not UTF-8: invalid byte at offset {}",
            e.utf8_error().valid_up_to()
        )
    })
}

fn write_doc(
    out: &mut impl Write,
    format: Format,
    file: Option<&str>,
    doc: &Document,
) -> io::Result<()> {
    match format {
        Format::Jsonl => {
            for m in doc.mentions() {
                let mut v = serde_json::to_value(m).map_err(io::Error::other)?;
                if let (Some(f), Some(obj)) = (file, v.as_object_mut()) {
                    obj.insert("file".into(), f.into());
                }
                serde_json::to_writer(&mut *out, &v).map_err(io::Error::other)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            let v = serde_json::json!({ "file": file, "document": doc });
            serde_json::to_writer(&mut *out, &v).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let files = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files
    };
    let ex = Extractor::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let label = files.len() > 1;
    for name in &files {
        let text = match read_text(name) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("extract: {e}");
                failed = true;
                continue;
            }
        };
        let doc = ex.extract(&text);
        if let Err(e) = write_doc(&mut out, args.format, label.then_some(name.as_str()), &doc) {
            eprintln!("extract: cannot write output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = out.flush() {
        eprintln!("extract: cannot write output: {e}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
