//! Lexicon parsing of any bytes never panics; an error names the file and a line that exists; a parsed
//! lexicon has one entry for every line that is not blank or a comment (nothing is skipped silently), each
//! entry the fold of its line's text (punctuation set apart); and extraction from the file's own text
//! with that lexicon keeps every invariant of `tests/support/invariants.rs`.

#![no_main]

use alam::{fold, Extractor, Lexicon};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

/// The lines the parser must turn into entries, with their 1-based numbers, by the documented rule: a
/// BOM at the start of a line and a CR at its end are not content; a line that is then blank or starts
/// with `#` (after spaces) is skipped.
fn entry_lines(text: &str) -> Vec<(usize, &str)> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| {
            let l = l.strip_prefix('\u{FEFF}').unwrap_or(l);
            (i + 1, l.strip_suffix('\r').unwrap_or(l))
        })
        .filter(|(_, l)| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#')
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    match Lexicon::from_bytes("fuzz.tsv", data) {
        Err(e) => {
            let line = e.line().expect("a parse error names its line");
            let lines = data.split(|&b| b == b'\n').count();
            assert!((1..=lines).contains(&line), "line {line} of {lines}: {e}");
            let msg = e.to_string();
            let prefix = format!("fuzz.tsv:{line}: ");
            assert!(
                msg.starts_with(&prefix) && msg.len() > prefix.len(),
                "error without file, line or reason: {msg}"
            );
        }
        Ok(lex) => {
            let text = std::str::from_utf8(data).expect("a parsed lexicon is UTF-8");
            let lines = entry_lines(text);
            assert_eq!(lex.len(), lines.len(), "lines were skipped or invented");
            for (e, (n, line)) in lex.entries().iter().zip(&lines) {
                assert_eq!(e.line(), *n, "entry {:?} has the wrong line", e.text());
                let written = line.split('\t').next().unwrap_or_default();
                assert!(!e.folded().is_empty());
                // The matching form is the fold with punctuation set apart as words of its own.
                let unspaced = |s: &str| s.replace(' ', "");
                assert_eq!(
                    unspaced(e.folded()),
                    unspaced(&fold(written)),
                    "line {n}: fold of the text"
                );
            }
            let ex = Extractor::builder()
                .bundled(false)
                .lexicon(lex)
                .build()
                .expect("a parsed lexicon builds");
            invariants::check_extraction(&ex, text);
        }
    }
});
