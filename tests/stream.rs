//! `Extractor::extract_stream` against `extract_many`: same documents, same order, over inputs that span
//! several windows by count and by size, read from a lazy iterator as a line-a-document dump is; and
//! `Extractor::extract_each` against `extract`: the same mentions, in the same order.

use std::io::BufRead;

use alam::{Document, Extractor, Mention, Source};

/// The seed article's lines, each a document, repeated so the stream crosses several windows.
fn lines() -> Vec<String> {
    let article = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/seed_article.txt"
    ))
    .unwrap();
    let one: Vec<String> = article.lines().map(str::to_string).collect();
    assert!(one.len() > 5, "the seed article has lines");
    std::iter::repeat_n(one, 300).flatten().collect()
}

#[test]
fn stream_gives_what_extract_many_gives_in_order() {
    let ex = Extractor::new();
    let texts = lines();
    let many = ex.extract_many(&texts);
    let streamed: Vec<Document> = ex.extract_stream(texts.iter()).collect();
    assert_eq!(streamed.len(), texts.len());
    assert!(streamed == many, "extract_stream differs from extract_many");
    assert!(many.iter().map(|d| d.mentions().len()).sum::<usize>() > 300);
}

#[test]
fn stream_reads_lines_lazily_from_a_reader() {
    let ex = Extractor::new();
    let texts = lines();
    let dump = texts.join("\n");
    let reader = std::io::BufReader::new(dump.as_bytes());
    let mut n = 0;
    for (doc, line) in ex
        .extract_stream(reader.lines().map_while(Result::ok))
        .zip(&texts)
    {
        // Offsets are relative to each line: every mention slices its own line.
        for m in doc.mentions() {
            assert_eq!(&line[m.span().range()], m.text());
        }
        n += 1;
    }
    assert_eq!(n, texts.len());
}

#[test]
fn long_texts_end_a_window_by_size() {
    // 12 texts of 1 MiB each are more than a window's bytes on any number of threads up to 2; the one
    // word repeated is cheap to extract even in a debug build.
    let ex = Extractor::new();
    let mut texts: Vec<String> = (0..12).map(|_| "محمد ".repeat(1 << 17)).collect();
    texts[5] = "وصل الوفد إلى مدينة المكلا".to_string();
    let got: Vec<usize> = ex
        .extract_stream(texts.clone())
        .map(|d| d.mentions().len())
        .collect();
    let want: Vec<usize> = texts
        .iter()
        .map(|t| ex.extract(t).mentions().len())
        .collect();
    assert_eq!(got, want);
    assert_eq!(got[5], 1);
}

/// The mentions `extract_each` hands out, in order.
fn each<'t>(ex: &Extractor, text: &'t str) -> Vec<Mention<'t>> {
    let mut out = Vec::new();
    ex.extract_each(text, |m| out.push(m));
    out
}

#[test]
fn each_gives_the_mentions_of_extract_in_order() {
    let ex = Extractor::new();
    // The seed article's lines one after the other: a text of many segments (its document pass reads
    // summaries), with nested places, and a name the document pass finds again at its end.
    let mut long = lines().join("\n");
    long.push_str("\nالتقى الوزير فرانسوا دوفيلان بالوفد . ثم غادر دوفيلان القاعة");
    assert!(long.len() > 1 << 17);
    for text in [
        long.as_str(),
        "قال المهندس عبدالله أحمد باوزير في المكلا . وأضاف باوزير أن مؤتمر حضرموت الجامع انعقد",
        "",
        "لا شيء هنا",
    ] {
        let want = ex.extract(text).into_mentions();
        assert_eq!(each(&ex, text), want);
    }
    let got = each(&ex, &long);
    assert!(got.iter().any(|m| !m.nested().is_empty()));
    assert!(got.iter().any(|m| *m.source() == Source::Document));
    assert!(got.iter().any(|m| m.entity() > 0));
}

#[test]
fn each_follows_the_extractors_settings() {
    let text = "الأستاذ محمد عبدالله الحامد في مدينة المكلا . وأضاف الحامد";
    for ex in [
        Extractor::builder()
            .kinds([alam::Kind::Place])
            .build()
            .unwrap(),
        Extractor::builder().document_pass(false).build().unwrap(),
    ] {
        assert_eq!(each(&ex, text), ex.extract(text).into_mentions());
    }
}
