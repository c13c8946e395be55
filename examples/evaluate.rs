//! Scores the extractor against a CoNLL/BIO file, so anyone can measure it on their own annotated text.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD.txt [--errors] [--counts] [--lexicons DIR]
//! ```
//!
//! The gold file has one `token TAG` per line and a blank line between sentences (ANERcorp and AQMAR
//! layout; tags B-/I- over PERS|PER, LOC, ORG, MISC|MIS, or O). The extractor reads the running text: a
//! sentence a line, tokens joined by single spaces. A predicted top-level mention tags every token it
//! overlaps (a token already tagged keeps its first tag); chunks follow conlleval and count only with the
//! same type and the same first and last token. MISC is scored as O. This is the layout and scoring of
//! `conll_eval.py`, so the two print the same numbers.
//!
//! With `--errors`, every false positive and every miss is listed with its sentence context, after the
//! table (a false positive with its source last) and after `SRC type source tp fp` lines: the right and wrong predicted chunks of each source
//! (a rule, a lexicon file, or the document pass), so that each rule's precision on the file shows. With `--counts`, the table is replaced by tab-separated `type tp fp fn` lines (PERS, LOC, ORG),
//! for tools that sum counts over several runs (`tools/cv.py`).
//!
//! With `--lexicons DIR`, the default-tier lexicons are read from `DIR` (each file of
//! `alam::Tier::Default.files()`, under the same name) instead of the copies compiled into the crate; a
//! missing file is an error. Cross-validation (`tools/cv.py`) uses it to score with lexicons rebuilt
//! from the training folds; `--lexicons lexicons` scores exactly as the bundled set does.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use alam::{Extractor, Kind, Lexicon, Tier};

/// Scored types, in table order.
const TYPES: [&str; 3] = ["PERS", "LOC", "ORG"];

/// A chunk: type, first and last token index (inclusive).
type Chunk = (&'static str, usize, usize);

struct Gold {
    tokens: Vec<String>,
    tags: Vec<String>,
    /// Index of the first token of each sentence, and the total at the end.
    sentence_starts: Vec<usize>,
}

fn gold_type(t: &str) -> Option<&'static str> {
    match t {
        "PERS" | "PER" => Some("PERS"),
        "LOC" => Some("LOC"),
        "ORG" => Some("ORG"),
        _ => None,
    }
}

fn read_gold(path: &str) -> Result<Gold, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut g = Gold {
        tokens: Vec::new(),
        tags: Vec::new(),
        sentence_starts: vec![0],
    };
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if *g.sentence_starts.last().unwrap_or(&0) < g.tokens.len() {
                g.sentence_starts.push(g.tokens.len());
            }
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [token, .., tag] = parts[..] else {
            return Err(format!(
                "{path}:{}: expected 'token TAG', got {line:?}",
                n + 1
            ));
        };
        let tag = match tag.split_once('-') {
            Some((p @ ("B" | "I"), t)) => gold_type(t).map_or("O".into(), |t| format!("{p}-{t}")),
            _ => "O".into(),
        };
        g.tokens.push(token.to_string());
        g.tags.push(tag);
    }
    if *g.sentence_starts.last().unwrap_or(&0) < g.tokens.len() {
        g.sentence_starts.push(g.tokens.len());
    }
    Ok(g)
}

/// The running text and each token's byte range in it.
fn layout(g: &Gold) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(g.tokens.len());
    for w in g.sentence_starts.windows(2) {
        for i in w[0]..w[1] {
            if i > w[0] {
                text.push(' ');
            }
            let s = text.len();
            text.push_str(&g.tokens[i]);
            ranges.push((s, text.len()));
        }
        text.push('\n');
    }
    (text, ranges)
}

/// Chunks of a BIO tag sequence; a chunk never runs across a sentence start.
fn chunks(tags: &[String], breaks: &BTreeSet<usize>) -> BTreeSet<Chunk> {
    let mut out = BTreeSet::new();
    let mut open: Option<(&'static str, usize)> = None;
    for i in 0..=tags.len() {
        let tag = tags.get(i).map_or("O", String::as_str);
        let (prefix, t) = tag.split_once('-').unwrap_or((tag, ""));
        if let Some((typ, start)) = open {
            if tag == "O" || prefix == "B" || t != typ || breaks.contains(&i) {
                out.insert((typ, start, i - 1));
                open = None;
            }
        }
        if tag != "O" && open.is_none() {
            open = gold_type(t).map(|t| (t, i));
        }
    }
    out
}

fn kind_type(k: Kind) -> &'static str {
    match k {
        Kind::Person => "PERS",
        Kind::Organization => "ORG",
        _ => "LOC",
    }
}

/// A predicted mention: byte start and end, scored type, and the source it came from (`rule:NAME`,
/// `lexicon:FILE` or `document`).
type Predicted<'a> = (usize, usize, &'static str, &'a str);

/// Tags the tokens each mention overlaps, longest first at equal start; a token keeps its first tag.
/// Also returns the source of each mention that tagged tokens, by its chunk.
fn predicted_tags<'a>(
    mentions: &[Predicted<'a>],
    ranges: &[(usize, usize)],
) -> (Vec<String>, BTreeMap<Chunk, &'a str>) {
    let mut tags = vec!["O".to_string(); ranges.len()];
    let mut sources = BTreeMap::new();
    let mut sorted = mentions.to_vec();
    sorted.sort_by_key(|&(s, e, _, _)| (s, std::cmp::Reverse(e)));
    let starts: Vec<usize> = ranges.iter().map(|r| r.0).collect();
    for (s, e, typ, source) in sorted {
        let first = starts.partition_point(|&x| x <= s).saturating_sub(1);
        let hit: Vec<usize> = (first..ranges.len())
            .take_while(|&i| ranges[i].0 < e)
            .filter(|&i| s < ranges[i].1)
            .collect();
        if hit.is_empty() || hit.iter().any(|&i| tags[i] != "O") {
            continue;
        }
        for (j, &i) in hit.iter().enumerate() {
            tags[i] = format!("{}-{typ}", if j == 0 { "B" } else { "I" });
        }
        sources.insert((typ, hit[0], hit[hit.len() - 1]), source);
    }
    (tags, sources)
}

/// The source of a mention as a label: the rule's name, the lexicon's file (without the line), or
/// `document`.
fn source_label(m: &alam::Mention) -> String {
    let full = m.source().to_string();
    match full.strip_prefix("lexicon:") {
        Some(rest) => format!(
            "lexicon:{}",
            rest.rsplit_once(':').map_or(rest, |(file, _)| file)
        ),
        None => full,
    }
}

/// The tokens of a chunk with a few tokens either side, the chunk in brackets.
fn context(g: &Gold, (_, a, b): Chunk) -> String {
    let s = g.sentence_starts.partition_point(|&x| x <= a) - 1;
    let (lo, hi) = (
        g.sentence_starts[s].max(a.saturating_sub(5)),
        g.sentence_starts[s + 1].min(b + 6),
    );
    let mut out = Vec::new();
    for i in lo..hi {
        let mut w = String::new();
        if i == a {
            w.push('[');
        }
        w.push_str(&g.tokens[i]);
        if i == b {
            w.push(']');
        }
        out.push(w);
    }
    out.join(" ")
}

const USAGE: &str = "usage: evaluate GOLD.txt [--errors] [--counts] [--lexicons DIR]";

struct Args {
    gold: String,
    errors: bool,
    counts: bool,
    lexicons: Option<String>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let (mut errors, mut counts, mut lexicons, mut files) = (false, false, None, Vec::new());
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--errors" => errors = true,
            "--counts" => counts = true,
            "--lexicons" => lexicons = Some(args.next().ok_or("--lexicons needs a folder")?),
            _ if a.starts_with("--") => return Err(format!("unknown option `{a}`\n{USAGE}")),
            _ => files.push(a),
        }
    }
    let [gold] = <[String; 1]>::try_from(files).map_err(|_| USAGE.to_string())?;
    Ok(Args {
        gold,
        errors,
        counts,
        lexicons,
    })
}

/// The bundled extractor, or one whose default-tier lexicons are read from `dir`.
fn extractor(dir: Option<&str>) -> Result<Extractor, String> {
    let Some(dir) = dir else {
        return Ok(Extractor::new());
    };
    let mut builder = Extractor::builder();
    builder.bundled(false);
    // Every file of the default tier, in the bundled order, so `--lexicons lexicons` is the bundled set
    // exactly; a missing file is an error rather than a silently smaller lexicon.
    for name in Tier::Default.files() {
        let path = std::path::Path::new(dir).join(name);
        builder.lexicon(Lexicon::from_path(&path).map_err(|e| e.to_string())?);
    }
    builder.build().map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let (g, ex) =
        match read_gold(&args.gold).and_then(|g| Ok((g, extractor(args.lexicons.as_deref())?))) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("evaluate: {e}");
                return ExitCode::FAILURE;
            }
        };
    let errors = args.errors;
    let (text, ranges) = layout(&g);
    let doc = ex.extract(&text);
    let labels: Vec<String> = doc.mentions().iter().map(source_label).collect();
    let mentions: Vec<Predicted<'_>> = doc
        .mentions()
        .iter()
        .zip(&labels)
        .map(|(m, l)| {
            (
                m.span().start(),
                m.span().end(),
                kind_type(m.kind()),
                l.as_str(),
            )
        })
        .collect();
    let (pred, sources) = predicted_tags(&mentions, &ranges);
    let breaks: BTreeSet<usize> = g.sentence_starts.iter().copied().collect();
    let (gold, pred) = (chunks(&g.tags, &breaks), chunks(&pred, &breaks));

    // Everything goes into one string written at the end, so a closed pipe (`| head`) is an error
    // reported by the write, not a panic of `println!`.
    let mut out = String::new();
    let mut counts = Vec::new();
    let mut tot = (0, 0, 0);
    for typ in TYPES {
        let gs: BTreeSet<_> = gold.iter().filter(|c| c.0 == typ).collect();
        let ps: BTreeSet<_> = pred.iter().filter(|c| c.0 == typ).collect();
        let tp = gs.intersection(&ps).count();
        let (fp, fn_) = (ps.len() - tp, gs.len() - tp);
        counts.push((typ, tp, fp, fn_));
        tot = (tot.0 + tp, tot.1 + fp, tot.2 + fn_);
    }
    if args.counts {
        for (typ, tp, fp, fn_) in counts {
            let _ = writeln!(out, "{typ}\t{tp}\t{fp}\t{fn_}");
        }
    } else {
        let _ = writeln!(
            out,
            "{:6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "type", "gold", "pred", "prec", "rec", "F1"
        );
        let mut row = |name: &str, tp: usize, fp: usize, fn_: usize| {
            let p = if tp + fp > 0 {
                tp as f64 / (tp + fp) as f64
            } else {
                0.0
            };
            let r = if tp + fn_ > 0 {
                tp as f64 / (tp + fn_) as f64
            } else {
                0.0
            };
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            let _ = writeln!(
                out,
                "{name:6} {:6} {:6} {p:6.3} {r:6.3} {f:6.3}",
                tp + fn_,
                tp + fp
            );
            f
        };
        for (typ, tp, fp, fn_) in counts {
            row(typ, tp, fp, fn_);
        }
        let f1 = row("micro", tot.0, tot.1, tot.2);
        let _ = writeln!(out, "micro F1 (PERS, LOC, ORG): {f1:.4}");
    }

    if errors {
        // Each source's predicted chunks, right and wrong: the precision of each rule on this file.
        let mut by_source: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
        for c in &pred {
            let source = sources.get(c).copied().unwrap_or("?");
            let e = by_source.entry((c.0, source)).or_default();
            if gold.contains(c) {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
        let _ = writeln!(out, "\n# predicted chunks per source: type, source, tp, fp");
        for ((typ, source), (tp, fp)) in by_source {
            let _ = writeln!(out, "SRC {typ}\t{source}\t{tp}\t{fp}");
        }
        let _ = writeln!(out, "\n# false positives (predicted, not in gold)");
        for &c in pred.difference(&gold) {
            let source = sources.get(&c).copied().unwrap_or("?");
            let _ = writeln!(out, "FP {}\t{}\t{source}", c.0, context(&g, c));
        }
        let _ = writeln!(out, "\n# misses (in gold, not predicted)");
        for &c in gold.difference(&pred) {
            let _ = writeln!(out, "FN {}\t{}", c.0, context(&g, c));
        }
    }
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}
