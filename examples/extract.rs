//! Extracts people, organizations and places from Arabic text files, folders of them, or stdin.
//!
//! ```text
//! cargo run --release --example extract -- [--format jsonl|json|conll|html] [--lossy] [--lines] [--low-memory] [FILE|FOLDER|- ...]
//! cargo run --release --example extract -- --help
//! ```
//!
//! A folder is walked recursively (symbolic links followed) for regular `*.txt` files, in sorted order;
//! each file is read once however many links lead to it, a link back to a folder being walked (a loop) is
//! reported and skipped, and anything else named `*.txt` (a FIFO, a socket) is skipped with a warning. A
//! file or `-` named on the command line is read whatever it is (a FIFO too); with no argument the text is
//! read from stdin. Names that are not UTF-8 are fine: they are shown with U+FFFD where not UTF-8. Files
//! are read and extracted in batches over all cores (`Extractor::extract_many`), so memory stays bounded
//! however many there are, and the output is in input order. When stderr is a terminal a progress line is
//! shown there; otherwise nothing but warnings and errors is written to it.
//!
//! Formats (every one names the file of each document when the input is files rather than stdin):
//! - `jsonl` (the default): one JSON object per top-level mention, keys in this order: `file` (when the
//!   input is a file), then the mention as `alam::Mention` serializes it: `kind`, `text`, `start`, `end`
//!   (UTF-8 byte offsets, end exclusive), `char_start`, `char_end`, `title`, `title_span`, `role`,
//!   `role_span` and `gender` for persons, `sub_kind`, `country`, `source`, `entity`, the places nested in
//!   it (`nested`). `title_span` and `role_span` are `null` or
//!   `{"start": …, "end": …, "char_start": …, "char_end": …}`: where the title (its clitics left out) and
//!   the role stand in the text, in bytes and chars like the mention's own offsets, so
//!   `text[start..end]` is the title or role as written. The `title` field is the title's canonical
//!   form and `role` the role as written, both with the article's letters back where ل + ال is written
//!   لل: for `للواء` the title is `اللواء` and its span covers `لواء`, for `للرئيس` the role is `الرئيس`
//!   and its span covers `لرئيس`.
//! - `json`: one line per document, `{"file": NAME or null, "document": {...}}`.
//! - `conll`: a `WORD TAG` line per whitespace-separated word of the original text, a blank line after each
//!   line of the input; tags are `B-`/`I-` + `PERS`, `ORG`, `LOC` from the top-level mention a word
//!   overlaps first, or `O`. A file's words follow a `# file = NAME` line and `-DOCSTART- O` and a blank
//!   line.
//! - `html`: a self-contained right-to-left page with every mention highlighted by kind, titles in their
//!   own style, and a tooltip with kind, title, gender and source; each file under its name.
//!
//! With `--lines` each line of the input is one document (a dump of one article a line): `jsonl` and
//! `json` rows get a `line` field (1-based), and offsets are relative to the start of that line (its
//! `\n` and a `\r` before it are not part of it). Lines are read, extracted and written as a stream
//! (`Extractor::extract_stream`), so memory stays bounded however large the input. A line that is not
//! UTF-8 is reported as `FILE:LINE: …` and skipped (with `--lossy`, decoded with U+FFFD instead).
//!
//! Text encodings: UTF-8 (a BOM is kept in the text, so offsets count it); UTF-16 with a byte-order mark
//! is decoded, and offsets are then into the decoded text; UTF-16 or UTF-32 without one is recognized by
//! its NUL bytes and reported as an error naming the file (guessing the byte order of a file without a
//! mark is not reliable enough to decode it silently). Invalid UTF-8 is an error naming the file and the
//! byte offset, unless `--lossy` is given: then the bad bytes become U+FFFD, a warning names the file, and
//! offsets are into the decoded text.
//!
//! Exit status: 0 when every input was read and all output written (also when the reader of a pipe
//! stops early, as `| head -1` does: the rest is not written, quietly); 1 when an input could not be read
//! or decoded or a symbolic-link loop was skipped (the others are still processed), or the output could not
//! be written (standard output closed, disk full); 2 for bad usage. Warnings (a FIFO skipped, `--lossy`
//! replacements) do not change it.

// A Unix program started with its standard output closed (`extract >&-`) has the standard streams
// reopened on /dev/null by Rust's runtime before `main`, and its output would vanish with a success
// status. This example therefore has its own C `main`, which looks at the descriptors first and then
// runs the program as Rust's runtime would (with SIGPIPE ignored, so a closed pipe is an error to handle).
#![cfg_attr(all(unix, not(test)), no_main)]

use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::ops::Range;
use std::path::PathBuf;
#[cfg(not(all(unix, not(test))))]
use std::process::ExitCode;

use alam::{Document, Extractor, Kind, Mention};
use clap::{Parser, ValueEnum};

#[derive(Clone, Copy, PartialEq, Debug, ValueEnum)]
enum Format {
    /// One JSON object per mention.
    Jsonl,
    /// One JSON document per file.
    Json,
    /// A word and its BIO tag a line.
    Conll,
    /// A right-to-left HTML page with the mentions highlighted.
    Html,
}

/// Extracts people, organizations and places from Arabic text files, folders of them, or stdin.
#[derive(Parser, Debug)]
#[command(name = "extract", version)]
struct Args {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Read invalid UTF-8 with U+FFFD in place of the bad bytes (a warning names the file; offsets are
    /// into the decoded text) instead of reporting the file as an error.
    #[arg(long)]
    lossy: bool,
    /// Each input line is one document (jsonl or json): rows get a 1-based `line` field, and start/end
    /// (UTF-8 bytes) and char_start/char_end (chars) count from the start of that line, which is what a
    /// one-article-a-line dump needs: each row points into its own article. Read and written as a
    /// stream, so memory stays bounded.
    #[arg(long)]
    lines: bool,
    /// A text longer than 64 KiB (a file read whole) is read again segment by segment by the document
    /// pass instead of kept summarized: some 0.2 bytes less memory a byte of text at the peak, some 10 %
    /// more time; the same mentions.
    #[arg(long)]
    low_memory: bool,
    /// Files, folders (searched recursively for *.txt) or `-` for stdin; stdin when none.
    #[arg(value_name = "FILE|FOLDER|-")]
    inputs: Vec<PathBuf>,
}

/// One document to read.
#[derive(Debug, Clone, PartialEq)]
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The name shown in the output and in messages (U+FFFD where a path is not UTF-8).
    fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.to_string_lossy().into_owned(),
        }
    }
}

/// At most this many files are held in memory at once…
const BATCH_FILES: usize = 64;
/// …and at most about this many bytes of text.
const BATCH_BYTES: usize = 32 << 20;

/// What expanding the arguments and reading the inputs had to say besides the text.
#[derive(Default)]
struct Notes {
    /// Inputs lost (unreadable, undecodable, a link loop): the exit status is 1.
    errors: Vec<String>,
    /// Inputs read in part or skipped as documented (a FIFO in a folder, `--lossy`): status unchanged.
    warnings: Vec<String>,
}

/// The documents to read: each argument itself, or for a folder the regular `*.txt` files under it (links
/// followed, each file once, loops reported), sorted.
fn expand(inputs: &[PathBuf], notes: &mut Notes) -> Vec<Input> {
    let mut out = Vec::new();
    // The files already taken, by their canonical path: a file reached through several links is read once.
    let mut seen: HashSet<PathBuf> = HashSet::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        if !input.is_dir() {
            if let Ok(canonical) = input.canonicalize() {
                seen.insert(canonical);
            }
            out.push(Input::File(input.clone()));
            continue;
        }
        let walk = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().unwrap_or(input).to_string_lossy().into_owned();
                    notes.errors.push(match e.loop_ancestor() {
                        Some(a) => format!(
                            "{path}: a symbolic link loop (back to {}): not followed",
                            a.to_string_lossy()
                        ),
                        None => format!("{path}: cannot read: {}", io_message(&e)),
                    });
                    continue;
                }
            };
            let path = entry.path();
            if entry.file_type().is_dir() || path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            if !entry.file_type().is_file() {
                notes.warnings.push(format!(
                    "{}: not a regular file (a FIFO, socket or device): skipped",
                    path.to_string_lossy()
                ));
                continue;
            }
            let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
            if seen.insert(canonical) {
                out.push(Input::File(path.to_path_buf()));
            }
        }
    }
    out
}

/// The message of a walk error without walkdir's own path prefix.
fn io_message(e: &walkdir::Error) -> String {
    match e.io_error() {
        Some(io) => io.to_string(),
        None => e.to_string(),
    }
}

/// A file's text: UTF-8, or UTF-16 with a byte-order mark (decoded), or with `lossy` invalid UTF-8 with
/// U+FFFD (and a warning); anything else is an error naming the file.
fn read_text(input: &Input, lossy: bool, notes: &mut Notes) -> Option<String> {
    let name = input.name();
    // A text longer than the offsets of a mention can hold is refused before it is read (a file) or
    // as soon as it is (stdin): never cut, never read in part.
    let limit = alam::Span::MAX_OFFSET as u64;
    let bytes = match input {
        Input::Stdin => {
            let mut b = Vec::new();
            io::stdin().take(limit + 1).read_to_end(&mut b).map(|_| b)
        }
        Input::File(p) => match std::fs::metadata(p).map(|m| too_long(m.len())) {
            Ok(Some(e)) => {
                notes.errors.push(format!("{name}: {e}"));
                return None;
            }
            _ => std::fs::read(p),
        },
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            notes.errors.push(format!("{name}: cannot read: {e}"));
            return None;
        }
    };
    let decoded = match too_long(bytes.len() as u64) {
        Some(e) => Err(e),
        None => decode(bytes, lossy),
    };
    // Decoding UTF-16, or replacing bad bytes, changes the length: the text is checked again.
    let decoded = decoded.and_then(|(text, warning)| match too_long(text.len() as u64) {
        Some(e) => Err(e),
        None => Ok((text, warning)),
    });
    match decoded {
        Ok((text, None)) => Some(text),
        Ok((text, Some(warning))) => {
            notes.warnings.push(format!("{name}: {warning}"));
            Some(text)
        }
        Err(e) => {
            notes.errors.push(format!("{name}: {e}"));
            None
        }
    }
}

/// Why a text of `len` bytes cannot be read whole, if it is longer than the offsets of a mention can
/// hold ([`alam::Span::MAX_OFFSET`], 4 GiB − 1): the file is reported and skipped, never cut.
fn too_long(len: u64) -> Option<String> {
    (len > alam::Span::MAX_OFFSET as u64).then(|| {
        format!(
            "too large: {len} bytes, and a text may have at most {} (offsets are 32-bit); split it into \
             files, or use --lines for one document a line",
            alam::Span::MAX_OFFSET
        )
    })
}

/// Decodes a file's bytes (see [`read_text`]): the text and a warning, or the reason it cannot be read.
fn decode(bytes: Vec<u8>, lossy: bool) -> Result<(String, Option<String>), String> {
    let utf16 = |be: bool| {
        let units = bytes[2..].chunks(2).map(|c| match c {
            [a, b] if be => u16::from_be_bytes([*a, *b]),
            [a, b] => u16::from_le_bytes([*a, *b]),
            _ => 0xFFFD, // an odd last byte
        });
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        let bad = text.contains(char::REPLACEMENT_CHARACTER);
        match (bad, lossy) {
            (false, _) => Ok((text, None)),
            (true, true) => Ok((
                text,
                Some("invalid UTF-16 replaced with U+FFFD (--lossy); offsets are into the decoded text".into()),
            )),
            (true, false) => Err("invalid UTF-16 (an unpaired surrogate or an odd byte count); --lossy reads it with U+FFFD".to_string()),
        }
    };
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err("UTF-32 (it starts with a UTF-32 byte-order mark): convert it to UTF-8".into());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(false);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(true);
    }
    if let Some(wide) = wide_without_bom(&bytes) {
        return Err(format!(
            "{wide} without a byte-order mark, by its NUL bytes: convert it to UTF-8 (or add the mark)"
        ));
    }
    // Valid UTF-8 becomes the text without a copy.
    match utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) if lossy => Ok((
            String::from_utf8_lossy(e.as_bytes()).into_owned(),
            Some(format!(
                "not UTF-8: invalid bytes replaced with U+FFFD (--lossy), the first at byte offset {}; offsets are into the decoded text",
                e.utf8_error().valid_up_to()
            )),
        )),
        Err(e) => Err(format!(
            "not UTF-8: invalid byte at offset {}",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// `String::from_utf8`, with simdutf8's check, some ten times faster than the standard one on Arabic
/// text (which has no fast path for two-byte letters: it took a tenth of the process's instructions).
/// Bytes it refuses go through the standard check, whose error says where the first bad byte is.
fn utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just checked that `bytes` is valid UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes)
}

/// `UTF-16LE` … when text without a byte-order mark is UTF-16 or UTF-32, as its NUL bytes show in the
/// first 4 KiB. UTF-8 text has no NUL bytes; UTF-32 has two in every four bytes at fixed places; UTF-16
/// has them (the high byte of every space, digit or Latin letter) all at odd offsets (little-endian) or all
/// at even ones, and there nine high bytes in ten are those of ASCII, Arabic (U+06xx), punctuation
/// (U+20xx) or presentation forms (U+FBxx–U+FExx). A stray NUL in UTF-8 text fails the last test: the
/// bytes around it are UTF-8 lead and continuation bytes.
fn wide_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = &head[..head.len() - head.len() % 4];
    if head.is_empty() || !head.contains(&0) {
        return None;
    }
    let nul_at = |o: usize| head.iter().skip(o).step_by(4).all(|&b| b == 0);
    if nul_at(2) && nul_at(3) {
        return Some("UTF-32LE");
    }
    if nul_at(0) && nul_at(1) {
        return Some("UTF-32BE");
    }
    let nul_even = head.iter().step_by(2).any(|&b| b == 0);
    let nul_odd = head.iter().skip(1).step_by(2).any(|&b| b == 0);
    let (name, high) = match (nul_even, nul_odd) {
        (false, true) => ("UTF-16LE", 1),
        (true, false) => ("UTF-16BE", 0),
        _ => return None,
    };
    let highs = head.iter().skip(high).step_by(2);
    let plausible = highs
        .clone()
        .filter(|&&b| matches!(b, 0x00 | 0x06 | 0x20 | 0xFB..=0xFE))
        .count();
    (plausible * 10 >= highs.count() * 9).then_some(name)
}

/// Runs the command: `stdout` gets the output, `stderr` warnings, errors and (with `progress`) a progress
/// line. Returns the exit status, or the error of writing the output.
fn run(
    args: &Args,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
    progress: bool,
) -> io::Result<u8> {
    let mut notes = Notes::default();
    let inputs = if args.inputs.is_empty() {
        vec![Input::Stdin]
    } else {
        expand(&args.inputs, &mut notes)
    };
    let mut failed = false;
    report(stderr, progress, &mut notes, &mut failed)?;
    if args.lines && !matches!(args.format, Format::Jsonl | Format::Json) {
        writeln!(stderr, "extract: --lines works with --format jsonl or json")?;
        return Ok(2);
    }
    // The extractor is built on a thread of its own while the first texts are read.
    let low_memory = args.low_memory;
    let mut building = Some(std::thread::spawn(move || {
        Extractor::builder()
            .low_memory(low_memory)
            .build()
            .expect("the bundled lexicons build")
    }));
    let mut built: Option<Extractor> = None;
    let mut extractor = || -> Extractor {
        built
            .get_or_insert_with(|| {
                let thread = building.take().expect("joined once");
                thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .clone()
    };
    if args.lines {
        failed |= run_lines(&extractor(), args, &inputs, stdout, stderr, progress)?;
        if progress {
            write!(stderr, "\r\x1b[2K")?;
        }
        return Ok(u8::from(failed));
    }
    if args.format == Format::Html {
        stdout.write_all(HTML_HEAD.as_bytes())?;
    }
    let mut batch: Vec<(&Input, String)> = Vec::new();
    let mut bytes = 0;
    for (n, input) in inputs.iter().enumerate() {
        if let Some(text) = read_text(input, args.lossy, &mut notes) {
            bytes += text.len();
            batch.push((input, text));
        }
        report(stderr, progress, &mut notes, &mut failed)?;
        let last = n + 1 == inputs.len();
        if last || batch.len() >= BATCH_FILES || bytes >= BATCH_BYTES {
            if args.format == Format::Jsonl && batch.len() == 1 {
                // One text (a large file, or the last one): its rows are written as its mentions come,
                // and no document of the whole text is held (for a 100 MB text dense with names, the
                // mentions alone take some 200 MB).
                let (input, text) = &batch[0];
                let name = match input {
                    Input::Stdin => None,
                    Input::File(_) => Some(input.name()),
                };
                json_each(stdout, &extractor(), name.as_deref(), text)?;
                if last {
                    std::mem::forget(std::mem::take(&mut batch));
                }
                batch.clear();
                bytes = 0;
                if progress {
                    show_progress(stderr, n + 1, inputs.len())?;
                }
                continue;
            }
            let texts: Vec<&str> = batch.iter().map(|(_, t)| t.as_str()).collect();
            let docs = extractor().extract_many(&texts);
            let mut row = Vec::new();
            for ((input, text), doc) in batch.iter().zip(&docs) {
                let name = match input {
                    Input::Stdin => None,
                    Input::File(_) => Some(input.name()),
                };
                write_doc(stdout, args.format, name.as_deref(), text, doc, &mut row)?;
            }
            if last {
                // The process ends once the output is flushed: the last texts and their mentions are
                // left to it rather than freed one allocation at a time.
                std::mem::forget(docs);
                std::mem::forget(std::mem::take(&mut batch));
            }
            batch.clear();
            bytes = 0;
            if progress {
                show_progress(stderr, n + 1, inputs.len())?;
            }
        }
    }
    if args.format == Format::Html {
        stdout.write_all(b"</body>\n</html>\n")?;
    }
    if progress {
        // Clear the progress line so the shell prompt (or the next error) starts clean.
        write!(stderr, "\r\x1b[2K")?;
    }
    Ok(u8::from(failed))
}

/// Where a line of `--lines` input comes from, or why it could not be read.
struct LineOrigin {
    file: usize,
    line: usize,
    error: Option<String>,
}

/// The lines of an input without their `\n` or `\r\n`, each as text or as the reason it is not: a line
/// that is not UTF-8 is an error (or, with `lossy`, decoded with U+FFFD) and reading goes on; an input
/// that cannot be read ends with its error.
fn read_lines(input: &Input, lossy: bool) -> Box<dyn Iterator<Item = Result<String, String>>> {
    let name = input.name();
    let mut reader: Box<dyn BufRead> = match input {
        Input::Stdin => Box::new(io::stdin().lock()),
        Input::File(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(io::BufReader::with_capacity(1 << 16, f)),
            Err(e) => return Box::new(std::iter::once(Err(format!("{name}: cannot read: {e}")))),
        },
    };
    let mut n = 0;
    let mut ended = false;
    Box::new(std::iter::from_fn(move || {
        if ended {
            return None;
        }
        let mut buf = Vec::new();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => None,
            Ok(_) => {
                n += 1;
                if let Some(e) = too_long(buf.len() as u64) {
                    return Some(Err(format!("{name}:{n}: {e}")));
                }
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                    if buf.last() == Some(&b'\r') {
                        buf.pop();
                    }
                }
                Some(match utf8(buf) {
                    Ok(text) => Ok(text),
                    Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
                    Err(e) => {
                        let at = e.utf8_error().valid_up_to();
                        Err(format!(
                            "{name}:{n}: not UTF-8: invalid byte at offset {at} of the line"
                        ))
                    }
                })
            }
            Err(e) => {
                ended = true;
                Some(Err(format!("{name}: cannot read: {e}")))
            }
        }
    }))
}

/// `--lines`: every line of every input is a document, streamed through the extractor and written as it
/// comes. Returns whether any input or line could not be read.
fn run_lines(
    ex: &Extractor,
    args: &Args,
    inputs: &[Input],
    stdout: &mut impl Write,
    stderr: &mut impl Write,
    progress: bool,
) -> io::Result<bool> {
    // The stream hands out documents in input order; the origin of each text waits in this queue, at
    // most a window long, until its document comes out.
    let origins = RefCell::new(VecDeque::new());
    let texts = inputs
        .iter()
        .enumerate()
        .flat_map(|(f, input)| {
            read_lines(input, args.lossy)
                .enumerate()
                .map(move |(i, r)| (f, i + 1, r))
        })
        .map(|(file, line, read)| {
            let (text, error) = match read {
                Ok(text) => (text, None),
                Err(e) => (String::new(), Some(e)),
            };
            origins
                .borrow_mut()
                .push_back(LineOrigin { file, line, error });
            text
        });
    let names: Vec<Option<String>> = inputs
        .iter()
        .map(|i| matches!(i, Input::File(_)).then(|| i.name()))
        .collect();
    let mut failed = false;
    let mut done = 0usize;
    let mut row = Vec::new();
    for doc in ex.extract_stream(texts) {
        let Some(origin) = origins.borrow_mut().pop_front() else {
            break;
        };
        if let Some(e) = origin.error {
            if progress {
                write!(stderr, "\r\x1b[2K")?;
            }
            writeln!(stderr, "extract: {e}")?;
            failed = true;
            continue;
        }
        let file = names[origin.file].as_deref();
        if args.format == Format::Json {
            let v = serde_json::json!({ "file": file, "line": origin.line, "document": doc });
            serde_json::to_writer(&mut *stdout, &v).map_err(json_error)?;
            stdout.write_all(b"\n")?;
        } else {
            json_rows(stdout, file, Some(origin.line), &doc, &mut row)?;
        }
        done += 1;
        if progress && done % 10_000 == 0 {
            write!(stderr, "\r{done} lines")?;
            stderr.flush()?;
        }
    }
    Ok(failed)
}

/// Writes the pending warnings and errors, each on its own line over the progress line when there is
/// one, and notes whether there was an error.
fn report(
    stderr: &mut impl Write,
    progress: bool,
    notes: &mut Notes,
    failed: &mut bool,
) -> io::Result<()> {
    *failed |= !notes.errors.is_empty();
    let lines = notes
        .errors
        .drain(..)
        .map(|e| format!("extract: {e}"))
        .chain(
            notes
                .warnings
                .drain(..)
                .map(|w| format!("extract: warning: {w}")),
        );
    for line in lines {
        if progress {
            write!(stderr, "\r\x1b[2K")?;
        }
        writeln!(stderr, "{line}")?;
    }
    Ok(())
}

fn show_progress(stderr: &mut impl Write, done: usize, total: usize) -> io::Result<()> {
    const WIDTH: usize = 30;
    let filled = WIDTH * done / total.max(1);
    write!(
        stderr,
        "\r[{}{}] {done}/{total} files",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled)
    )?;
    stderr.flush()
}

/// A JSON writing error as an I/O error of the same kind: a closed pipe stays a `BrokenPipe`.
fn json_error(e: serde_json::Error) -> io::Error {
    match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    }
}

/// One JSON line of the `jsonl` format: the file first, then the mention's own fields in their order
/// (what [`json::row`] writes by hand, which the tests compare with this).
#[cfg(test)]
#[derive(serde::Serialize)]
struct Row<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(flatten)]
    mention: &'a Mention<'a>,
}

/// One JSON line of `--lines` `jsonl` output: the file and line first, then the mention's own fields.
#[cfg(test)]
#[derive(serde::Serialize)]
struct LineRow<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    line: usize,
    #[serde(flatten)]
    mention: &'a Mention<'a>,
}

/// The `jsonl` rows of a document's mentions: the part every row starts with (`file`, `line`) is written
/// once, and the rows are gathered in `rows` and written 64 KiB or more at a time (as much as the
/// output's buffer holds, so that it passes them on without copying them).
fn json_rows(
    out: &mut impl Write,
    file: Option<&str>,
    line: Option<usize>,
    doc: &Document,
    rows: &mut Vec<u8>,
) -> io::Result<()> {
    let mut prefix = Vec::new();
    json::prefix(&mut prefix, file, line);
    rows.clear();
    for m in doc.mentions() {
        rows.extend_from_slice(&prefix);
        json::rest(rows, m);
        if rows.len() >= 1 << 16 {
            out.write_all(rows)?;
            rows.clear();
        }
    }
    out.write_all(rows)
}

/// The `jsonl` rows of the mentions of `text`, written as `ex` hands them out
/// ([`Extractor::extract_each`]): byte for byte what [`json_rows`] writes of its document, 64 KiB or
/// more at a time.
fn json_each(
    out: &mut impl Write,
    ex: &Extractor,
    file: Option<&str>,
    text: &str,
) -> io::Result<()> {
    let mut prefix = Vec::new();
    json::prefix(&mut prefix, file, None);
    let mut rows = Vec::new();
    let mut written = Ok(());
    ex.extract_each(text, |m| {
        if written.is_err() {
            return;
        }
        rows.extend_from_slice(&prefix);
        json::rest(&mut rows, &m);
        if rows.len() >= 1 << 16 {
            written = out.write_all(&rows);
            rows.clear();
        }
    });
    written?;
    out.write_all(&rows)
}

fn write_doc(
    out: &mut impl Write,
    format: Format,
    file: Option<&str>,
    text: &str,
    doc: &Document,
    row: &mut Vec<u8>,
) -> io::Result<()> {
    match format {
        Format::Jsonl => json_rows(out, file, None, doc, row)?,
        Format::Json => {
            let v = serde_json::json!({ "file": file, "document": doc });
            serde_json::to_writer(&mut *out, &v).map_err(json_error)?;
            out.write_all(b"\n")?;
        }
        Format::Conll => {
            if let Some(f) = file {
                // A comment line (as CoNLL-U has them) names the file; the name is on one line.
                let f = f.replace(['\n', '\r'], " ");
                out.write_all(format!("# file = {f}\n-DOCSTART- O\n\n").as_bytes())?;
            }
            let spans: Vec<(Range<usize>, Kind)> = doc
                .mentions()
                .iter()
                .map(|m| (m.span().range(), m.kind()))
                .collect();
            out.write_all(conll(text, &spans).as_bytes())?;
        }
        Format::Html => out.write_all(html_section(file, text, doc).as_bytes())?,
    }
    Ok(())
}

/// The `jsonl` rows, written by hand: byte for byte what `serde_json` writes for [`Row`] and [`LineRow`]
/// (a test compares them), without its generic serializer, which took about a tenth of the process's
/// time on news text.
mod json {
    use alam::{Kind, Mention, Source, Span, SubKind};

    /// One row and its newline: `file` and `line` when given, then the mention's fields (what
    /// `json_rows` writes for each mention of a document).
    #[cfg(test)]
    pub(crate) fn row(out: &mut Vec<u8>, file: Option<&str>, line: Option<usize>, m: &Mention) {
        prefix(out, file, line);
        rest(out, m);
    }

    /// What every row of a document starts with: `{`, then `file` and `line` when given. A document's
    /// rows share it: it is written once, and copied before each row's [`rest`].
    pub(crate) fn prefix(out: &mut Vec<u8>, file: Option<&str>, line: Option<usize>) {
        out.push(b'{');
        if let Some(file) = file {
            out.extend_from_slice(b"\"file\":");
            string(out, file);
            out.push(b',');
        }
        if let Some(line) = line {
            out.extend_from_slice(b"\"line\":");
            number(out, line);
            out.push(b',');
        }
    }

    /// The rest of a row after its [`prefix`]: the mention's fields, the closing brace and the newline.
    pub(crate) fn rest(out: &mut Vec<u8>, m: &Mention) {
        fields(out, m);
        out.extend_from_slice(b"}\n");
    }

    /// The fields of a mention, in the order of its `Serialize`. The names of kinds, genders and the
    /// vocabulary's sub-kinds, and country codes, are written as they are: none has a byte to escape
    /// (a test checks every one).
    fn fields(out: &mut Vec<u8>, m: &Mention) {
        out.extend_from_slice(b"\"kind\":");
        plain(out, m.kind().as_str());
        out.extend_from_slice(b",\"text\":");
        string(out, m.text());
        out.push(b',');
        offsets(out, m.span());
        if m.kind() == Kind::Person {
            out.extend_from_slice(b",\"title\":");
            optional(out, m.title(), string);
            out.extend_from_slice(b",\"title_span\":");
            optional(out, m.title_span(), span);
            out.extend_from_slice(b",\"role\":");
            optional(out, m.role(), string);
            out.extend_from_slice(b",\"role_span\":");
            optional(out, m.role_span(), span);
            out.extend_from_slice(b",\"gender\":");
            optional(out, m.gender().map(|g| g.as_str()), plain);
        }
        out.extend_from_slice(b",\"sub_kind\":");
        match m.sub_kind() {
            Some(SubKind::Other(value)) => string(out, &value),
            Some(known) => plain(out, known.as_str()),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"country\":");
        optional(out, m.country(), plain);
        out.extend_from_slice(b",\"source\":");
        source(out, m.source());
        out.extend_from_slice(b",\"entity\":");
        number(out, m.entity());
        out.extend_from_slice(b",\"nested\":[");
        for (n, nested) in m.nested().iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            out.push(b'{');
            fields(out, nested);
            out.push(b'}');
        }
        out.push(b']');
    }

    fn offsets(out: &mut Vec<u8>, s: Span) {
        out.extend_from_slice(b"\"start\":");
        number(out, s.start());
        out.extend_from_slice(b",\"end\":");
        number(out, s.end());
        out.extend_from_slice(b",\"char_start\":");
        number(out, s.char_start());
        out.extend_from_slice(b",\"char_end\":");
        number(out, s.char_end());
    }

    fn span(out: &mut Vec<u8>, s: Span) {
        out.push(b'{');
        offsets(out, s);
        out.push(b'}');
    }

    fn optional<T>(out: &mut Vec<u8>, value: Option<T>, write: fn(&mut Vec<u8>, T)) {
        match value {
            Some(v) => write(out, v),
            None => out.extend_from_slice(b"null"),
        }
    }

    fn number(out: &mut Vec<u8>, n: usize) {
        out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    /// The source as its `Display` writes it, a JSON string.
    fn source(out: &mut Vec<u8>, s: &Source) {
        out.push(b'"');
        match s {
            Source::Rule(name) => {
                out.extend_from_slice(b"rule:");
                escaped(out, name);
            }
            Source::Lexicon { name, line } => {
                out.extend_from_slice(b"lexicon:");
                escaped(out, name);
                out.push(b':');
                number(out, *line as usize);
            }
            Source::Document => out.extend_from_slice(b"document"),
            other => escaped(out, &other.to_string()),
        }
        out.push(b'"');
    }

    /// A JSON string.
    pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
        out.push(b'"');
        escaped(out, s);
        out.push(b'"');
    }

    /// A JSON string of text with nothing to escape (see [`needs_escape`]).
    fn plain(out: &mut Vec<u8>, s: &str) {
        debug_assert!(!s.bytes().any(needs_escape));
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }

    /// `s` escaped as `serde_json` escapes a string: `"` and `\\`, the control chars (`\\n`, `\\r`, `\\t`,
    /// `\\b`, `\\f`, the others as `\\u00XX` in lower-case hex); everything else, non-ASCII included, as
    /// it is.
    fn escaped(out: &mut Vec<u8>, s: &str) {
        let bytes = s.as_bytes();
        // Most strings have nothing to escape: one test over all their bytes (without a branch per byte,
        // so the compiler makes it a vector loop), then one copy.
        if !bytes.iter().fold(false, |any, &b| any | needs_escape(b)) {
            out.extend_from_slice(bytes);
            return;
        }
        let mut from = 0;
        for (at, &b) in bytes.iter().enumerate() {
            let short: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0C => b"\\f",
                0..=0x1F => b"",
                _ => continue,
            };
            out.extend_from_slice(&bytes[from..at]);
            from = at + 1;
            if short.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xF)]);
            } else {
                out.extend_from_slice(short);
            }
        }
        out.extend_from_slice(&bytes[from..]);
    }

    /// Whether `serde_json` escapes the byte `b`: a control char (below 0x20), `"` or `\\`.
    pub(crate) fn needs_escape(b: u8) -> bool {
        // `|`, not `||`: no branch, so that a loop over bytes can be a vector loop.
        (b < 0x20) | (b == b'"') | (b == b'\\')
    }
}

/// The CoNLL tag type of a kind.
fn conll_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "PERS",
        Kind::Organization => "ORG",
        Kind::Place => "LOC",
        _ => "MISC",
    }
}

/// `WORD TAG` lines for the whitespace-separated words of `text`, a blank line after each input line that
/// has words. `mentions` are sorted and disjoint byte ranges. A word takes the tag of the first mention it
/// overlaps: `B-` on the first word of that mention, `I-` on the next ones.
fn conll(text: &str, mentions: &[(Range<usize>, Kind)]) -> String {
    let mut out = String::new();
    let mut next = 0; // the first mention that may still overlap a word
    let mut tagged: Option<usize> = None; // the mention the previous tagged word belonged to
    let mut line_start = 0;
    for line in text.split('\n') {
        let mut any = false;
        for word in words(line) {
            let range = line_start + word.start..line_start + word.end;
            while next < mentions.len() && mentions[next].0.end <= range.start {
                next += 1;
            }
            let tag = match mentions.get(next) {
                Some((m, kind)) if m.start < range.end => {
                    let b = if tagged == Some(next) { "I" } else { "B" };
                    tagged = Some(next);
                    format!("{b}-{}", conll_type(*kind))
                }
                _ => "O".to_string(),
            };
            out.push_str(&line[word]);
            out.push(' ');
            out.push_str(&tag);
            out.push('\n');
            any = true;
        }
        if any {
            out.push('\n');
        }
        line_start += line.len() + 1;
    }
    out
}

/// The byte ranges of the whitespace-separated words of `line`.
fn words(line: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = None;
    let mut iter = line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in iter.by_ref() {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    start = None;
                    return Some(s..i);
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        None
    })
}

const HTML_HEAD: &str = r#"<!DOCTYPE html>
<html dir="rtl" lang="ar">
<head>
<meta charset="utf-8">
<title>alam</title>
<style>
body { font-family: "Noto Naskh Arabic", "Amiri", "Arial", sans-serif; font-size: 1.15rem; line-height: 2.2; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; background: #fff; }
.text { white-space: pre-wrap; }
h2 { font-size: 1rem; color: #555; border-bottom: 1px solid #ddd; direction: ltr; text-align: left; }
mark { border-radius: 0.25rem; padding: 0.05rem 0.15rem; color: inherit; }
mark.person { background: #cfe3ff; }
mark.organization { background: #ffe2b8; }
mark.place { background: #cdeecd; }
mark.organization mark.place { background: #a8dca8; }
span.title { color: #6b3fa0; border-bottom: 2px dotted #6b3fa0; }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; margin-bottom: 1.5rem; font-size: 0.95rem; }
</style>
</head>
<body>
<div class="legend"><mark class="person">شخص (person)</mark><mark class="organization">منظمة (organization)</mark><mark class="place">مكان (place)</mark><span class="title">لقب (title)</span></div>
"#;

/// One file's text as HTML, every top-level mention highlighted (places inside organizations too).
fn html_section(file: Option<&str>, text: &str, doc: &Document) -> String {
    let mut out = String::from("<section>\n");
    if let Some(f) = file {
        out.push_str(&format!("<h2>{}</h2>\n", escape(f)));
    }
    out.push_str("<div class=\"text\">");
    let mut at = 0;
    for m in doc.mentions() {
        let span = m.span();
        if span.start() < at {
            continue;
        }
        if let Some(t) = m
            .title_span()
            .filter(|t| at <= t.start() && t.end() <= span.start())
        {
            out.push_str(&escape(&text[at..t.start()]));
            out.push_str(&format!(
                "<span class=\"title\" title=\"{}\">{}</span>",
                escape(&format!("title of {}", m.text())),
                escape(&text[t.range()])
            ));
            at = t.end();
        }
        out.push_str(&escape(&text[at..span.start()]));
        out.push_str(&open_mark(m));
        let mut inner = span.start();
        for n in m.nested() {
            let ns = n.span();
            if ns.start() < inner || ns.end() > span.end() {
                continue;
            }
            out.push_str(&escape(&text[inner..ns.start()]));
            out.push_str(&open_mark(n));
            out.push_str(&escape(&text[ns.range()]));
            out.push_str("</mark>");
            inner = ns.end();
        }
        out.push_str(&escape(&text[inner..span.end()]));
        out.push_str("</mark>");
        at = span.end();
    }
    out.push_str(&escape(&text[at..]));
    out.push_str("</div>\n</section>\n");
    out
}

fn open_mark(m: &Mention) -> String {
    let mut hover = vec![m.kind().as_str().to_string()];
    let sub_kind = m.sub_kind();
    let facts = [
        ("title", m.title()),
        ("role", m.role()),
        ("gender", m.gender().map(|g| g.as_str())),
        ("sub-kind", sub_kind.as_ref().map(|s| s.as_str())),
        ("country", m.country()),
    ];
    hover.extend(
        facts
            .iter()
            .filter_map(|(k, v)| v.map(|v| format!("{k}: {v}"))),
    );
    hover.push(format!("source: {}", m.source()));
    format!(
        "<mark class=\"{}\" title=\"{}\">",
        m.kind().as_str(),
        escape(&hover.join(" · "))
    )
}

/// Escapes text for HTML element content and quoted attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Parses the arguments (`--help` and `--version` print to stdout and exit 0; bad usage exits 2), runs,
/// and returns the exit status.
fn real_main() -> u8 {
    // clap reads the arguments as `OsString`s: a file name that is not UTF-8 is a path like any other.
    let args = Args::parse();
    let stdout = io::stdout();
    // Rows are small: a large buffer makes few writes.
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let progress = io::stderr().is_terminal();
    let status = run(&args, &mut out, &mut io::stderr(), progress).and_then(|s| {
        out.flush()?;
        Ok(s)
    });
    match status {
        Ok(s) => s,
        // The reader of a pipe stopped early (`| head -1`): what it wanted was written.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("extract: cannot write output: {e}");
            1
        }
    }
}

#[cfg(not(all(unix, not(test))))]
fn main() -> ExitCode {
    ExitCode::from(real_main())
}

/// The C entry point (see the note at the top): refuses to run with standard output closed, ignores
/// SIGPIPE as Rust's runtime does, and runs [`real_main`].
#[cfg(all(unix, not(test)))]
#[unsafe(no_mangle)]
extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    unsafe extern "C" {
        fn fcntl(fd: i32, cmd: i32, ...) -> i32;
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const F_GETFD: i32 = 1;
    const SIGPIPE: i32 = 13;
    const SIG_IGN: usize = 1;
    // SAFETY: fcntl(F_GETFD) only reads the descriptor's flags; signal() sets the disposition of
    // SIGPIPE to "ignore" before any thread starts, as Rust's own runtime does.
    unsafe {
        if fcntl(1, F_GETFD) == -1 {
            eprintln!("extract: standard output is closed: nothing can be written");
            return 1;
        }
        signal(SIGPIPE, SIG_IGN);
    }
    i32::from(real_main())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mention read from JSON with these strings, its span made to fit its text.
    fn mention_with(kind: &str, text: &str, extra: serde_json::Value) -> Mention<'static> {
        let mut v = serde_json::json!({
            "kind": kind,
            "text": text,
            "start": 7,
            "end": 7 + text.len(),
            "char_start": 3,
            "char_end": 3 + text.chars().count(),
            "source": "rule:x",
        });
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        serde_json::from_value(v).unwrap()
    }

    /// The hand-written rows are byte for byte what serde_json writes, on tricky strings (quotes,
    /// backslashes, every control char, DEL, non-ASCII) in every string field, and on what extraction
    /// gives for invented sentences (titles, roles, nested places, lexicon sources).
    #[test]
    fn json_rows_are_what_serde_json_writes() {
        let controls: String = (0u8..0x20).map(char::from).collect();
        let tricky = [
            "عدن".to_string(),
            "a\"b\\c/d".to_string(),
            controls,
            "\u{7f}\u{80}é\u{200F}«ـ» 😀".to_string(),
            String::new(),
            "\\\"\n".to_string(),
            // Long strings with the bytes to escape at every place of an eight-byte word.
            "عدن والمكلا\u{1}سيئون \"الشحر\" تريم\\غيل باوزير\u{1f}".to_string(),
            (0..24)
                .map(|n| format!("{}\"{}", "ab".repeat(n), "\\".repeat(n % 3)))
                .collect(),
        ];
        let mut mentions = Vec::new();
        for t in &tricky {
            let span = serde_json::json!({"start": 0, "end": 1, "char_start": 0, "char_end": 1});
            mentions.push(mention_with(
                "person",
                t,
                serde_json::json!({
                    "title": t, "title_span": span, "role": t, "role_span": null, "gender": "female",
                    "source": format!("lexicon:{t}:12"), "entity": 4_000_000_000u32,
                }),
            ));
            // A country is two upper-case letters (anything else does not deserialize): no escapes.
            let nested = mention_with(
                "place",
                t,
                serde_json::json!({"country": "YE", "sub_kind": "souk"}),
            );
            let nested = serde_json::to_value(&nested).unwrap();
            mentions.push(mention_with(
                "organization",
                t,
                serde_json::json!({"sub_kind": "ministry", "nested": [nested.clone(), nested]}),
            ));
            mentions.push(mention_with(
                "person",
                t,
                serde_json::json!({"source": "document"}),
            ));
        }
        let text =
            "قال وزير الصحة الدكتور عبدالعزيز سعيد الصيغ إن مؤتمر حضرموت الجامع عقد في المكلا \
                    ووصل إلى القلوعة. وأضاف الصيغ";
        let lex = alam::Lexicon::parse("my \"lex\".tsv", "القلوعة\tplace\tsub=town\tcountry=YE\n")
            .unwrap();
        let ex = Extractor::builder().lexicon(lex).build().unwrap();
        let doc = ex.extract(text);
        assert!(doc.mentions().iter().any(|m| !m.nested().is_empty()));
        assert!(doc.mentions().iter().any(|m| m.role().is_some()));
        assert!(doc
            .mentions()
            .iter()
            .any(|m| m.source().to_string().contains('"')));
        mentions.extend(doc.mentions().iter().cloned());
        let mut row = Vec::new();
        for m in &mentions {
            for file in [None, Some("a \"b\"\\c\n.txt")] {
                row.clear();
                json::row(&mut row, file, None, m);
                let want = serde_json::to_string(&Row { file, mention: m }).unwrap() + "\n";
                assert_eq!(String::from_utf8(row.clone()).unwrap(), want);
                row.clear();
                json::row(&mut row, file, Some(12), m);
                let want = serde_json::to_string(&LineRow {
                    file,
                    line: 12,
                    mention: m,
                })
                .unwrap();
                assert_eq!(String::from_utf8(row.clone()).unwrap(), want + "\n");
            }
        }
    }

    /// The names `json::fields` writes without escaping (kinds, genders, the vocabulary's sub-kinds)
    /// have nothing to escape, and a document's rows are its mentions' rows one after another.
    #[test]
    fn json_names_written_as_they_are_need_no_escape() {
        let names = Kind::ALL
            .iter()
            .map(|k| k.as_str())
            .chain([alam::Gender::Male.as_str(), alam::Gender::Female.as_str()])
            .chain(alam::SubKind::ALL.iter().map(|s| s.as_str()));
        for name in names {
            assert!(
                !name.is_empty() && !name.bytes().any(json::needs_escape),
                "{name}"
            );
        }
        let doc = Extractor::new().extract("زار الرئيس محمد علي مدينة عدن ثم المكلا.");
        assert!(doc.mentions().len() >= 2);
        let mut rows = Vec::new();
        json_rows(&mut rows, Some("a.txt"), Some(3), &doc, &mut Vec::new()).unwrap();
        let mut want = Vec::new();
        for m in doc.mentions() {
            json::row(&mut want, Some("a.txt"), Some(3), m);
        }
        assert_eq!(
            String::from_utf8(rows).unwrap(),
            String::from_utf8(want).unwrap()
        );
    }

    fn parse_args(argv: Vec<String>) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("extract".to_string()).chain(argv))
    }

    fn run_with(format: &str, inputs: &[&str]) -> (String, String, u8) {
        let mut argv = vec!["--format".to_string(), format.to_string()];
        argv.extend(inputs.iter().map(|s| s.to_string()));
        let args = parse_args(argv).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = run(&args, &mut out, &mut err, false).unwrap();
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
            status,
        )
    }

    /// A fresh folder under the system temp dir, removed when dropped.
    struct TempDir(PathBuf);
    impl TempDir {
        fn new(name: &str) -> TempDir {
            let p =
                std::env::temp_dir().join(format!("alam-extract-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&p);
            std::fs::create_dir_all(&p).unwrap();
            TempDir(p)
        }
        fn write(&self, rel: &str, bytes: &[u8]) -> String {
            let p = self.0.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, bytes).unwrap();
            p.display().to_string()
        }
    }
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// The file named on the first line of `conll` output.
    fn f_name(out: &str) -> &str {
        out.lines().next().unwrap().trim_start_matches("# file = ")
    }

    fn tags(text: &str, mentions: &[(Range<usize>, Kind)]) -> Vec<String> {
        conll(text, mentions).lines().map(str::to_string).collect()
    }

    #[test]
    fn conll_tags_words_from_mentions() {
        let text = "زار الأستاذ محمد الحامد مدينة المكلا";
        let person = text.find("محمد").unwrap()..text.find(" مدينة").unwrap();
        let place = text.find("المكلا").unwrap()..text.len();
        let got = tags(text, &[(person, Kind::Person), (place, Kind::Place)]);
        assert_eq!(
            got,
            [
                "زار O",
                "الأستاذ O",
                "محمد B-PERS",
                "الحامد I-PERS",
                "مدينة O",
                "المكلا B-LOC",
                ""
            ]
        );
    }

    #[test]
    fn conll_keeps_clitics_and_punctuation_in_the_word() {
        // The mention is المكلا inside بالمكلا، : the whole written word is tagged.
        let text = "وصل بالمكلا، ثم عاد";
        let at = text.find("المكلا").unwrap();
        let got = tags(text, &[(at..at + "المكلا".len(), Kind::Place)]);
        assert_eq!(got, ["وصل O", "بالمكلا، B-LOC", "ثم O", "عاد O", ""]);
    }

    #[test]
    fn conll_blank_line_after_each_input_line_and_adjacent_mentions() {
        let text = "عدن صنعاء\n\n  \nشركة النفط\r\n";
        let aden = 0.."عدن".len();
        let sanaa = text.find("صنعاء").unwrap()..text.find('\n').unwrap();
        let org = text.find("شركة").unwrap()..text.find('\r').unwrap();
        let got = tags(
            text,
            &[
                (aden, Kind::Place),
                (sanaa, Kind::Place),
                (org, Kind::Organization),
            ],
        );
        assert_eq!(
            got,
            [
                "عدن B-LOC",
                "صنعاء B-LOC",
                "",
                "شركة B-ORG",
                "النفط I-ORG",
                ""
            ]
        );
    }

    #[test]
    fn conll_from_the_extractor() {
        let text = "الأستاذة أوسان محمد باحسين في مدينة المكلا";
        let (out, _, status) = {
            let dir = TempDir::new("conll");
            let f = dir.write("a.txt", text.as_bytes());
            run_with("conll", &[&f])
        };
        assert_eq!(status, 0);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], format!("# file = {}", f_name(&out)));
        assert_eq!(
            lines[1..],
            [
                "-DOCSTART- O",
                "",
                "الأستاذة O",
                "أوسان B-PERS",
                "محمد I-PERS",
                "باحسين I-PERS",
                "في O",
                "مدينة O",
                "المكلا B-LOC",
                ""
            ]
        );
    }

    #[test]
    fn html_escapes_text_names_and_hovers() {
        let text = "<script>alert('x & y')</script> \"زار\" الأستاذ محمد عبدالله الحامد مدينة المكلا";
        let doc = Extractor::new().extract(text);
        let html = html_section(Some("a<b>.txt"), text, &doc);
        assert!(!html.contains("<script>"));
        assert!(html
            .contains("&lt;script&gt;alert(&#39;x &amp; y&#39;)&lt;/script&gt; &quot;زار&quot;"));
        assert!(html.contains("<h2>a&lt;b&gt;.txt</h2>"));
        assert!(html.contains(
            "<span class=\"title\" title=\"title of محمد عبدالله الحامد\">الأستاذ</span>"
        ));
        assert!(html.contains(
            "<mark class=\"person\" title=\"person · title: الأستاذ · gender: male · source: rule:title-name\">محمد عبدالله الحامد</mark>"
        ));
        assert!(html.contains("<mark class=\"place\""));
        // Every char of the text is there once, in order, once the markup is taken out.
        let plain = strip_tags(&html);
        assert!(plain.contains(&escape(text)));
    }

    #[test]
    fn html_nests_places_in_organizations() {
        let text = "عقد مؤتمر حضرموت الجامع ندوته";
        let doc = Extractor::new().extract(text);
        let html = html_section(None, text, &doc);
        let org = html.find("<mark class=\"organization\"").unwrap();
        let place = html.find("<mark class=\"place\"").unwrap();
        assert!(org < place);
        assert!(html.contains(">حضرموت</mark> الجامع</mark>"));
        assert_eq!(strip_tags(&html).trim(), text);
    }

    #[test]
    fn html_page_is_right_to_left_and_self_contained() {
        let dir = TempDir::new("html");
        let f = dir.write("a.txt", "في مدينة المكلا".as_bytes());
        let (out, _, status) = run_with("html", &[&f]);
        assert_eq!(status, 0);
        assert!(out.starts_with("<!DOCTYPE html>\n<html dir=\"rtl\" lang=\"ar\">"));
        assert!(out.contains("<style>") && out.contains("class=\"legend\""));
        assert!(!out.contains("<link") && !out.contains("src="));
        assert!(out.trim_end().ends_with("</html>"));
    }

    fn strip_tags(html: &str) -> String {
        let body = &html[html.find("<div class=\"text\">").unwrap() + 18..];
        let body = &body[..body.find("</div>").unwrap()];
        let mut out = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn folders_recurse_sorted_with_errors_reported() {
        let dir = TempDir::new("folders");
        dir.write("b.txt", "في مدينة المكلا".as_bytes());
        dir.write("a/z.txt", "في مدينة عدن".as_bytes());
        dir.write("a/notes.md", "في مدينة صنعاء".as_bytes());
        let bad = dir.write("bad.txt", b"ok \xff");
        let missing = dir.0.join("missing.txt").display().to_string();
        let root = dir.0.display().to_string();
        let (out, err, status) = run_with("jsonl", &[&root, &missing]);
        assert_eq!(status, 1);
        let rows: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let got: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r["file"].as_str().unwrap(), r["text"].as_str().unwrap()))
            .collect();
        let a = dir.0.join("a/z.txt").display().to_string();
        let b = dir.0.join("b.txt").display().to_string();
        assert_eq!(got, [(a.as_str(), "عدن"), (b.as_str(), "المكلا")]);
        assert!(rows[0]["start"].is_u64() && rows[0]["char_end"].is_u64());
        let errs: Vec<&str> = err.lines().collect();
        assert_eq!(errs.len(), 2);
        assert_eq!(
            errs[0],
            format!("extract: {bad}: not UTF-8: invalid byte at offset 3")
        );
        assert!(errs[1].starts_with(&format!("extract: {missing}: cannot read: ")));
    }

    #[test]
    fn one_file_has_its_file_field_first_and_json_has_one_line_per_file() {
        let dir = TempDir::new("json");
        let a = dir.write("a.txt", "في مدينة المكلا".as_bytes());
        let b = dir.write("b.txt", "لا شيء".as_bytes());
        let (out, _, _) = run_with("jsonl", &[&a]);
        let line = out.lines().next().unwrap();
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(row["file"].as_str(), Some(a.as_str()));
        assert_eq!(row["kind"], "place");
        // The keys in the documented order, file first.
        let keys: Vec<usize> = [
            "\"file\"",
            "\"kind\"",
            "\"text\"",
            "\"start\"",
            "\"end\"",
            "\"char_start\"",
            "\"sub_kind\"",
            "\"source\"",
            "\"entity\"",
            "\"nested\"",
        ]
        .iter()
        .map(|k| line.find(k).unwrap_or_else(|| panic!("{k} in {line}")))
        .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{line}");
        // A row reads back as the mention it was written from.
        let back: Mention = serde_json::from_str(line).unwrap();
        assert_eq!(back.text(), "المكلا");
        let (out, _, status) = run_with("json", &[&a, &b]);
        assert_eq!(status, 0);
        let docs: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1]["file"].as_str(), Some(b.as_str()));
        assert_eq!(docs[0]["document"]["places"][0]["name"], "المكلا");
    }

    #[test]
    fn many_files_keep_their_order_across_batches() {
        let dir = TempDir::new("batches");
        let names: Vec<String> = (0..BATCH_FILES + 5)
            .map(|i| dir.write(&format!("{i:03}.txt"), "في مدينة المكلا".as_bytes()))
            .collect();
        let root = dir.0.display().to_string();
        let (out, _, status) = run_with("jsonl", &[&root]);
        assert_eq!(status, 0);
        let files: Vec<String> = out
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["file"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(files, names);
    }

    #[test]
    fn progress_goes_to_stderr_only_when_asked() {
        let dir = TempDir::new("progress");
        let a = dir.write("a.txt", "في مدينة المكلا".as_bytes());
        let args = parse_args(vec![a]).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        run(&args, &mut out, &mut err, true).unwrap();
        let err = String::from_utf8(err).unwrap();
        assert!(err.contains("1/1 files"));
        assert!(!String::from_utf8(out).unwrap().contains("files"));
    }

    #[test]
    fn bad_usage() {
        assert!(parse_args(vec!["--format".into(), "xml".into()]).is_err());
        assert!(parse_args(vec!["--format".into()]).is_err());
        assert!(parse_args(vec!["--nope".into()]).is_err());
        let a = parse_args(vec!["-f".into(), "conll".into(), "--".into(), "-x".into()]).unwrap();
        assert_eq!(
            (a.format, a.inputs),
            (Format::Conll, vec![PathBuf::from("-x")])
        );
        let help = parse_args(vec!["--help".into()]).unwrap_err();
        assert_eq!(help.kind(), clap::error::ErrorKind::DisplayHelp);
        assert!(help.to_string().contains("--lossy"));
    }

    #[test]
    fn decoding() {
        assert_eq!(
            decode("عدن".as_bytes().to_vec(), false).unwrap(),
            ("عدن".to_string(), None)
        );
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("في عدن\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(le, false).unwrap().0, "في عدن\n");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("في عدن".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(be, false).unwrap().0, "في عدن");
        let no_bom: Vec<u8> = "في مدينة عدن\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(decode(no_bom, true)
            .unwrap_err()
            .starts_with("UTF-16LE without a byte-order mark"));
        let bad = b"ab\xffcd";
        assert_eq!(
            decode(bad.to_vec(), false).unwrap_err(),
            "not UTF-8: invalid byte at offset 2"
        );
        let (text, warning) = decode(bad.to_vec(), true).unwrap();
        assert_eq!(text, "ab\u{FFFD}cd");
        assert!(warning.unwrap().contains("first at byte offset 2"));
        // One stray NUL in UTF-8 text is not taken for a wide encoding.
        assert_eq!(
            decode("عدن\0 والمكلا في اليمن".as_bytes().to_vec(), false)
                .unwrap()
                .1,
            None
        );
    }

    /// A text longer than a mention's offsets can hold is refused with the limit in the message; the
    /// check reads the length alone, so it is tested without a file of 4 GiB.
    #[test]
    fn a_text_too_long_for_32_bit_offsets_is_refused() {
        assert_eq!(too_long(0), None);
        assert_eq!(too_long(alam::Span::MAX_OFFSET as u64), None);
        let e = too_long(alam::Span::MAX_OFFSET as u64 + 1).unwrap();
        assert!(e.starts_with("too large: 4294967296 bytes"), "{e}");
        assert!(e.contains("at most 4294967295"), "{e}");
        assert!(too_long(u64::MAX).is_some());
    }

    #[test]
    fn lines_are_documents_with_offsets_in_the_line() {
        let dir = TempDir::new("lines");
        let a = dir.write(
            "a.txt",
            &[
                "وصل الوفد إلى مدينة المكلا\r\n\nقال الأستاذ محمد عبدالله الحامد\n".as_bytes(),
                b"ok \xff\n",
                "في مدينة عدن".as_bytes(),
            ]
            .concat(),
        );
        let args = parse_args(vec!["--lines".to_string(), a.clone()]).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = run(&args, &mut out, &mut err, false).unwrap();
        assert_eq!(status, 1);
        let rows: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let got: Vec<(u64, &str, u64, u64)> = rows
            .iter()
            .map(|r| {
                (
                    r["line"].as_u64().unwrap(),
                    r["text"].as_str().unwrap(),
                    r["start"].as_u64().unwrap(),
                    r["char_start"].as_u64().unwrap(),
                )
            })
            .collect();
        let p = "قال الأستاذ ";
        assert_eq!(
            got,
            [
                (1, "المكلا", "وصل الوفد إلى مدينة ".len() as u64, 20),
                (
                    3,
                    "محمد عبدالله الحامد",
                    p.len() as u64,
                    p.chars().count() as u64
                ),
                (5, "عدن", "في مدينة ".len() as u64, 9),
            ]
        );
        assert!(rows.iter().all(|r| r["file"] == a.as_str()));
        assert_eq!(
            String::from_utf8(err).unwrap(),
            format!("extract: {a}:4: not UTF-8: invalid byte at offset 3 of the line\n")
        );
        // With --lossy the bad line is a document too.
        let args = parse_args(vec!["--lines".into(), "--lossy".into(), a.clone()]).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run(&args, &mut out, &mut err, false).unwrap(), 0);
        assert!(err.is_empty());
    }

    #[test]
    fn lines_in_json_and_across_files() {
        let dir = TempDir::new("lines-json");
        let a = dir.write("a.txt", "في مدينة المكلا\n".as_bytes());
        let b = dir.write("b.txt", "لا شيء\nفي مدينة عدن".as_bytes());
        let args = parse_args(vec![
            "--format".into(),
            "json".into(),
            "--lines".into(),
            a.clone(),
            b.clone(),
        ])
        .unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run(&args, &mut out, &mut err, false).unwrap(), 0);
        let docs: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let got: Vec<(&str, u64, usize)> = docs
            .iter()
            .map(|d| {
                (
                    d["file"].as_str().unwrap(),
                    d["line"].as_u64().unwrap(),
                    d["document"]["mentions"].as_array().unwrap().len(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [(a.as_str(), 1, 1), (b.as_str(), 1, 0), (b.as_str(), 2, 1)]
        );
        assert!(err.is_empty());
        let args = parse_args(vec!["--lines".into(), "-f".into(), "conll".into(), a]).unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run(&args, &mut out, &mut err, false).unwrap(), 2);
        assert!(out.is_empty());
    }
}
