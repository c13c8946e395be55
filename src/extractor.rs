//! The extractor: lexicons compiled once, then text in, a [`Document`] out.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use crate::custom::{self, Haystack, Rule};
use crate::document::{self, DefiniteWords, Document, Found, Parts, Read, Summaries};
use crate::error::Error;
use crate::lexicon::{bundled_name_tokens, Bundled, Lexicon, Tier, BUNDLED};
use crate::lookup::{look_up, Index, Lex, Marks, PhraseMatch};
use crate::mention::{
    Bare, Country, Extra, Kind, Mention, Side, Source, SourceName, Span, SubKind, SubValue,
};
use crate::resolve::resolve;
use crate::rules::{self, Answers, Candidate, Origin, Segment, CLUB_RULES};
use crate::tokenize::{segments, token_span, tokenize, Tokens, MAX_SEGMENT};

/// Extracts people, organizations and places from Arabic text.
///
/// Build one and share it: it is `Send + Sync`, and [`Extractor::new`] hands out the same compiled
/// default lexicons every time.
///
/// ```
/// let ex = alam::Extractor::new();
/// let doc = ex.extract("أوصى المشاركون في ندوة أقيمت في مدينة المكلا");
/// let place = &doc.mentions()[0];
/// assert_eq!((place.kind(), place.text()), (alam::Kind::Place, "المكلا"));
/// ```
///
/// Its `Debug` form is a summary (lexicons, entries per kind, rules, options), not the compiled index:
///
/// ```
/// let summary = format!("{:?}", alam::Extractor::new());
/// assert!(summary.starts_with("Extractor { lexicons: "), "{summary}");
/// assert!(summary.len() < 1000);
/// ```
#[derive(Clone)]
pub struct Extractor {
    index: Arc<Index>,
    rules: Arc<[Rule]>,
    kinds: [bool; 3],
    document_pass: bool,
    low_memory: bool,
}

static DEFAULT: Lazy<Extractor> = Lazy::new(|| {
    ExtractorBuilder::new()
        .build_uncached()
        .expect("the default extractor builds")
});

/// The bundled files of `name` tokens in the given tiers, which the index reads without parsing.
fn bundled_name_files(tiers: &[Tier]) -> impl Iterator<Item = &'static Bundled> + '_ {
    BUNDLED
        .iter()
        .filter(move |b| b.compiled && tiers.contains(&b.tier) && b.name_tokens)
}

impl fmt::Debug for Extractor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let summary = self.index.summary();
        let reported: Vec<Kind> = Kind::ALL
            .into_iter()
            .filter(|&k| self.kinds[kind_slot(k)])
            .collect();
        let rules: Vec<&str> = self.rules.iter().map(|r| r.name()).collect();
        f.debug_struct("Extractor")
            .field("lexicons", &summary.lexicons)
            .field("entries", &summary.entries)
            .field("kinds", &summary.kinds)
            .field("rules", &rules)
            .field("reports", &reported)
            .field("document_pass", &self.document_pass)
            .field("low_memory", &self.low_memory)
            .finish()
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// The extractor with the bundled default lexicons. Built once per process; later calls are cheap.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("الدكتور عبدالعزيز سعيد الصيغ");
    /// assert_eq!(doc.persons()[0].name(), "عبدالعزيز سعيد الصيغ");
    /// ```
    pub fn new() -> Extractor {
        DEFAULT.clone()
    }

    /// A builder for an extractor with other lexicons, tiers or kinds.
    ///
    /// ```
    /// let ex = alam::Extractor::builder().kinds([alam::Kind::Place]).build().unwrap();
    /// let doc = ex.extract("الأستاذ محمد عبدالله في مدينة المكلا");
    /// assert!(doc.mentions().iter().all(|m| m.kind() == alam::Kind::Place));
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts every mention from `text`.
    ///
    /// Any string of up to [`Span::MAX_OFFSET`](crate::Span::MAX_OFFSET) bytes is valid input. Offsets
    /// in the result point into `text`.
    ///
    /// ```
    /// let text = "عقد مؤتمر حضرموت الجامع ندوته";
    /// let doc = alam::Extractor::new().extract(text);
    /// let org = &doc.mentions()[0];
    /// assert_eq!(&text[org.span().range()], "مؤتمر حضرموت الجامع");
    /// assert_eq!(org.nested()[0].text(), "حضرموت");
    /// ```
    ///
    /// # Panics
    ///
    /// If `text` is longer than [`Span::MAX_OFFSET`](crate::Span::MAX_OFFSET) bytes (4 GiB − 1), whose
    /// offsets a span cannot hold; [`Extractor::try_extract`] returns an error instead.
    pub fn extract<'t>(&self, text: &'t str) -> Document<'t> {
        self.try_extract(text).unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`Extractor::extract`], or [`Error::TextTooLong`] for a text longer than
    /// [`Span::MAX_OFFSET`](crate::Span::MAX_OFFSET) bytes (4 GiB − 1), none of which is read.
    ///
    /// ```
    /// let doc = alam::Extractor::new().try_extract("في مدينة المكلا")?;
    /// assert_eq!(doc.places()[0].name(), "المكلا");
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn try_extract<'t>(&self, text: &'t str) -> Result<Document<'t>, Error> {
        check_text_len(text.len())?;
        Ok(self.extract_with(text, &mut Scratch::default()))
    }

    /// Extracts every mention from `text` as [`Extractor::extract`] does, handing each top-level mention
    /// (its nested ones inside it) to `each` in text order instead of gathering them in a [`Document`]:
    /// the same mentions, numbered with the same entities, in the same order as
    /// [`Document::mentions`], but the list of them all is never made, nor are the entities.
    ///
    /// For a long text this lowers the peak of memory (a mention takes 64 bytes, more with a title or
    /// nested places; a 100 MB text dense with names has some 3 million): the `extract` example's
    /// `jsonl` output of one large file writes each mention as it comes.
    ///
    /// ```
    /// let ex = alam::Extractor::new();
    /// let text = "قال المهندس عبدالله أحمد باوزير في المكلا . وأضاف باوزير";
    /// let mut rows = Vec::new();
    /// ex.extract_each(text, |m| {
    ///     rows.push(format!("{} {} {}", m.kind(), m.entity(), m.text()));
    /// });
    /// assert_eq!(rows, ["person 0 عبدالله أحمد باوزير", "place 0 المكلا", "person 0 باوزير"]);
    /// // What `extract` gives, one mention at a time.
    /// let mut all = Vec::new();
    /// ex.extract_each(text, |m| all.push(m));
    /// assert_eq!(all, ex.extract(text).into_mentions());
    /// ```
    ///
    /// # Panics
    ///
    /// As [`Extractor::extract`], if `text` is longer than [`Span::MAX_OFFSET`](crate::Span::MAX_OFFSET)
    /// bytes (4 GiB − 1), before any mention is handed out.
    pub fn extract_each<'t>(&self, text: &'t str, each: impl FnMut(Mention<'t>)) {
        self.find(text, &mut Scratch::default()).each(each);
    }

    /// [`Extractor::extract`] with buffers that a batch of texts shares.
    fn extract_with<'a, 't>(&'a self, text: &'t str, scratch: &mut Scratch<'a>) -> Document<'t> {
        self.find(text, scratch).assemble()
    }

    /// The mentions of `text` found by the segment pass and the document pass, to be assembled.
    fn find<'a, 't>(&'a self, text: &'t str, scratch: &mut Scratch<'a>) -> Parts<'t> {
        // Every offset of the result is held in 32 bits: a longer text is refused, never cut.
        if let Err(e) = check_text_len(text.len()) {
            panic!("{e}");
        }
        let mut parts = Parts::new(text);
        // Mentions are large, and growing the list copies them all each time it doubles: room for as many
        // as news text holds is reserved at once (memory reserved and not written is not resident).
        parts.found =
            Vec::with_capacity((text.len() / BYTES_PER_MENTION).min(MAX_RESERVED_MENTIONS));
        let mut char_base = 0;
        let kinds = (
            self.kinds[kind_slot(Kind::Person)],
            self.kinds[kind_slot(Kind::Organization)],
        );
        let document_pass = self.document_pass && (kinds.0 || kinds.1);
        // A text of one segment (most documents) is still tokenized when the document pass reads it;
        // of a longer one, a summary of each segment is kept, or (`low_memory`) the words with the
        // article only, and each segment is tokenized again.
        let many = text.len() > MAX_SEGMENT;
        let summarize = document_pass && many && !self.low_memory;
        let mut summaries = if summarize {
            Summaries::for_text(text.len())
        } else {
            Summaries::default()
        };
        let mut definite = DefiniteWords::default();
        for (start, segment) in segments(text) {
            let chars = tokenize(segment, start, char_base, &mut scratch.tokens);
            if summarize {
                summaries.add(&scratch.tokens, start, char_base, segment.len());
            } else if document_pass && many {
                definite.add(&scratch.tokens);
            }
            char_base += chars;
            self.extract_segment(text, scratch, &mut parts);
        }
        if document_pass {
            summaries.all_added();
            let read = if !many {
                Read::Whole(&scratch.tokens)
            } else if summarize {
                Read::Segments(&summaries)
            } else {
                Read::Again(&definite)
            };
            (parts.added, parts.added_keys) =
                document::find_again(&self.index, text, read, (&parts.found, &parts.keys), kinds);
            // The summaries are read: freed before the document is assembled.
        }
        parts
    }

    /// Extracts from many texts, over all cores when the `parallel` feature is on (the default), one
    /// after the other otherwise. The result is in the order of `texts`, and each document is exactly what
    /// [`Extractor::extract`] gives for its text.
    ///
    /// ```
    /// let texts = ["في مدينة المكلا", "الأستاذ محمد عبدالله الحامد"];
    /// let docs = alam::Extractor::new().extract_many(&texts);
    /// assert_eq!(docs[0].places()[0].name(), "المكلا");
    /// assert_eq!(docs[1].persons()[0].name(), "محمد عبدالله الحامد");
    /// ```
    ///
    /// # Panics
    ///
    /// As [`Extractor::extract`], if a text is longer than
    /// [`Span::MAX_OFFSET`](crate::Span::MAX_OFFSET) bytes.
    pub fn extract_many<'t, S: AsRef<str> + Sync>(&self, texts: &'t [S]) -> Vec<Document<'t>> {
        // Each thread reuses its buffers from one text to the next: growing them again for every short
        // text cost more allocation than the texts' own mentions.
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            texts
                .par_iter()
                .map_init(Scratch::default, |s, t| self.extract_with(t.as_ref(), s))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            let mut s = Scratch::default();
            texts
                .iter()
                .map(|t| self.extract_with(t.as_ref(), &mut s))
                .collect()
        }
    }

    /// Extracts from a stream of texts, lazily: documents come out in the order of `texts`, each exactly
    /// what [`Extractor::extract`] gives for its text, while memory holds only a window of texts and
    /// their documents, never the whole input.
    ///
    /// The stream takes its texts and drops each once extracted, so the documents it hands out own their
    /// text ([`Document::into_owned`]): a `Document<'static>`, which outlives the text it came from.
    ///
    /// With the `parallel` feature (the default) the iterator takes a window of up to 256
    /// texts (or 4 MiB of text) per rayon thread, extracts it over all cores,
    /// hands out its documents and takes the next window; without it, each text is extracted when its
    /// document is asked for. Reading a corpus line by line through this iterator keeps memory bounded
    /// whatever the corpus size (the `extract` example's `--lines` does so).
    ///
    /// ```
    /// use std::io::BufRead;
    ///
    /// let ex = alam::Extractor::new();
    /// // One article a line, as in a dump; any iterator of strings works, read lazily.
    /// let dump = "وصل الوفد إلى مدينة المكلا\n\nقال الدكتور عبدالعزيز سعيد الصيغ إن الندوة نجحت\n";
    /// let lines = std::io::Cursor::new(dump).lines().map_while(Result::ok);
    /// let found: Vec<Vec<String>> = ex
    ///     .extract_stream(lines)
    ///     .map(|doc| doc.mentions().iter().map(|m| m.text().to_string()).collect())
    ///     .collect();
    /// assert_eq!(found, [vec!["المكلا"], vec![], vec!["عبدالعزيز سعيد الصيغ"]]);
    /// ```
    ///
    /// # Panics
    ///
    /// As [`Extractor::extract`], if a text is longer than
    /// [`Span::MAX_OFFSET`](crate::Span::MAX_OFFSET) bytes.
    pub fn extract_stream<'a, I>(&'a self, texts: I) -> impl Iterator<Item = Document<'static>> + 'a
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Send,
        I::IntoIter: 'a,
    {
        #[cfg(feature = "parallel")]
        {
            let threads = rayon::current_num_threads().max(1);
            Stream {
                extractor: self,
                input: texts.into_iter(),
                window: Vec::new(),
                max_docs: STREAM_DOCS_PER_THREAD * threads,
                max_bytes: STREAM_BYTES_PER_THREAD * threads,
                done: Vec::new().into_iter(),
            }
        }
        #[cfg(not(feature = "parallel"))]
        {
            // One set of buffers for the whole stream, as `extract_many` shares one over a batch.
            let mut s = Scratch::default();
            texts
                .into_iter()
                .map(move |t| self.extract_with(t.as_ref(), &mut s).into_owned())
        }
    }

    /// What the lexicons say of each token of `text`, for tuning rules and lexicons (the `explain`
    /// example prints it): a tab-separated line per token with the token as written, its fold, its
    /// reading (`clitic=` how many folded chars of clitics come off its front, `conj`/`def`/`lam` whether
    /// they hold a conjunction, the article, a لِ; `nl` whether a newline stands before it), the lexicon
    /// kinds of that reading, and the multi-word entries that start at it (`kind+words`). The format is
    /// for people and may change between versions; parse [`Extractor::extract`]'s result instead.
    ///
    /// ```
    /// let lines = alam::Extractor::new().explain("في مدينة المكلا");
    /// let last: Vec<&str> = lines.lines().last().unwrap().split('\t').collect();
    /// assert_eq!(&last[..2], ["المكلا", "المكلا"]);
    /// assert!(last[3].split(',').any(|k| k == "place"), "{lines}");
    /// ```
    pub fn explain(&self, text: &str) -> String {
        let mut out = String::new();
        let mut tokens = Tokens::default();
        let (mut lex, mut phrases) = (Vec::new(), Vec::new());
        let mut char_base = 0;
        for (start, segment) in segments(text) {
            char_base += tokenize(segment, start, char_base, &mut tokens);
            look_up(&self.index, &tokens, &mut lex, &mut phrases);
            for (i, l) in lex.iter().enumerate() {
                let t = &tokens.list[i];
                let kinds: Vec<&str> = crate::lexicon::EntryKind::ALL
                    .iter()
                    .filter(|k| l.has(**k))
                    .map(|k| k.as_str())
                    .collect();
                let ph: Vec<String> = phrases
                    .iter()
                    .filter(|p| p.start == i && p.end > i + 1)
                    .map(|p| {
                        format!(
                            "{}+{}",
                            self.index.entry(p.entry).entry.kind(),
                            p.end - p.start
                        )
                    })
                    .collect();
                out.push_str(&format!(
                    "{}\t{}\tclitic={} conj={} def={} lam={} nl={}\t{}\t{}\n",
                    &text[tokens.bytes(i)],
                    tokens.folded(i),
                    l.clitic_chars(),
                    l.conj(),
                    l.definite(),
                    l.lam(),
                    t.newline_before,
                    kinds.join(","),
                    ph.join(",")
                ));
            }
        }
        out
    }

    fn extract_segment<'a, 't>(
        &'a self,
        text: &'t str,
        s: &mut Scratch<'a>,
        parts: &mut Parts<'t>,
    ) {
        let index: &Index = &self.index;
        look_up(index, &s.tokens, &mut s.lex, &mut s.phrases);
        s.marks.clear();
        s.marks.extend(s.lex.iter().map(Lex::marks));
        s.answers.reset(s.tokens.len());
        let seg = Segment {
            text,
            tokens: &s.tokens,
            lex: &s.lex,
            marks: &s.marks,
            phrases: &s.phrases,
            index,
            answers: &s.answers,
        };
        rules::run(&seg, &mut s.candidates);
        custom::run(
            &self.rules,
            text,
            &s.tokens,
            &s.lex,
            &mut s.haystack,
            &mut s.candidates,
        );
        resolve(
            &mut s.candidates,
            s.tokens.len(),
            &mut s.owner,
            &mut s.resolved,
        );
        for &n in &s.resolved {
            let c = &s.candidates[n as usize];
            if self.kinds[kind_slot(c.kind)] {
                tokens_key(&s.tokens, c.start, c.end, c.skip, &mut s.key);
                let found = to_found(
                    index,
                    &self.rules,
                    &mut s.names,
                    text,
                    &s.tokens,
                    c,
                    &s.key,
                    &mut parts.keys,
                );
                // The nested places apart (see `Nested`), in the order `to_mention` made them.
                if self.kinds[kind_slot(Kind::Place)] {
                    let at = found.mention.start() as u32;
                    for n in &c.nested {
                        // Made bare at once as a found mention is, but a place with places of its own.
                        if n.nested.is_empty() {
                            let place = to_nested(
                                index,
                                &self.rules,
                                &mut s.names,
                                text,
                                &s.tokens,
                                n,
                                at,
                                parts.nested.side(),
                            );
                            parts.nested.push(place);
                        } else {
                            let place = to_mention(
                                index,
                                &self.rules,
                                &mut s.names,
                                text,
                                &s.tokens,
                                n,
                                true,
                            );
                            parts.nested.add(at, std::iter::once(place));
                        }
                    }
                }
                parts.found.push(found);
            }
        }
    }
}

/// How many texts per rayon thread [`Extractor::extract_stream`] takes into one window: enough that the
/// wait for the slowest text at the end of a window is a small part of it, few enough that a window of
/// news articles stays within some megabytes.
#[cfg(feature = "parallel")]
const STREAM_DOCS_PER_THREAD: usize = 256;

/// The most bytes of text per rayon thread in one window of [`Extractor::extract_stream`], so that a
/// stream of long texts does not fill memory before the count above is reached.
#[cfg(feature = "parallel")]
const STREAM_BYTES_PER_THREAD: usize = 4 << 20;

/// The iterator of [`Extractor::extract_stream`] with the `parallel` feature: takes a window of texts,
/// extracts it over all cores, hands out its documents in order, then takes the next window.
#[cfg(feature = "parallel")]
struct Stream<'a, I: Iterator> {
    extractor: &'a Extractor,
    input: I,
    /// The texts of the next window; kept to reuse its allocation.
    window: Vec<I::Item>,
    max_docs: usize,
    max_bytes: usize,
    /// The documents of the current window not handed out yet.
    done: std::vec::IntoIter<Document<'static>>,
}

#[cfg(feature = "parallel")]
impl<I> Iterator for Stream<'_, I>
where
    I: Iterator,
    I::Item: AsRef<str> + Send,
{
    type Item = Document<'static>;

    fn next(&mut self) -> Option<Document<'static>> {
        use rayon::prelude::*;
        if let Some(doc) = self.done.next() {
            return Some(doc);
        }
        let mut bytes = 0;
        while self.window.len() < self.max_docs && bytes < self.max_bytes {
            match self.input.next() {
                Some(t) => {
                    bytes += t.as_ref().len();
                    self.window.push(t);
                }
                None => break,
            }
        }
        if self.window.is_empty() {
            return None;
        }
        let ex = self.extractor;
        let docs: Vec<Document<'static>> = self
            .window
            .par_drain(..)
            .map_init(Scratch::default, |s, t| {
                ex.extract_with(t.as_ref(), s).into_owned()
            })
            .collect();
        self.done = docs.into_iter();
        self.done.next()
    }
}

/// Bytes of text per mention reserved for: news text has one mention in some 115 bytes (8,500 in the
/// 983 KB of `benches/data/anercorp_news.txt`).
const BYTES_PER_MENTION: usize = 100;

/// The most mentions reserved for at once (some 35 MB): the list of a larger text grows as it fills, so
/// that a huge text does not reserve memory that a system without overcommit would have to commit.
const MAX_RESERVED_MENTIONS: usize = 1 << 17;

/// [`Error::TextTooLong`] for a text of `len` bytes whose offsets a [`Span`](crate::Span) cannot hold.
pub(crate) fn check_text_len(len: usize) -> Result<(), Error> {
    if len > crate::Span::MAX_OFFSET {
        return Err(Error::TextTooLong {
            len,
            max: crate::Span::MAX_OFFSET,
        });
    }
    Ok(())
}

fn kind_slot(kind: Kind) -> usize {
    match kind {
        Kind::Person => 0,
        Kind::Organization => 1,
        Kind::Place => 2,
    }
}

/// Buffers reused from one segment to the next, and from one text to the next in a batch.
#[derive(Default)]
struct Scratch<'i> {
    tokens: Tokens,
    lex: Vec<Lex<'i>>,
    phrases: Vec<PhraseMatch>,
    marks: Vec<Marks>,
    /// `rules::Segment::answers`, kept from one segment to the next.
    answers: Answers,
    candidates: Vec<Candidate>,
    /// The indices in `candidates` of those resolution keeps, in text order.
    resolved: Vec<u32>,
    /// Resolution's owner of each token, free between segments.
    owner: Vec<u32>,
    haystack: Haystack,
    /// The grouping key of the mention being made.
    key: String,
    names: SourceNames,
}

fn source_of(index: &Index, rules: &[Rule], names: &mut SourceNames, origin: Origin) -> Source {
    match origin {
        Origin::Rule(name) => Source::Rule(
            names
                .rules
                .entry(name)
                .or_insert_with(|| SourceName::from(name))
                .clone(),
        ),
        Origin::Custom(n) => rules[n as usize].source(),
        Origin::Entry(id) => {
            let e = index.entry(id);
            let name = names
                .lexicons
                .entry(e.lexicon)
                .or_insert_with(|| {
                    SourceName::from(
                        &**index.string(e.lexicon).expect("an entry names its lexicon"),
                    )
                })
                .clone();
            Source::Lexicon {
                name,
                line: u32::try_from(e.entry.line()).expect("an entry's line is held in 32 bits"),
            }
        }
    }
}

/// The names of the sources made so far, shared by their mentions: a mention's source holds one
/// pointer to its name, not a copy.
#[derive(Default)]
struct SourceNames {
    rules: FxHashMap<&'static str, SourceName>,
    /// By the lexicon name's place in the index's strings.
    lexicons: FxHashMap<u32, SourceName>,
}

/// The sub-kind of a club, shared by every club mention.
static CLUB: Lazy<Arc<str>> = Lazy::new(|| Arc::from(SubKind::Club.as_str()));

/// Whether a candidate is an organization found by a club rule: its sub-kind is `club`, not that of the
/// place whose entry gives its country (برشلونة is a subdivision and a city; فريق برشلونة a club).
fn is_club(c: &Candidate) -> bool {
    c.kind == Kind::Organization && matches!(c.origin, Origin::Rule(r) if CLUB_RULES.contains(&r))
}

/// What a candidate's mention is made of but its source and nested places: its span, sub-kind,
/// country and extra part (title and role; none for most).
#[inline]
fn mention_parts<'t>(
    index: &Index,
    text: &'t str,
    tokens: &Tokens,
    c: &Candidate,
) -> (Span, SubValue, Option<Country>, Option<Extra<'t>>) {
    let span = token_span(text, tokens, c.start, c.end, c.skip);
    let attrs = c.attrs.map(|id| index.entry(id));
    let sub_kind = if is_club(c) {
        Some(&*CLUB)
    } else if let Some(noun) = c.sub_from.map(|id| index.entry(id)).filter(|noun| {
        // the noun's sub-kind when the name is a place of that sub-kind (محافظة صنعاء: governorate)
        attrs
            .zip(noun.entry.sub())
            .is_some_and(|(place, sub)| index.is_place_of_sub(place.entry.folded(), sub))
    }) {
        index.string(noun.sub)
    } else {
        attrs.and_then(|e| index.string(e.sub))
    };
    let title = c.title.map(|(id, at, skip)| {
        let (e, at) = (index.entry(id), at as usize);
        (
            index
                .string(e.display)
                .cloned()
                .unwrap_or_else(|| Arc::from(e.entry.text())),
            token_span(text, tokens, at, at + e.words as usize, skip),
        )
    });
    let role = c.role.map(|(from, to, skip, elided)| {
        let at = token_span(text, tokens, from as usize, to as usize, skip);
        let written = &text[at.range()];
        // ل + ال written لل (للرئيس): the role takes back the article's letters, as a title's canonical
        // form does (`elided_article`); its span stays on the letters written.
        let role = match elided {
            0 => Cow::Borrowed(written),
            n => Cow::Owned(format!(
                "{}{written}",
                &"ال"[..usize::from(n) * 'ا'.len_utf8()]
            )),
        };
        (role, at)
    });
    // Most mentions have no title or role: no extra part, not even an empty one to move and drop.
    let extra = (title.is_some() || role.is_some()).then(|| {
        let (title, title_span) = title.map_or((None, None), |(t, at)| (Some(t), Some(at)));
        let (role, role_span) = role.unzip();
        Extra::new(
            title,
            title_span.into(),
            role,
            role_span.into(),
            Box::default(),
        )
    });
    // The lexicon's countries are checked when read (`country=`: two upper-case letters).
    let country = attrs
        .and_then(|e| index.string(e.country))
        .and_then(|c| Country::new(c));
    (
        span,
        sub_kind.map_or(SubValue::default(), SubValue::of),
        country,
        extra,
    )
}

/// The key [`Side::number_of`] knows a candidate's source by: one key for one source.
fn origin_key(origin: Origin) -> (u8, usize) {
    match origin {
        Origin::Rule(name) => (0, name.as_ptr() as usize),
        Origin::Entry(id) => (1, id as usize),
        Origin::Custom(n) => (2, n as usize),
    }
}

/// The found mention of candidate `c`, made bare at once ([`Bare::found`]) in `keys`, grouped under
/// `key`: as `Found::new(key, to_mention(…), keys)`, without building the mention's `Source` (its
/// number is looked up by the candidate's origin) or boxing its title.
#[allow(clippy::too_many_arguments)]
fn to_found<'t>(
    index: &Index,
    rules: &[Rule],
    names: &mut SourceNames,
    text: &'t str,
    tokens: &Tokens,
    c: &Candidate,
    key: &str,
    keys: &mut document::Keys<'t>,
) -> Found<'t> {
    let (span, sub, country, extra) = mention_parts(index, text, tokens, c);
    let tag = Found::tag(key, span.range(), keys);
    let side = keys.side();
    let source = side.number_of(origin_key(c.origin), || {
        source_of(index, rules, names, c.origin)
    });
    let mut m = Bare::found(c.kind, span, source, tag, sub, extra, side);
    m.gender = c.gender;
    m.set_country(country);
    Found { mention: m }
}

/// The nested place `c` made bare at once in `side`, its parent's start byte `at` as its tag: as
/// `to_mention(…).into_bare(at, side)` for a place without places of its own (not inlined: most
/// mentions have no nested place). Written apart from [`to_found`] on purpose: one shared body inlined
/// into both cost 4.2 M more instructions on 10 MB of news (benches/README, sixth session).
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn to_nested<'t>(
    index: &Index,
    rules: &[Rule],
    names: &mut SourceNames,
    text: &'t str,
    tokens: &Tokens,
    c: &Candidate,
    at: u32,
    side: &mut Side<'t>,
) -> Bare<'t> {
    let (span, sub, country, extra) = mention_parts(index, text, tokens, c);
    let source = side.number_of(origin_key(c.origin), || {
        source_of(index, rules, names, c.origin)
    });
    let mut m = Bare::found(c.kind, span, source, at, sub, extra, side);
    m.gender = c.gender;
    m.set_country(country);
    m
}

fn to_mention<'t>(
    index: &Index,
    rules: &[Rule],
    names: &mut SourceNames,
    text: &'t str,
    tokens: &Tokens,
    c: &Candidate,
    places: bool,
) -> Mention<'t> {
    let (span, sub, country, extra) = mention_parts(index, text, tokens, c);
    let mut extra = extra.unwrap_or_default();
    // Most candidates have no nested places: no need to go through collecting an empty list. The list
    // is made to its size: collected from the candidates' list, it kept that list's memory (room for four
    // candidates), some 340 bytes more for every organization with a place in its name.
    if places && !c.nested.is_empty() {
        let mut nested = Vec::with_capacity(c.nested.len());
        nested.extend(
            c.nested
                .iter()
                .map(|n| to_mention(index, rules, names, text, tokens, n, true)),
        );
        extra.nested = nested.into_boxed_slice();
    }
    let mut m = Mention::new(
        c.kind,
        span,
        &text[span.range()],
        source_of(index, rules, names, c.origin),
    );
    m.gender = c.gender;
    m.set_country(country);
    m.extra = extra.boxed();
    m.set_sub(sub);
    m
}

/// Writes into `key` the folded words of tokens `start..end` joined by spaces, without the first token's
/// clitics: the key that groups mentions of one entity. A buffer, because most keys are not kept (see
/// [`Found::new`]).
fn tokens_key(tokens: &Tokens, start: usize, end: usize, skip: u8, key: &mut String) {
    key.clear();
    for i in start..end {
        if i > start {
            key.push(' ');
        }
        let w = tokens.folded(i);
        if i == start && skip > 0 {
            key.push_str(
                &w[w.char_indices()
                    .nth(skip as usize)
                    .map_or(w.len(), |(b, _)| b)..],
            );
        } else {
            key.push_str(w);
        }
    }
}

/// Builds an [`Extractor`] with chosen lexicons, tiers and kinds.
///
/// ```
/// let custom = alam::Lexicon::parse("mine", "المعلا\tplace\tsub=district\tcountry=YE\n").unwrap();
/// let ex = alam::Extractor::builder().lexicon(custom).build().unwrap();
/// let doc = ex.extract("وصل إلى المعلا");
/// assert_eq!(doc.places()[0].name(), "المعلا");
/// ```
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    bundled: bool,
    tiers: Vec<Tier>,
    lexicons: Vec<Lexicon>,
    rules: Vec<Rule>,
    kinds: [bool; 3],
    document_pass: bool,
    low_memory: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// The default configuration: bundled default lexicons, every kind, the document pass on.
    ///
    /// ```
    /// let ex = alam::ExtractorBuilder::new().build().unwrap();
    /// assert_eq!(ex.extract("في مدينة المكلا").places()[0].name(), "المكلا");
    /// ```
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {
            bundled: true,
            tiers: vec![Tier::Default],
            lexicons: Vec::new(),
            rules: Vec::new(),
            kinds: [true; 3],
            document_pass: true,
            low_memory: false,
        }
    }

    /// Whether to load the bundled lexicons at all (default `true`).
    ///
    /// ```
    /// let ex = alam::Extractor::builder().bundled(false).build().unwrap();
    /// assert!(ex.extract("الأستاذ محمد").mentions().is_empty());
    /// ```
    pub fn bundled(&mut self, yes: bool) -> &mut Self {
        self.bundled = yes;
        self
    }

    /// Turns one tier of the bundled lexicons on or off ([`Tier::Default`] is on, the others off). A tier
    /// whose data feature is off in this build makes [`build`](Self::build) fail
    /// ([`Error::MissingFeature`]).
    ///
    /// ```
    /// use alam::{Extractor, Tier};
    /// let text = "وصلنا إلى الجاحره أمس";
    /// assert!(Extractor::new().extract(text).mentions().is_empty());
    /// # #[cfg(feature = "data-villages")] {
    /// // With `features = ["data-villages"]`:
    /// let ex = Extractor::builder().tier(Tier::YemenVillages, true).build().unwrap();
    /// assert_eq!(ex.extract(text).places()[0].sub_kind(), Some(alam::SubKind::Village));
    /// # }
    /// ```
    pub fn tier(&mut self, tier: Tier, on: bool) -> &mut Self {
        self.tiers.retain(|&t| t != tier);
        if on {
            self.tiers.push(tier);
        }
        self
    }

    /// Adds a lexicon, loaded from a file or built in code.
    ///
    /// ```
    /// let lex = alam::Lexicon::parse("mine", "القلوعة\tplace\tsub=town\tcountry=YE\n").unwrap();
    /// let ex = alam::Extractor::builder().lexicon(lex).build().unwrap();
    /// let doc = ex.extract("وصلنا إلى القلوعة");
    /// let m = &doc.mentions()[0];
    /// assert_eq!((m.text(), m.source().to_string().as_str()), ("القلوعة", "lexicon:mine:1"));
    /// ```
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut Self {
        self.lexicons.push(lexicon);
        self
    }

    /// Adds a pattern rule (see [`Rule`]). Its mentions report [`Source::Rule`] with the rule's name.
    ///
    /// ```
    /// let rule = alam::Rule::new("hospital", alam::Kind::Organization, r"مستشفى \w+")?;
    /// let ex = alam::Extractor::builder().bundled(false).rule(rule).build()?;
    /// let doc = ex.extract("نقل إلى مستشفى الجمهورية");
    /// assert_eq!(doc.organizations()[0].name(), "مستشفى الجمهورية");
    /// assert_eq!(doc.mentions()[0].source().to_string(), "rule:hospital");
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn rule(&mut self, rule: Rule) -> &mut Self {
        self.rules.push(rule);
        self
    }

    /// Reports only these kinds (default: all).
    ///
    /// ```
    /// use alam::{Extractor, Kind};
    /// let ex = Extractor::builder().kinds([Kind::Person, Kind::Organization]).build().unwrap();
    /// let doc = ex.extract("الأستاذ محمد عبدالله الحامد في مدينة المكلا");
    /// assert_eq!(doc.mentions().len(), 1);
    /// assert!(doc.places().is_empty());
    /// ```
    pub fn kinds(&mut self, kinds: impl IntoIterator<Item = Kind>) -> &mut Self {
        self.kinds = [false; 3];
        for k in kinds {
            self.kinds[kind_slot(k)] = true;
        }
        self
    }

    /// Whether names recognized with a title or role are looked for again in the rest of the document,
    /// also by the family name alone (default `true`).
    ///
    /// ```
    /// let text = "الأستاذ محمد عبدالله العمودي قال إن العمودي";
    /// let on = alam::Extractor::new().extract(text);
    /// assert_eq!(on.mentions().len(), 2);
    /// let off = alam::Extractor::builder().document_pass(false).build().unwrap().extract(text);
    /// assert_eq!(off.mentions().len(), 1);
    /// ```
    pub fn document_pass(&mut self, on: bool) -> &mut Self {
        self.document_pass = on;
        self
    }

    /// Whether the document pass over a text longer than one segment (64 KiB) tokenizes each segment
    /// again rather than keeping a summary of every token from the segment pass (default `false`). The
    /// mentions are the same either way; a long text then costs some 0.2 bytes less memory a byte of
    /// text at the peak (the 100 MB news: 169 → 149 MB in the `extract` example) and some 20 % more
    /// instructions (6–13 % more time in alternated runs on news: tokenizing again reads memory in
    /// order, where the summaries are read through tables). For one very long document (a corpus file
    /// read whole); a text of one segment, as most articles are, is read the same way in both.
    ///
    /// ```
    /// // An invented article, repeated to some 100 KiB: two segments.
    /// let text = "قال المهندس عبدالله أحمد باوزير في المكلا إن المشروع بدأ. وأضاف باوزير أن العمل مستمر.\n"
    ///     .repeat(700);
    /// let lean = alam::Extractor::builder().low_memory(true).build().unwrap();
    /// assert_eq!(lean.extract(&text), alam::Extractor::new().extract(&text));
    /// ```
    pub fn low_memory(&mut self, on: bool) -> &mut Self {
        self.low_memory = on;
        self
    }

    /// Compiles the lexicons into an extractor.
    ///
    /// The bundled lexicons are read from the tables built with the crate, not parsed; the cost of a
    /// build is compiling the index (the default configuration's is compiled once per process and
    /// shared). Returns an error only for the user's own lexicons (none are parsed here, so today it does not
    /// fail; the `Result` leaves room for checks to come).
    ///
    /// ```
    /// let mut builder = alam::Extractor::builder();
    /// builder.kinds([alam::Kind::Place]);
    /// let places_only = builder.build()?;
    /// let everything = builder.kinds(alam::Kind::ALL).build()?;
    /// assert!(places_only.extract("الأستاذ محمد الحامد").mentions().is_empty());
    /// assert!(!everything.extract("الأستاذ محمد الحامد").mentions().is_empty());
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn build(&self) -> Result<Extractor, Error> {
        self.check_tiers()?;
        let is_default = self.bundled && self.tiers == [Tier::Default] && self.lexicons.is_empty();
        if is_default {
            return Ok(self.with_index(Arc::clone(&DEFAULT.index)));
        }
        self.build_uncached()
    }

    /// Like [`build`](Self::build), but compiles the index again from the bundled lexicons (read from
    /// the tables built with the crate) instead of sharing the one made once per process: what the first
    /// [`Extractor::new`] of a process costs, for measuring it (the `build` benchmark and the `startup`
    /// example). The extractor is the same as `build` gives.
    ///
    /// ```
    /// let fresh = alam::Extractor::builder().build_uncached()?;
    /// let shared = alam::Extractor::new();
    /// let text = "في مدينة المكلا";
    /// assert_eq!(fresh.extract(text), shared.extract(text));
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn build_uncached(&self) -> Result<Extractor, Error> {
        self.check_tiers()?;
        let bundled = BUNDLED.iter().filter(|b| {
            self.bundled && b.compiled && self.tiers.contains(&b.tier) && !b.name_tokens
        });
        let mut index = Index::build_bundled(bundled, &self.lexicons);
        if self.bundled {
            bundled_name_files(&self.tiers)
                .for_each(|b| index.add_name_tokens(bundled_name_tokens(b)));
        }
        Ok(self.with_index(Arc::new(index)))
    }

    /// An error for a tier asked for whose files this build does not compile in.
    fn check_tiers(&self) -> Result<(), Error> {
        if !self.bundled {
            return Ok(());
        }
        match self.tiers.iter().find(|t| !t.is_compiled()) {
            Some(tier) => Err(Error::MissingFeature {
                what: format!("the bundled tier {tier:?}"),
                feature: tier.feature().unwrap_or("default"),
            }),
            None => Ok(()),
        }
    }

    fn with_index(&self, index: Arc<Index>) -> Extractor {
        Extractor {
            index,
            rules: Arc::from(self.rules.as_slice()),
            kinds: self.kinds,
            document_pass: self.document_pass,
            low_memory: self.low_memory,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_a_short_summary() {
        let rule = Rule::new("hospital", Kind::Organization, r"مستشفى \w+").unwrap();
        let lex = Lexicon::parse("mine", "عدن\tplace\tsub=city\nالمكلا\tplace\tsub=city\n").unwrap();
        let ex = Extractor::builder()
            .bundled(false)
            .lexicon(lex)
            .rule(rule)
            .kinds([Kind::Place])
            .build()
            .unwrap();
        assert_eq!(
            format!("{ex:?}"),
            r#"Extractor { lexicons: 1, entries: 2, kinds: {place: 2}, rules: ["hospital"], reports: [Place], document_pass: true, low_memory: false }"#
        );
        let default = format!("{:?}", Extractor::new());
        assert!(default.len() < 1000, "{default}");
        assert!(default.contains("given: "), "{default}");
    }

    #[cfg(target_pointer_width = "64")]
    /// A text longer than a span's offsets can hold is refused whole, with the limit in the message; the
    /// check is of the length alone, so it is tested without a text of 4 GiB.
    #[test]
    fn a_text_too_long_for_32_bit_offsets_is_an_error() {
        assert!(check_text_len(0).is_ok());
        assert!(check_text_len(crate::Span::MAX_OFFSET).is_ok());
        let too_long = crate::Span::MAX_OFFSET + 1;
        let err = check_text_len(too_long).unwrap_err();
        assert!(
            matches!(err, Error::TextTooLong { len, max } if len == too_long && max == u32::MAX as usize),
            "{err:?}"
        );
        assert!(err.to_string().contains("4294967296 bytes long"), "{err}");
        assert!(check_text_len(usize::MAX).is_err());
    }

    #[test]
    fn send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Extractor>();
        check::<Document>();
    }

    /// Windows end on a count and on a size; documents keep their order across windows, empty texts
    /// included, and each is what `extract` gives.
    #[test]
    fn stream_matches_extract_across_windows() {
        let ex = Extractor::new();
        let texts = [
            "وصل الوفد إلى مدينة المكلا",
            "",
            "قال الأستاذ محمد عبدالله الحامد",
        ];
        let input: Vec<String> = (0..256 * 5 + 7)
            .map(|i| texts[i % 3].repeat(1 + i % 4))
            .collect();
        let got: Vec<Document> = ex.extract_stream(&input).collect();
        assert_eq!(got.len(), input.len());
        for (t, doc) in input.iter().zip(&got) {
            assert_eq!(doc, &ex.extract(t));
        }
        assert_eq!(ex.extract_stream(Vec::<String>::new()).count(), 0);
    }

    /// The stream reads its input as documents are asked for, not all at once.
    #[test]
    fn stream_is_lazy() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let read = AtomicUsize::new(0);
        let ex = Extractor::new();
        let input = (0..usize::MAX).map(|_| {
            read.fetch_add(1, Ordering::Relaxed);
            "في مدينة المكلا"
        });
        let first: Vec<Document> = ex.extract_stream(input).take(3).collect();
        assert_eq!(first.len(), 3);
        let taken = read.load(Ordering::Relaxed);
        assert!((3..=256 * 64).contains(&taken), "read {taken}");
    }
}
