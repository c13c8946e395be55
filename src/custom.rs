//! Rules added at run time: a regular expression over the folded text of each segment.
//!
//! A custom rule sees the segment as its tokens' folded forms, separated as in the original (nothing
//! between a word and the punctuation stuck to it, one space for any run of spaces, one `\n` for a run that
//! holds a line break). A match counts only when it covers whole tokens — its start may skip the clitics
//! of the first token (و، ف، ب، ل، ك) — so every mention a rule reports starts and ends on a token of the
//! original text, and its offsets are as exact as those of the built-in rules.

use std::fmt;

use regex::Regex;

use crate::clitic::for_each_reading;
use crate::error::Error;
use crate::lexicon::EntryKind;
use crate::lookup::Lex;
use crate::mention::{Kind, Source, SourceName};
use crate::normalize::push_fold;
use crate::rules::{Candidate, Origin, STRONG};
use crate::tokenize::Tokens;

/// The capture group that, when a pattern has it, marks the mention inside a wider match.
const MENTION_GROUP: &str = "mention";
/// The most chars the clitics before a written-out stem take: a conjunction and a preposition (وب).
const MAX_CLITIC_CHARS: usize = 2;

/// A pattern rule added at run time with [`ExtractorBuilder::rule`](crate::ExtractorBuilder::rule).
///
/// The pattern is a [`regex`](https://docs.rs/regex) matched against the *folded* text of each segment
/// (see the crate documentation, "Normalization"). Its own Arabic letters are folded the same way before
/// it is compiled, so `أ` and `ا`, `ة` and `ه` in a pattern are the same letter, and harakat in a pattern
/// are ignored; Latin letters in the text are lower-cased, so write Latin in lower case (or use `(?i)`).
///
/// A match becomes a mention only when it covers whole tokens: it must end where a token ends and start
/// where a token starts or right after that token's clitics (so `المكلا` matches in `بالمكلا`, and the
/// mention leaves the `ب` out). A match inside a word is ignored. When the pattern has a capture group named
/// `mention`, only that group is the mention and the rest of the match is context. Matches never cross
/// a segment boundary (segments are at most 64 KiB, cut at a line break where there is one).
///
/// Mentions from a rule take part in the same resolution as the built-in rules, with the evidence of a
/// trigger word (a title, a head noun), and report [`Source::Rule`] with the rule's name.
///
/// A built-in rule or lexicon entry over the same words still wins when its mention is longer, so to
/// show a rule alone the examples here turn the bundled lexicons off.
///
/// ```
/// use alam::{Extractor, Kind, Rule, Source};
///
/// // A player: the two words after اللاعب (the title itself is context, not part of the name).
/// let player = Rule::new("player", Kind::Person, r"اللاعب (?P<mention>\w+ \w+)")?;
/// let ex = Extractor::builder().bundled(false).rule(player).build()?;
/// let text = "سجّل اللاعبُ سالم الربيعي هدفين، وقال إن اللاعب سالم الربيعي سيبقى";
/// let doc = ex.extract(text);
/// let m = &doc.mentions()[0];
/// assert_eq!(m.text(), "سالم الربيعي");
/// assert_eq!(&text[m.span().range()], "سالم الربيعي");
/// assert_eq!(m.source(), &Source::Rule("player".into()));
/// assert_eq!(doc.persons().len(), 1);
/// assert_eq!(doc.persons()[0].mentions().len(), 2);
///
/// // Clitics are left out of the mention: بالمكلا gives المكلا.
/// let city = Rule::new("mukalla", Kind::Place, "المكلا")?;
/// let ex = Extractor::builder().bundled(false).rule(city).build()?;
/// assert_eq!(ex.extract("وصلنا بالمكلا").mentions()[0].text(), "المكلا");
/// # Ok::<(), alam::Error>(())
/// ```
#[derive(Clone)]
pub struct Rule {
    name: SourceName,
    kind: Kind,
    pattern: String,
    regex: Regex,
    group: Option<usize>,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("pattern", &self.pattern)
            .finish()
    }
}

impl Rule {
    /// Compiles a rule named `name` that reports mentions of `kind` where `pattern` matches.
    ///
    /// The name must be non-empty and free of whitespace; the pattern must be a valid regular expression
    /// once its Arabic letters are folded. Either fault is an [`Error::Rule`] naming the rule.
    ///
    /// ```
    /// use alam::{Kind, Rule};
    /// let rule = Rule::new("hospital", Kind::Organization, r"مستشفى \w+").unwrap();
    /// assert_eq!(rule.pattern(), r"مستشفي \w+");
    ///
    /// let err = Rule::new("broken", Kind::Place, "مدينة (").unwrap_err();
    /// assert!(err.to_string().starts_with("rule `broken`: invalid pattern"));
    /// ```
    pub fn new(name: &str, kind: Kind, pattern: &str) -> Result<Rule, Error> {
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(Error::Rule {
                rule: name.to_string(),
                reason: "a rule name must be non-empty and without whitespace".to_string(),
            });
        }
        let pattern = fold_pattern(pattern);
        let regex = Regex::new(&pattern).map_err(|e| Error::Rule {
            rule: name.to_string(),
            reason: format!("invalid pattern: {e}"),
        })?;
        let group = regex.capture_names().position(|n| n == Some(MENTION_GROUP));
        Ok(Rule {
            name: SourceName::from(name),
            kind,
            pattern,
            regex,
            group,
        })
    }

    /// The rule's name, as reported in [`Source::Rule`].
    ///
    /// ```
    /// let rule = alam::Rule::new("club", alam::Kind::Organization, r"نادي \w+").unwrap();
    /// assert_eq!(rule.name(), "club");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The kind of the mentions the rule reports.
    ///
    /// ```
    /// let rule = alam::Rule::new("club", alam::Kind::Organization, r"نادي \w+").unwrap();
    /// assert_eq!(rule.kind(), alam::Kind::Organization);
    /// ```
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The pattern as compiled: the given pattern with its Arabic letters folded.
    ///
    /// ```
    /// let rule = alam::Rule::new("x", alam::Kind::Place, "مدينةُ (?P<mention>\\w+)").unwrap();
    /// assert_eq!(rule.pattern(), "مدينه (?P<mention>\\w+)");
    /// ```
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// The source reported by this rule's mentions.
    pub(crate) fn source(&self) -> Source {
        Source::Rule(self.name.clone())
    }
}

/// Folds the non-ASCII characters of a pattern as the text is folded, and keeps ASCII (the regex syntax)
/// as it is.
fn fold_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_fold(c, &mut out);
        }
    }
    out
}

/// The folded text of one segment as custom rules see it, with where each token lies in it.
#[derive(Debug, Default)]
pub(crate) struct Haystack {
    text: String,
    /// Byte range of each token's folded form in `text`.
    ranges: Vec<(usize, usize)>,
    buf: String,
}

impl Haystack {
    fn fill(&mut self, text: &str, tokens: &Tokens) {
        self.text.clear();
        self.ranges.clear();
        let mut prev_end = None;
        for i in 0..tokens.len() {
            let t = tokens.bytes(i);
            if let Some(prev) = prev_end {
                let gap = &text[prev..t.start];
                if gap.contains('\n') {
                    self.text.push('\n');
                } else if gap.contains(char::is_whitespace) {
                    self.text.push(' ');
                }
            }
            let start = self.text.len();
            self.text.push_str(tokens.folded(i));
            self.ranges.push((start, self.text.len()));
            prev_end = Some(t.end);
        }
    }

    /// The first byte after `at` where a mention may start: a token's start, or a char within the
    /// clitics a token may begin with. Past the end when there is none.
    fn next_start(&self, at: usize) -> usize {
        let past = self.text.len() + 1;
        let Some(c) = self.text.get(at..).and_then(|s| s.chars().next()) else {
            return past;
        };
        let p = at + c.len_utf8();
        let i = self.ranges.partition_point(|r| r.1 <= p);
        let Some(&(start, _)) = self.ranges.get(i) else {
            return past;
        };
        if start >= p || self.text[start..p].chars().count() <= MAX_CLITIC_CHARS {
            start.max(p)
        } else {
            self.ranges.get(i + 1).map_or(past, |r| r.0)
        }
    }

    /// The tokens `start..end` and the clitic chars to skip in the first, when `from..to` covers whole
    /// tokens (the first maybe without its clitics).
    fn tokens_of(&mut self, tokens: &Tokens, from: usize, to: usize) -> Option<(usize, usize, u8)> {
        if from >= to {
            return None;
        }
        let first = self.ranges.partition_point(|r| r.1 <= from);
        let last = self.ranges.partition_point(|r| r.1 < to);
        let (fs, _) = *self.ranges.get(first)?;
        if self.ranges.get(last)?.1 != to || fs > from {
            return None;
        }
        let skip = self.text[fs..from].chars().count();
        if skip > 0 && !is_clitic_prefix(tokens.folded(first), skip, &mut self.buf) {
            return None;
        }
        Some((first, last + 1, u8::try_from(skip).ok()?))
    }
}

/// True when the first `chars` folded chars of `word` can be read as its clitics, with the rest a stem
/// written out in full (not a stem whose article was restored from لل).
fn is_clitic_prefix(word: &str, chars: usize, buf: &mut String) -> bool {
    for_each_reading(word, buf, |r, _| {
        usize::from(r.clitic_chars) == chars && !r.restored_article
    })
    .is_some()
}

/// Runs every custom rule over a segment and adds their candidates to `out`.
pub(crate) fn run(
    rules: &[Rule],
    text: &str,
    tokens: &Tokens,
    lex: &[Lex<'_>],
    hay: &mut Haystack,
    out: &mut Vec<Candidate>,
) {
    if rules.is_empty() || tokens.len() == 0 {
        return;
    }
    hay.fill(text, tokens);
    for (n, rule) in rules.iter().enumerate() {
        let mut at = 0;
        // The bytes that searches again after misplaced matches may cover (see below).
        let mut budget = RETRY_BUDGET * hay.text.len() + 4096;
        while at <= hay.text.len() {
            let Some((whole, mention)) = find(rule, &hay.text, at) else {
                break;
            };
            if let Some((start, end, skip)) = hay.tokens_of(tokens, mention.0, mention.1) {
                let mut c = Candidate::new(
                    rule.kind,
                    start,
                    end,
                    skip,
                    STRONG,
                    Origin::Custom(n as u32),
                );
                if rule.kind == Kind::Person && lex[start].has(EntryKind::Given) {
                    c.gender = lex[start].info.and_then(|w| w.gender);
                }
                out.push(c);
            }
            // Go on after this match, or — when it was empty or not on token boundaries — from the next
            // place a mention could start, so a misplaced match does not hide a good one inside it. A
            // pattern whose matches run far and end inside a word (ال.*ج) would search the rest of the
            // segment again from every token: once the searches again have covered `RETRY_BUDGET` times
            // the segment, a misplaced match is passed over whole, keeping the segment linear.
            let placed = whole.1 > whole.0 && hay.tokens_of(tokens, mention.0, mention.1).is_some();
            let retry = hay.next_start(whole.0);
            at = if placed {
                whole.1
            } else if budget >= whole.1 - at {
                budget -= whole.1 - at;
                retry
            } else {
                retry.max(whole.1)
            };
        }
    }
}

/// How many times the length of a segment the searches again after misplaced matches of a rule may
/// cover before such matches are passed over whole: no pattern that stays within a few words comes near.
const RETRY_BUDGET: usize = 8;

/// The leftmost match of `rule` at or after `at`: the whole match and the mention's byte range.
fn find(rule: &Rule, hay: &str, at: usize) -> Option<((usize, usize), (usize, usize))> {
    match rule.group {
        None => rule
            .regex
            .find_at(hay, at)
            .map(|m| ((m.start(), m.end()), (m.start(), m.end()))),
        Some(g) => {
            let caps = rule.regex.captures_at(hay, at)?;
            let whole = caps.get(0)?;
            let whole = (whole.start(), whole.end());
            // A match in which the group took no part has no mention: an empty range skips it.
            let mention = caps
                .get(g)
                .map_or((whole.0, whole.0), |m| (m.start(), m.end()));
            Some((whole, mention))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn spans(pattern: &str, text: &str) -> Vec<(String, u8)> {
        let rule = Rule::new("t", Kind::Place, pattern).unwrap();
        let mut tokens = Tokens::default();
        tokenize(text, 0, 0, &mut tokens);
        let lex = vec![Lex::default(); tokens.len()];
        let mut out = Vec::new();
        run(
            std::slice::from_ref(&rule),
            text,
            &tokens,
            &lex,
            &mut Haystack::default(),
            &mut out,
        );
        out.iter()
            .map(|c| {
                let span = crate::tokenize::token_span(text, &tokens, c.start, c.end, c.skip);
                (text[span.range()].to_string(), c.skip)
            })
            .collect()
    }

    #[test]
    fn whole_tokens_only() {
        assert_eq!(spans("عدن", "زار عدن"), [("عدن".to_string(), 0)]);
        assert!(spans("عدن", "زار عدنان").is_empty());
        assert!(spans("دن", "زار عدن").is_empty());
    }

    #[test]
    fn clitics_are_left_out() {
        assert_eq!(spans("المكلا", "وصل بالمكلا"), [("المكلا".to_string(), 1)]);
        assert_eq!(spans("المكلا", "وبالمكلا"), [("المكلا".to_string(), 2)]);
        // The article restored from لل is not in the folded text: no match to leave the ل out of.
        assert!(spans("التنميه", "للتنمية").is_empty());
    }

    #[test]
    fn marks_and_controls_keep_offsets_exact() {
        let text = "وصلوا \u{200F}بالمُكَلّا\u{200E} أمس";
        assert_eq!(spans("المكلا", text), [("المُكَلّا".to_string(), 1)]);
        assert_eq!(spans("وصلوا", "\u{064E}وصلوا"), [("وصلوا".to_string(), 0)]);
    }

    #[test]
    fn folding_applies_to_text_and_pattern() {
        assert_eq!(spans("الحُديدة", "في الحديدةِ"), [("الحديدةِ".to_string(), 0)]);
        assert_eq!(spans("الحديده", "في الحُدَيْدَة"), [("الحُدَيْدَة".to_string(), 0)]);
    }

    #[test]
    fn mention_group_and_context() {
        let got = spans(r"مدينه (?P<mention>\w+)", "في مدينة المكلا وعدن");
        assert_eq!(got, [("المكلا".to_string(), 0)]);
    }

    #[test]
    fn punctuation_sticks_to_words_as_written() {
        assert_eq!(spans(r"عدن،", "في عدن، ثم"), [("عدن،".to_string(), 0)]);
        assert!(spans(r"عدن ،", "في عدن، ثم").is_empty());
        assert_eq!(
            spans(r"عدن\nصنعاء", "عدن \n صنعاء"),
            [("عدن \n صنعاء".to_string(), 0)]
        );
    }

    #[test]
    fn a_misplaced_match_does_not_hide_a_good_one() {
        // The leftmost matches (عدن at the start of عدنان, then ان عدن) are not on token boundaries.
        assert_eq!(spans("ان عدن|عدن", "عدنان عدن"), [("عدن".to_string(), 0)]);
    }

    #[test]
    fn bad_names_and_patterns_are_errors() {
        assert!(matches!(
            Rule::new("", Kind::Place, "x"),
            Err(Error::Rule { .. })
        ));
        assert!(matches!(
            Rule::new("a b", Kind::Place, "x"),
            Err(Error::Rule { .. })
        ));
        let err = Rule::new("r", Kind::Place, "[").unwrap_err();
        assert!(err.to_string().starts_with("rule `r`: invalid pattern"));
    }

    #[test]
    fn empty_matches_end() {
        assert!(spans(r"x*", "عدن صنعاء").is_empty());
    }
}
