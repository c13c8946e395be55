//! Compiles every lexicon file `lexicons/*.tsv` into a compact table, `$OUT_DIR/<file>.bin`, that the
//! crate embeds with `include_bytes!` next to the file's text and reads in place (see `src/table.rs`):
//! the bundled lexicons are not parsed when an extractor is built.
//!
//! A file whose entries are all `name` tokens becomes a hash set of their folds; any other file, a list
//! of records, each giving its line's offset in the file's text and where each field lies in the line.
//! The lexicon files stay the one source of truth: the tables hold no text of their own, and they are
//! written again whenever a file of `lexicons/` changes. Every file found is compiled, so a new bundled
//! file needs no change here (the crate's tests check that every file of `lexicons/` is in its
//! `BUNDLED` list). A line of 64 KiB or more is left to the parser (a record places its fields in 16
//! bits).
//!
//! This script checks the layout of a line, not its meaning: it cannot fold text (folding needs the
//! Unicode tables of a dependency), so it takes the line's stored `fold=` as the entry's matching form
//! when that form is plain (alphanumeric words joined by single spaces: then the full parser's matching
//! form equals it). A line it does not check fully (no `fold=`, odd spacing, a value out of the format)
//! is marked irregular, and the crate parses that line with the full parser. The crate's tests compare
//! what the tables give with what the full parser reads from every bundled file, entry by entry.

use std::fs;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/table.rs"]
mod table;

fn main() {
    println!("cargo:rerun-if-changed=lexicons");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut files: Vec<PathBuf> = fs::read_dir("lexicons")
        .expect("the lexicons/ folder")
        .map(|e| e.expect("a file of lexicons/").path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: cannot read it as UTF-8: {e}", path.display()));
        let name = path.file_name().expect("a file name").to_string_lossy();
        let bin = out.join(format!("{name}.bin"));
        fs::write(&bin, table::compile(&text))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", bin.display()));
    }
}
