//! The crate's error type.

use std::path::PathBuf;

/// Everything that can go wrong while loading lexicons or building an [`Extractor`](crate::Extractor).
///
/// Extraction itself never fails: any `&str` is valid input.
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
            Error::Io { .. } | Error::Rule { .. } | Error::MissingFeature { .. } => None,
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
