//! Prints, for each token of a text (file or stdin), what the lexicons and clitic readings say of it.
//! A tool for tuning rules and lexicons: `cargo run --example explain -- FILE`.
use std::io::Read;

fn main() -> std::process::ExitCode {
    let mut text = String::new();
    let read = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path)
            .map(|t| text = t)
            .map_err(|e| format!("{path}: {e}")),
        None => std::io::stdin()
            .read_to_string(&mut text)
            .map(|_| ())
            .map_err(|e| format!("stdin: {e}")),
    };
    if let Err(e) = read {
        eprintln!("explain: {e}");
        return std::process::ExitCode::FAILURE;
    }
    print!("{}", alam::Extractor::new().explain(&text));
    std::process::ExitCode::SUCCESS
}
