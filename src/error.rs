//! The crate's error type.

use std::path::PathBuf;

/// Everything that can go wrong while loading lexicons or building an [`Extractor`](crate::Extractor), and
/// the one text extraction refuses: one longer than [`Span::MAX_OFFSET`](crate::Span::MAX_OFFSET) bytes
/// ([`Error::TextTooLong`]). Any other `&str` is valid input.
///
/// ```
/// let err = alam::Lexicon::parse("mine.tsv", "المكلا\tplanet\n").unwrap_err();
/// assert_eq!(err.to_string(), "mine.tsv:1: unknown kind `planet`");
/// assert_eq!(err.line(), Some(1));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A lexicon line that does not follow the format.
    #[error("{file}:{line}: {reason}")]
    Lexicon {
        /// The lexicon's name: its path, or the name given to [`Lexicon::parse`](crate::Lexicon::parse).
        file: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with the line.
        reason: String,
    },
    /// Lexicon bytes that are not UTF-8.
    #[error("{file}:{line}: invalid UTF-8 at byte offset {offset}")]
    Utf8 {
        /// The lexicon's name.
        file: String,
        /// The 1-based line number of the first bad byte.
        line: usize,
        /// The byte offset of the first bad byte from the start of the input.
        offset: usize,
    },
    /// A custom rule with an invalid name or pattern.
    ///
    /// ```
    /// let err = alam::Rule::new("club", alam::Kind::Organization, "نادي (").unwrap_err();
    /// assert!(matches!(&err, alam::Error::Rule { rule, .. } if rule == "club"));
    /// ```
    #[error("rule `{rule}`: {reason}")]
    Rule {
        /// The rule's name.
        rule: String,
        /// What is wrong: the regex parser's message for a bad pattern.
        reason: String,
    },
    /// Something asked for that this build leaves out: a bundled tier whose data feature is off.
    ///
    /// ```
    /// let built = alam::Extractor::builder().tier(alam::Tier::YemenVillages, true).build();
    /// if !cfg!(feature = "data-villages") {
    ///     let err = built.unwrap_err();
    ///     assert_eq!(
    ///         err.to_string(),
    ///         "the bundled tier YemenVillages is not compiled in: enable the cargo feature `data-villages`"
    ///     );
    /// }
    /// ```
    #[error("{what} is not compiled in: enable the cargo feature `{feature}`")]
    MissingFeature {
        /// What was asked for.
        what: String,
        /// The cargo feature that compiles it in.
        feature: &'static str,
    },
    /// An entry built in code ([`Entry::new`](crate::Entry::new), its `with_*` setters,
    /// [`Lexicon::push`](crate::Lexicon::push)) that a lexicon file could not hold either.
    ///
    /// ```
    /// let err = alam::Entry::new("المكلا", alam::EntryKind::Place)?.with_sub("City").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "entry `المكلا`: the sub `City` is not lower-case ASCII letters, digits and `-` (such as `city`)"
    /// );
    /// # Ok::<(), alam::Error>(())
    /// ```
    #[error("{}entry `{text}`: {reason}", lexicon.as_deref().map(|l| format!("{l}: ")).unwrap_or_default())]
    Entry {
        /// The lexicon the entry was pushed into, if it was.
        lexicon: Option<String>,
        /// The entry's text (at most about 100 chars of it).
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A lexicon larger than [`Lexicon::MAX_BYTES`](crate::Lexicon::MAX_BYTES): not a lexicon, or not
    /// one this crate will hold in memory (`/dev/zero`, a disk image given by mistake).
    ///
    /// ```
    /// assert_eq!(alam::Lexicon::MAX_BYTES, 64 << 20);
    /// ```
    #[error("{file}: larger than {limit} bytes: not a lexicon file (the most a lexicon may have)")]
    TooLarge {
        /// The lexicon's name.
        file: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A text longer than [`Span::MAX_OFFSET`](crate::Span::MAX_OFFSET) bytes (4 GiB − 1), whose offsets
    /// a [`Span`](crate::Span) cannot hold: [`Extractor::try_extract`](crate::Extractor::try_extract)
    /// returns it rather than read part of the text. Split the text into documents.
    ///
    /// ```
    /// let err = alam::Error::TextTooLong { len: 1 << 32, max: alam::Span::MAX_OFFSET };
    /// assert_eq!(
    ///     err.to_string(),
    ///     "the text is 4294967296 bytes long; the most a text may have is 4294967295 bytes \
    ///      (offsets are 32-bit): split it into documents"
    /// );
    /// ```
    #[error(
        "the text is {len} bytes long; the most a text may have is {max} bytes (offsets are 32-bit): \
         split it into documents"
    )]
    TextTooLong {
        /// The text's length in bytes.
        len: usize,
        /// The most bytes a text may have: [`Span::MAX_OFFSET`](crate::Span::MAX_OFFSET).
        max: usize,
    },
    /// A file that could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path that was read.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// The 1-based line the error is about, where there is one.
    ///
    /// ```
    /// let err = alam::Lexicon::parse("x", "# ok\n\tplace\n").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Lexicon { line, .. } | Error::Utf8 { line, .. } => Some(*line),
            Error::Io { .. }
            | Error::Rule { .. }
            | Error::MissingFeature { .. }
            | Error::Entry { .. }
            | Error::TooLarge { .. }
            | Error::TextTooLong { .. } => None,
        }
    }

    pub(crate) fn lexicon(file: &str, line: usize, reason: impl Into<String>) -> Self {
        Error::Lexicon {
            file: file.to_string(),
            line,
            reason: reason.into(),
        }
    }
}

/// A name that is not one of a fixed list or form: the error of `FromStr` for [`Kind`](crate::Kind),
/// [`EntryKind`](crate::EntryKind), [`Gender`](crate::Gender), [`Source`](crate::Source) and
/// [`SubKind`](crate::SubKind). It implements [`std::error::Error`], so `?` turns it into
/// `anyhow::Error` or `Box<dyn Error>`.
///
/// ```
/// use alam::Kind;
/// let err = "planet".parse::<Kind>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown mention kind `planet` (expected person, organization or place)");
/// assert_eq!(err.input(), "planet");
///
/// fn kind_of(s: &str) -> Result<Kind, Box<dyn std::error::Error>> {
///     Ok(s.parse::<Kind>()?)
/// }
/// assert!(kind_of("place").is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{input}`{}", expected.map(|e| format!(" (expected {e})")).unwrap_or_default())]
pub struct ParseError {
    what: &'static str,
    input: String,
    expected: Option<&'static str>,
}

impl ParseError {
    pub(crate) fn new(what: &'static str, input: &str, expected: Option<&'static str>) -> Self {
        ParseError {
            what,
            input: quote(input),
            expected,
        }
    }

    /// The text that was not recognized (at most about 100 chars of it).
    ///
    /// ```
    /// let err = "org".parse::<alam::EntryKind>().unwrap_err();
    /// assert_eq!(err.input(), "org");
    /// ```
    pub fn input(&self) -> &str {
        &self.input
    }
}

/// The most chars of a user's text an error message quotes.
pub(crate) const QUOTE_CHARS: usize = 100;

/// `text` as an error message quotes it: whole when short, else its first [`QUOTE_CHARS`] chars, an
/// ellipsis and the full length, so that a line of megabytes does not make a message of megabytes.
pub(crate) fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}… ({} chars)", &text[..cut], text.chars().count()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_bounded() {
        assert_eq!(quote("عدن"), "عدن");
        let long = "ب".repeat(5000);
        let q = quote(&long);
        assert_eq!(q, format!("{}… (5000 chars)", "ب".repeat(QUOTE_CHARS)));
        assert_eq!(quote(&"x".repeat(QUOTE_CHARS)), "x".repeat(QUOTE_CHARS));
    }
}
