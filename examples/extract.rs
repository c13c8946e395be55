//! Extracts people, organizations and places from Arabic text files, folders of them, or stdin.
//!
//! ```text
//! cargo run --release --example extract -- [--format jsonl|json|conll|html] [FILE|FOLDER|- ...]
//! ```
//!
//! A folder is searched recursively for `*.txt` files, taken in sorted order; with no argument the text is
//! read from stdin. Files are read and extracted in batches over all cores (`Extractor::extract_many`),
//! so memory stays bounded however many there are, and the output is in input order. When stderr is a
//! terminal a progress line is shown there; otherwise nothing but errors is written to it.
//!
//! Formats:
//! - `jsonl` (the default): one JSON object per top-level mention, with `kind`, `text`, `start`, `end`
//!   (UTF-8 byte offsets, end exclusive), `char_start`, `char_end`, `title`, `title_span`, `role`,
//!   `role_span` and `gender` for persons, `sub_kind`, `country`, `source`, `entity`, the places nested in
//!   it (`nested`), and `file` when there are several files. `title_span` and `role_span` are `null` or
//!   `{"start": …, "end": …, "char_start": …, "char_end": …}`: where the title (its clitics left out) and
//!   the role stand in the text, in bytes and chars like the mention's own offsets, so
//!   `text[start..end]` is the title or role as written.
//! - `json`: one line per file, `{"file": NAME or null, "document": {...}}`.
//! - `conll`: a `WORD TAG` line per whitespace-separated word of the original text, a blank line after each
//!   line of the input; tags are `B-`/`I-` + `PERS`, `ORG`, `LOC` from the top-level mention a word
//!   overlaps first, or `O`. With several files each starts with `-DOCSTART- O` and a blank line.
//! - `html`: a self-contained right-to-left page with every mention highlighted by kind, titles in their
//!   own style, and a tooltip with kind, title, gender and source.
//!
//! A file that cannot be read or is not UTF-8 is reported on stderr with its name (and the byte offset of
//! the first bad byte); the other files are still processed, and the exit status is 1. Bad usage exits 2.

use std::io::{self, IsTerminal, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alam::{Document, Extractor, Kind, Mention};

#[derive(Clone, Copy, PartialEq, Debug)]
enum Format {
    Jsonl,
    Json,
    Conll,
    Html,
}

#[derive(Debug)]
struct Args {
    format: Format,
    inputs: Vec<String>,
}

const USAGE: &str =
    "usage: extract [--format jsonl|json|conll|html] [FILE|FOLDER|- ...]   (stdin when none)";

/// At most this many files are held in memory at once…
const BATCH_FILES: usize = 64;
/// …and at most about this many bytes of text.
const BATCH_BYTES: usize = 32 << 20;

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut format = Format::Jsonl;
    let mut inputs = Vec::new();
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" | "-f" => {
                let v = args.next().ok_or("--format needs a value")?;
                format = match v.as_str() {
                    "jsonl" => Format::Jsonl,
                    "json" => Format::Json,
                    "conll" => Format::Conll,
                    "html" => Format::Html,
                    _ => {
                        return Err(format!(
                            "unknown format `{v}` (expected jsonl, json, conll or html)"
                        ))
                    }
                };
            }
            "--help" | "-h" => return Err(USAGE.to_string()),
            "--" => inputs.extend(args.by_ref()),
            _ if a.starts_with('-') && a != "-" => {
                return Err(format!("unknown option `{a}`\n{USAGE}"))
            }
            _ => inputs.push(a),
        }
    }
    Ok(Args { format, inputs })
}

/// The files to read: each argument itself, or for a folder the `*.txt` files under it, sorted.
/// Folders that cannot be listed are reported in `errors`.
fn expand(inputs: &[String], errors: &mut Vec<String>) -> Vec<String> {
    let mut files = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if input != "-" && path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found, errors);
            found.sort();
            files.extend(found.into_iter().map(|p| p.display().to_string()));
        } else {
            files.push(input.clone());
        }
    }
    files
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: cannot read: {e}", dir.display()));
            return;
        }
    };
    for entry in entries {
        let path = match entry {
            Ok(entry) => entry.path(),
            Err(e) => {
                errors.push(format!("{}: cannot read: {e}", dir.display()));
                continue;
            }
        };
        if path.is_dir() {
            walk(&path, out, errors);
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
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

/// Runs the command: `stdout` gets the output, `stderr` errors and (with `progress`) a progress line.
/// Returns the exit status.
fn run(
    args: &Args,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
    progress: bool,
) -> io::Result<u8> {
    let mut errors = Vec::new();
    let files = if args.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        expand(&args.inputs, &mut errors)
    };
    for e in &errors {
        report(stderr, progress, e)?;
    }
    let mut failed = !errors.is_empty();
    let several = files.len() > 1;
    let ex = Extractor::new();
    if args.format == Format::Html {
        stdout.write_all(HTML_HEAD.as_bytes())?;
    }
    let mut batch: Vec<(&str, String)> = Vec::new();
    let mut bytes = 0;
    for (n, name) in files.iter().enumerate() {
        match read_text(name) {
            Ok(text) => {
                bytes += text.len();
                batch.push((name, text));
            }
            Err(e) => {
                report(stderr, progress, &e)?;
                failed = true;
            }
        }
        let last = n + 1 == files.len();
        if last || batch.len() >= BATCH_FILES || bytes >= BATCH_BYTES {
            let texts: Vec<&str> = batch.iter().map(|(_, t)| t.as_str()).collect();
            let docs = ex.extract_many(&texts);
            for ((name, text), doc) in batch.iter().zip(&docs) {
                let label = several.then_some(*name);
                write_doc(stdout, args.format, label, text, doc)?;
            }
            batch.clear();
            bytes = 0;
            if progress {
                show_progress(stderr, n + 1, files.len())?;
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

/// Writes an error on its own line, over the progress line when there is one.
fn report(stderr: &mut impl Write, progress: bool, error: &str) -> io::Result<()> {
    if progress {
        write!(stderr, "\r\x1b[2K")?;
    }
    writeln!(stderr, "extract: {error}")
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

fn write_doc(
    out: &mut impl Write,
    format: Format,
    file: Option<&str>,
    text: &str,
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
        Format::Conll => {
            if file.is_some() {
                out.write_all(b"-DOCSTART- O\n\n")?;
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
    let facts = [
        ("title", m.title()),
        ("role", m.role()),
        ("gender", m.gender().map(|g| g.as_str())),
        ("sub-kind", m.sub_kind()),
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

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let progress = io::stderr().is_terminal();
    let status = run(&args, &mut out, &mut io::stderr(), progress).and_then(|s| {
        out.flush()?;
        Ok(s)
    });
    match status {
        Ok(s) => ExitCode::from(s),
        Err(e) => {
            eprintln!("extract: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            lines,
            [
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
    fn one_file_has_no_file_field_and_json_has_one_line_per_file() {
        let dir = TempDir::new("json");
        let a = dir.write("a.txt", "في مدينة المكلا".as_bytes());
        let b = dir.write("b.txt", "لا شيء".as_bytes());
        let (out, _, _) = run_with("jsonl", &[&a]);
        let row: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert!(row.get("file").is_none());
        assert_eq!(row["kind"], "place");
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
            (Format::Conll, vec!["-x".to_string()])
        );
    }
}
