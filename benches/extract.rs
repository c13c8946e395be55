//! Throughput of extraction with the default lexicons, against a bare Aho-Corasick scan of the same names
//! as the floor; adversarial inputs; the cost of building the default extractor; batches over all cores.
//!
//! ```text
//! cargo bench --bench extract
//! ```
//!
//! The text is the running text of ANERcorp news (see `benches/data/README.md`), repeated in memory to
//! reach 10 MB. Results and the machine they were measured on are in `benches/README.md`.

use std::hint::black_box;
use std::time::Duration;

use aho_corasick::{AhoCorasick, MatchKind};
use alam::{EntryKind, Extractor, Lexicon};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// About 1 MB of news text, a sentence a line.
const NEWS: &str = include_str!("data/anercorp_news.txt");

const MB: usize = 1 << 20;

/// `unit` repeated until the text is at least `len` bytes long.
fn repeat_to(unit: &str, len: usize) -> String {
    unit.repeat(len.div_ceil(unit.len()))
}

/// The folded names of the bundled default lexicons: the patterns of the floor.
fn bundled_names() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons");
    let mut names = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("lexicons/")
        .map(|e| e.expect("lexicon entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        // The villages are a tier that is off by default.
        .filter(|p| !p.ends_with("places_yemen_villages.tsv"))
        .collect();
    files.sort();
    for path in files {
        let lex = Lexicon::from_path(&path).expect("bundled lexicon");
        for e in lex.entries() {
            let name = matches!(
                e.kind(),
                EntryKind::Person
                    | EntryKind::Given
                    | EntryKind::Family
                    | EntryKind::Organization
                    | EntryKind::Place
            );
            if name {
                names.push(e.folded().to_string());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

fn news(c: &mut Criterion) {
    let text = repeat_to(NEWS, 10 * MB);
    let folded = alam::fold(&text);
    let ex = Extractor::new();
    let lean = Extractor::builder()
        .low_memory(true)
        .build()
        .expect("the bundled lexicons build");
    let names = bundled_names();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .expect("automaton");

    let mut g = c.benchmark_group("news");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("extract", |b| {
        b.iter(|| black_box(ex.extract(black_box(&text))))
    });
    // The same with each segment tokenized again by the document pass (`low_memory`).
    g.bench_function("extract-low-memory", |b| {
        b.iter(|| black_box(lean.extract(black_box(&text))))
    });
    g.throughput(Throughput::Bytes(folded.len() as u64));
    g.bench_function("aho-corasick-floor", |b| {
        b.iter(|| ac.find_iter(black_box(&folded)).count())
    });
    g.finish();
}

/// Inputs built to find quadratic paths: each is 1 MB, next to 1 MB of news for reference.
fn adversarial(c: &mut Criterion) {
    let ex = Extractor::new();
    let mut cut = MB;
    while !NEWS.is_char_boundary(cut) {
        cut -= 1;
    }
    let given: String = bundled_given_names().join(" ");
    let cases = [
        ("news", NEWS[..cut].to_string()),
        ("one-title-repeated", repeat_to("الدكتور ", MB)),
        ("given-names-in-a-row", repeat_to(&(given + " "), MB)),
        ("one-word", repeat_to("محمد", MB)),
        ("harakat", repeat_to("\u{064E}\u{0651}", MB)),
    ];
    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    for (name, text) in &cases {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| black_box(ex.extract(t)))
        });
    }
    g.finish();
}

/// `count` distinct made-up words of three to five letters, none of them a word of the lexicons (they
/// start with ژ, a letter Arabic does not use).
fn made_up_words(count: usize) -> Vec<String> {
    let letters: Vec<char> = "بتثجحخدذرزسشصضطظعغفقكلمنهي".chars().collect();
    (0..count)
        .map(|mut n| {
            let mut w = String::from("ژ");
            loop {
                w.push(letters[n % letters.len()]);
                n /= letters.len();
                if n == 0 {
                    break;
                }
            }
            w
        })
        .collect()
}

/// Inputs that made the document pass, phrase lookup or a custom rule quadratic (issue 16), next to news
/// of the same length: time per byte must stay within a small factor of news.
fn superlinear(c: &mut Criterion) {
    let mut g = c.benchmark_group("superlinear");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    let mut run = |name: &str, ex: &Extractor, text: &str| {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| black_box(ex.extract(t)))
        });
    };
    let ex = Extractor::new();
    // One name found by a speech verb, then found again all through the text: each mention found
    // again once inserted into the middle of a sorted list.
    for mb in [1, 4] {
        run(&format!("news-{mb}MB"), &ex, &repeat_to(NEWS, mb * MB));
        let text = repeat_to("قال دوفال، ثم دوفال. ", mb * MB);
        run(&format!("repeated-name-{mb}MB"), &ex, &text);
    }
    // 5,000 persons with a title and the same given name, then that name with each family name in turn:
    // every mention found again once compared with all 5,000 names.
    let words = made_up_words(5000);
    let mut text: String = words
        .iter()
        .map(|w| format!("قال الدكتور محمد {w} . "))
        .collect();
    let mut more = words.iter().cycle();
    while text.len() < MB {
        text.push_str(&format!("ثم التقى محمد {} ", more.next().expect("cycle")));
    }
    run("strong-names-same-first-word", &ex, &text);
    // 50,000 lexicon entries sharing their first two words, and text of those words.
    let words = made_up_words(50_000);
    let mut lex = Lexicon::new("shared-two-words");
    for w in &words {
        lex.push(
            alam::Entry::new(&format!("مجلس الأمن {w}"), EntryKind::Organization).expect("entry"),
        )
        .expect("push");
    }
    let shared = Extractor::builder()
        .lexicon(lex)
        .build_uncached()
        .expect("build");
    let mut text = String::new();
    let mut more = words.iter().step_by(7).cycle();
    while text.len() < MB {
        text.push_str(&format!(
            "وقال مجلس الأمن {} إن ",
            more.next().expect("cycle")
        ));
    }
    run("entries-sharing-two-words", &shared, &text);
    // A custom rule whose matches run to the segment's last ج, inside a word: no line break to stop it.
    let rule = alam::Rule::new("far", alam::Kind::Place, "ال.*ج").expect("rule");
    let far = Extractor::builder()
        .rule(rule)
        .build_uncached()
        .expect("build");
    run("custom-rule-runs-far", &far, &repeat_to("الفجد ", MB));
    g.finish();
}

fn bundled_given_names() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons/given_names.tsv");
    let lex = Lexicon::from_path(path).expect("given names");
    lex.entries().iter().map(|e| e.text().to_string()).collect()
}

/// Parsing the bundled lexicons and compiling the index: what the first `Extractor::new` costs.
fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("default-extractor", |b| {
        b.iter(|| black_box(Extractor::builder().build_uncached().expect("build")))
    });
    g.finish();
}

/// Many documents, one after the other, with `extract_many` and with `extract_stream`.
fn batch(c: &mut Criterion) {
    let ex = Extractor::new();
    let lines: Vec<&str> = NEWS.lines().collect();
    let docs: Vec<String> = lines.chunks(8).map(|c| c.join("\n")).collect();
    let docs: Vec<String> = std::iter::repeat_n(docs, 4).flatten().collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("batch");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("sequential", |b| {
        b.iter(|| docs.iter().map(|d| ex.extract(d)).collect::<Vec<_>>())
    });
    g.bench_function("extract_many", |b| b.iter(|| ex.extract_many(&docs)));
    // The same documents through the lazy, windowed stream: the cost of bounded memory.
    g.bench_function("extract_stream", |b| {
        b.iter(|| ex.extract_stream(&docs).for_each(|d| drop(black_box(d))))
    });
    g.finish();
}

criterion_group!(benches, news, adversarial, superlinear, build, batch);
criterion_main!(benches);
