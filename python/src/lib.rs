//! Python bindings of `alam`: the `alam._alam` module that the `alam` package re-exports.
//!
//! Thin on purpose: every decision about what is a mention is the Rust crate's; this crate converts
//! arguments, results and errors, releases the GIL while extracting, and runs batches on a rayon pool of
//! its own that a forked child builds again.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use alam::{Error, Kind, Lexicon, Mention};
use arrow_array::builder::{ArrayBuilder, Int64Builder, StringBuilder};
use arrow_array::{
    make_array, Array, ArrayRef, LargeStringArray, ListArray, StringArray, StringViewArray,
    StructArray,
};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_data::ArrayData;
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use arrow_schema::{DataType, Field, Fields};
use pyo3::create_exception;
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

create_exception!(
    alam,
    LexiconError,
    PyValueError,
    "A lexicon that does not follow the format. The message names the file, the line and the reason \
     (`places.tsv:3: unknown kind `planet``); the attributes `file`, `line` and `reason` hold them."
);

/// A Rust error as the Python exception a user expects, with the same message.
/// A text longer than a mention's 32-bit offsets can address, as the error `try_extract` gives.
fn check_len(text: &str) -> Result<(), Error> {
    if text.len() > alam::Span::MAX_OFFSET {
        return Err(Error::TextTooLong {
            len: text.len(),
            max: alam::Span::MAX_OFFSET,
        });
    }
    Ok(())
}

/// `err` as a ValueError that names the item of an iterable it came from.
fn with_item(err: Error, i: usize) -> PyErr {
    PyValueError::new_err(format!("extract_many(): item {i}: {err}"))
}

fn to_py_err(py: Python<'_>, err: Error) -> PyErr {
    let message = err.to_string();
    match err {
        Error::Lexicon { file, line, reason } => lexicon_error(py, message, file, line, reason),
        Error::Utf8 { file, line, offset } => {
            let reason = format!("invalid UTF-8 at byte offset {offset}");
            lexicon_error(py, message, file, line, reason)
        }
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(message)
        }
        Error::Io { .. } => PyOSError::new_err(message),
        _ => PyValueError::new_err(message),
    }
}

fn lexicon_error(
    py: Python<'_>,
    message: String,
    file: String,
    line: usize,
    reason: String,
) -> PyErr {
    let err = LexiconError::new_err(message);
    let value = err.value(py);
    // Setting attributes on a fresh exception object fails only without memory; the message has it all.
    let _ = value.setattr("file", file);
    let _ = value.setattr("line", line);
    let _ = value.setattr("reason", reason);
    err
}

/// The rayon pool of this process and the pid that built it.
static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);

/// The pool for batches. A child made by `fork()` has none of its parent's threads, so a pool built
/// before the fork would wait forever: a pid change means a new pool, and the old one is leaked rather
/// than dropped (dropping it would signal threads that do not exist in this process).
fn pool() -> PyResult<Arc<rayon::ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((owner, pool)) = slot.as_ref() {
        if *owner == pid {
            return Ok(Arc::clone(pool));
        }
    }
    if let Some(inherited) = slot.take() {
        std::mem::forget(inherited);
    }
    // Threads: RAYON_NUM_THREADS when set, else one per core.
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("alam-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start alam's threads: {e}")))?;
    let pool = Arc::new(pool);
    *slot = Some((pid, Arc::clone(&pool)));
    Ok(pool)
}

/// Where a part of a mention (a person's title or role) stands in the text.
///
/// `start`/`end` are UTF-8 byte offsets into the text (end exclusive), as in the Rust crate and in
/// Arrow string buffers; `char_start`/`char_end` are code point offsets, that is Python `str` indices:
/// `text[s.char_start:s.char_end]`. Frozen, hashable, comparable with `==`.
#[pyclass(
    name = "Span",
    module = "alam",
    frozen,
    eq,
    hash,
    get_all,
    skip_from_py_object
)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PySpan {
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
}

impl PySpan {
    fn from_span(s: alam::Span) -> PySpan {
        PySpan {
            start: s.start(),
            end: s.end(),
            char_start: s.char_start(),
            char_end: s.char_end(),
        }
    }
}

#[pymethods]
impl PySpan {
    /// The span as a dict with the keys of the `extract` example's JSON: start, end, char_start,
    /// char_end.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("char_start", self.char_start)?;
        d.set_item("char_end", self.char_end)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Span(start={}, end={}, char_start={}, char_end={})",
            self.start, self.end, self.char_start, self.char_end
        )
    }
}

/// One occurrence of a person, organization or place.
///
/// `start`/`end` are UTF-8 byte offsets into the text (end exclusive); `char_start`/`char_end` are code
/// point offsets, that is Python `str` indices: `text[m.char_start:m.char_end] == m.text`. For a person,
/// `title_span` and `role_span` are where the title and the role stand in the text, as Span (same
/// offsets), or None: `text[m.role_span.char_start:m.role_span.char_end] == m.role`.
#[pyclass(
    name = "Mention",
    module = "alam",
    frozen,
    eq,
    hash,
    get_all,
    skip_from_py_object
)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PyMention {
    kind: &'static str,
    text: String,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    title: Option<String>,
    title_span: Option<PySpan>,
    role: Option<String>,
    role_span: Option<PySpan>,
    gender: Option<&'static str>,
    sub_kind: Option<String>,
    country: Option<String>,
    source: String,
    entity: usize,
    nested: Vec<PyMention>,
}

impl PyMention {
    fn from_mention(m: &Mention) -> PyMention {
        let span = m.span();
        PyMention {
            kind: m.kind().as_str(),
            text: m.text().to_string(),
            start: span.start(),
            end: span.end(),
            char_start: span.char_start(),
            char_end: span.char_end(),
            title: m.title().map(str::to_string),
            title_span: m.title_span().map(PySpan::from_span),
            role: m.role().map(str::to_string),
            role_span: m.role_span().map(PySpan::from_span),
            gender: m.gender().map(|g| g.as_str()),
            sub_kind: m.sub_kind().map(|s| s.to_string()),
            country: m.country().map(str::to_string),
            source: m.source().to_string(),
            entity: m.entity(),
            nested: m.nested().iter().map(PyMention::from_mention).collect(),
        }
    }

    fn all(doc: &alam::Document) -> Vec<PyMention> {
        doc.mentions().iter().map(PyMention::from_mention).collect()
    }
}

#[pymethods]
impl PyMention {
    /// The mention as a dict with the keys of the `extract` example's JSON: kind, text, start, end,
    /// char_start, char_end, title, title_span, role, role_span, gender, sub_kind, country, source,
    /// entity, nested (a list of dicts). A span is a dict of start, end, char_start and char_end. Every
    /// key is present; facts that do not apply are None.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", self.kind)?;
        d.set_item("text", &self.text)?;
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("char_start", self.char_start)?;
        d.set_item("char_end", self.char_end)?;
        let span = |s: &Option<PySpan>| s.as_ref().map(|s| s.to_dict(py)).transpose();
        d.set_item("title", &self.title)?;
        d.set_item("title_span", span(&self.title_span)?)?;
        d.set_item("role", &self.role)?;
        d.set_item("role_span", span(&self.role_span)?)?;
        d.set_item("gender", self.gender)?;
        d.set_item("sub_kind", &self.sub_kind)?;
        d.set_item("country", &self.country)?;
        d.set_item("source", &self.source)?;
        d.set_item("entity", self.entity)?;
        let nested = self
            .nested
            .iter()
            .map(|n| n.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item("nested", nested)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        // Strings in Python's own quoting, so that the repr reads like the constructor call it shows.
        let q = |s: &str| -> PyResult<String> { Ok(PyString::new(py, s).repr()?.to_string()) };
        let mut out = format!(
            "Mention(kind={}, text={}, start={}, end={}, char_start={}, char_end={}",
            q(self.kind)?,
            q(&self.text)?,
            self.start,
            self.end,
            self.char_start,
            self.char_end
        );
        let facts = [
            ("title", self.title.as_deref().map(q).transpose()?),
            ("title_span", self.title_span.as_ref().map(PySpan::__repr__)),
            ("role", self.role.as_deref().map(q).transpose()?),
            ("role_span", self.role_span.as_ref().map(PySpan::__repr__)),
            ("gender", self.gender.map(q).transpose()?),
            ("sub_kind", self.sub_kind.as_deref().map(q).transpose()?),
            ("country", self.country.as_deref().map(q).transpose()?),
        ];
        for (k, v) in facts {
            if let Some(v) = v {
                out.push_str(&format!(", {k}={v}"));
            }
        }
        out.push_str(&format!(", source={})", q(&self.source)?));
        Ok(out)
    }
}

/// Finds people, organizations and places in Arabic text.
///
/// Extractor() shares the compiled default lexicons, built once per process. With arguments:
/// `lexicons` is a list of lexicon files (str or os.PathLike) added to the bundled lexicons, or used
/// instead of them with `bundled=False`; `kinds` limits the kinds reported ("person", "organization",
/// "place"); `document_pass=False` stops finding titled names again in the rest of a text;
/// `low_memory=True` reads a text over 64 KiB again segment by segment in the document pass instead of
/// keeping a summary of its tokens (less memory, some 10 % more time; the same mentions).
///
/// Raises alam.LexiconError (a ValueError; message FILE:LINE: REASON) for a bad lexicon,
/// FileNotFoundError or OSError for one that cannot be read, ValueError for an unknown kind.
/// An Extractor is safe to share between threads and pickles as its arguments.
#[pyclass(name = "Extractor", module = "alam", frozen)]
struct PyExtractor {
    inner: alam::Extractor,
    lexicons: Vec<PathBuf>,
    bundled: bool,
    kinds: Option<Vec<String>>,
    document_pass: bool,
    low_memory: bool,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (lexicons=None, *, bundled=true, kinds=None, document_pass=true, low_memory=false))]
    fn new(
        py: Python<'_>,
        lexicons: Option<Vec<PathBuf>>,
        bundled: bool,
        kinds: Option<Vec<String>>,
        document_pass: bool,
        low_memory: bool,
    ) -> PyResult<Self> {
        let lexicons = lexicons.unwrap_or_default();
        let parsed_kinds = match &kinds {
            Some(ks) => Some(
                ks.iter()
                    .map(|k| {
                        k.parse::<Kind>()
                            .map_err(|e| PyValueError::new_err(e.to_string()))
                    })
                    .collect::<PyResult<Vec<Kind>>>()?,
            ),
            None => None,
        };
        let default = lexicons.is_empty()
            && bundled
            && parsed_kinds.is_none()
            && document_pass
            && !low_memory;
        let inner = if default {
            // The compiled default lexicons, built once per process and shared by every Extractor().
            py.detach(alam::Extractor::new)
        } else {
            py.detach(|| {
                let mut b = alam::Extractor::builder();
                b.bundled(bundled)
                    .document_pass(document_pass)
                    .low_memory(low_memory);
                if let Some(ks) = &parsed_kinds {
                    b.kinds(ks.iter().copied());
                }
                for path in &lexicons {
                    b.lexicon(Lexicon::from_path(path)?);
                }
                b.build()
            })
            .map_err(|e| to_py_err(py, e))?
        };
        Ok(PyExtractor {
            inner,
            lexicons,
            bundled,
            kinds,
            document_pass,
            low_memory,
        })
    }

    /// Every mention in `text`, in text order, as a list of Mention. Any str is valid input (a str
    /// holding a lone surrogate cannot be UTF-8 and raises UnicodeEncodeError); a non-str raises
    /// TypeError. The GIL is released while extracting.
    fn extract(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyMention>> {
        let text = text.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("extract() takes a str, not {}", type_name(text)))
        })?;
        let text = text.to_cow()?;
        let doc = py
            .detach(|| self.inner.try_extract(&text))
            .map_err(|e| to_py_err(py, e))?;
        Ok(PyMention::all(&doc))
    }

    /// The mentions of each text of an iterable of str, in input order, extracted over all cores with
    /// the GIL released: a list of lists of Mention, each what extract() gives for its text.
    fn extract_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<Vec<PyMention>>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "extract_many() takes an iterable of str, not a str (use extract() for one text)",
            ));
        }
        let mut owned = Vec::new();
        for (i, item) in texts.try_iter()?.enumerate() {
            let item = item?;
            let s = item.cast::<PyString>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "extract_many() takes an iterable of str; item {i} is {}",
                    type_name(&item)
                ))
            })?;
            let text = s.to_cow()?.into_owned();
            check_len(&text).map_err(|e| with_item(e, i))?;
            owned.push(text);
        }
        let pool = pool()?;
        Ok(py.detach(|| {
            pool.install(|| {
                use rayon::prelude::*;
                self.inner
                    .extract_many(&owned)
                    .par_iter()
                    .map(PyMention::all)
                    .collect()
            })
        }))
    }

    /// Extracts from a pyarrow string, large_string or string_view array without copying it, and
    /// returns a pyarrow list<struct> array: one list of mentions per text (null for a null text).
    fn extract_arrow<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let data = ArrayData::from_pyarrow_bound(texts).map_err(|e| {
            PyTypeError::new_err(format!(
                "extract_arrow() takes a pyarrow Array of strings (a ChunkedArray: pass each chunk, \
                 or combine_chunks()); got {}: {e}",
                type_name(texts)
            ))
        })?;
        let array = make_array(data);
        let pool = pool()?;
        let mut too_long = None;
        let out = py.detach(|| -> Result<ArrayRef, String> {
            let strs: Vec<Option<&str>> = match array.data_type() {
                DataType::Utf8 => downcast::<StringArray>(&array)?.iter().collect(),
                DataType::LargeUtf8 => downcast::<LargeStringArray>(&array)?.iter().collect(),
                DataType::Utf8View => downcast::<StringViewArray>(&array)?.iter().collect(),
                other => {
                    return Err(format!(
                        "extract_arrow() takes a string, large_string or string_view array, not {other}"
                    ))
                }
            };
            let plain: Vec<&str> = strs.iter().map(|s| s.unwrap_or("")).collect();
            // A large_string holds texts past the 32-bit offsets of a mention: refused, never cut.
            if let Some((i, e)) = plain
                .iter()
                .enumerate()
                .find_map(|(i, text)| check_len(text).err().map(|e| (i, e)))
            {
                too_long = Some(format!("extract_arrow(): text {i}: {e}"));
                return Err(String::new());
            }
            let parts = pool.install(|| {
                use rayon::prelude::*;
                let docs = self.inner.extract_many(&plain);
                // Building the columns on one thread cost a third of the time on two cores: each
                // thread builds the columns of some documents, and the parts are joined after.
                // One part per thread: each more part is one more copy when they are joined.
                let chunk = docs
                    .len()
                    .div_ceil(rayon::current_num_threads())
                    .max(MIN_CONVERT_CHUNK);
                let parts: Vec<Result<Part, String>> =
                    docs.par_chunks(chunk).map(mentions_part).collect();
                docs.into_par_iter().for_each(drop);
                parts
            });
            mentions_array(parts, array.logical_nulls())
        });
        match out {
            Ok(a) => a.to_data().to_pyarrow(py),
            Err(_) if too_long.is_some() => {
                Err(PyValueError::new_err(too_long.unwrap_or_default()))
            }
            Err(e) => Err(PyTypeError::new_err(e)),
        }
    }

    /// The arrow type of `extract_arrow`'s result.
    #[staticmethod]
    fn arrow_type(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        mentions_type().to_pyarrow(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let paths: Vec<String> = self
            .lexicons
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let kinds = match &self.kinds {
            Some(k) => PyList::new(py, k)?.repr()?.to_string(),
            None => "None".to_string(),
        };
        let py_bool = |b: bool| if b { "True" } else { "False" };
        Ok(format!(
            "Extractor(lexicons={}, bundled={}, kinds={kinds}, document_pass={}, low_memory={})",
            PyList::new(py, paths)?.repr()?,
            py_bool(self.bundled),
            py_bool(self.document_pass),
            py_bool(self.low_memory),
        ))
    }

    /// Pickled as its arguments (Spark and multiprocessing send functions that hold one); the lexicon
    /// files are read again where it is unpickled.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let kwargs = PyDict::new(py);
        kwargs.set_item("bundled", me.bundled)?;
        kwargs.set_item("kinds", &me.kinds)?;
        kwargs.set_item("document_pass", me.document_pass)?;
        kwargs.set_item("low_memory", me.low_memory)?;
        let args = (PyList::new(py, &me.lexicons)?,);
        let functools = py.import("functools")?;
        let partial = functools
            .getattr("partial")?
            .call((slf.get_type(),), Some(&kwargs))?;
        PyTuple::new(py, [partial.into_any(), args.into_pyobject(py)?.into_any()])
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an object".to_string())
}

fn downcast<T: 'static>(array: &ArrayRef) -> Result<&T, String> {
    array
        .as_any()
        .downcast_ref::<T>()
        .ok_or_else(|| format!("unexpected array layout for {}", array.data_type()))
}

/// The fields every mention has in Arrow; nested mentions (places in an organization's name) have
/// these only.
fn base_fields() -> Vec<Field> {
    vec![
        Field::new("kind", DataType::Utf8, false),
        Field::new("text", DataType::Utf8, false),
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        Field::new("char_start", DataType::Int64, false),
        Field::new("char_end", DataType::Int64, false),
    ]
}

fn tail_fields() -> Vec<Field> {
    vec![
        Field::new("sub_kind", DataType::Utf8, true),
        Field::new("country", DataType::Utf8, true),
        Field::new("source", DataType::Utf8, false),
        Field::new("entity", DataType::Int64, false),
    ]
}

/// `struct<start, end, char_start, char_end>`: a title's or role's place in the text.
fn span_fields() -> Fields {
    Fields::from(vec![
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        Field::new("char_start", DataType::Int64, false),
        Field::new("char_end", DataType::Int64, false),
    ])
}

fn nested_fields() -> Fields {
    let mut f = base_fields();
    f.extend(tail_fields());
    Fields::from(f)
}

fn mention_fields() -> Fields {
    let mut f = base_fields();
    f.extend([
        Field::new("title", DataType::Utf8, true),
        Field::new("title_span", DataType::Struct(span_fields()), true),
        Field::new("role", DataType::Utf8, true),
        Field::new("role_span", DataType::Struct(span_fields()), true),
        Field::new("gender", DataType::Utf8, true),
    ]);
    f.extend(tail_fields());
    let nested_item = Field::new("item", DataType::Struct(nested_fields()), false);
    f.push(Field::new(
        "nested",
        DataType::List(Arc::new(nested_item)),
        false,
    ));
    Fields::from(f)
}

/// `list<struct<kind, text, start, end, char_start, char_end, title, title_span, role, role_span, gender,
/// sub_kind, country, source, entity, nested: list<struct<…>>>>`: the field names and order of the JSON
/// output. `title_span` and `role_span` are null or `struct<start, end, char_start, char_end>`.
fn mentions_type() -> DataType {
    DataType::List(Arc::new(Field::new(
        "item",
        DataType::Struct(mention_fields()),
        false,
    )))
}

/// Arrow columns of mentions, filled one mention at a time.
#[derive(Default)]
struct Columns {
    kind: StringBuilder,
    text: StringBuilder,
    start: Int64Builder,
    end: Int64Builder,
    char_start: Int64Builder,
    char_end: Int64Builder,
    title: StringBuilder,
    title_span: SpanColumns,
    role: StringBuilder,
    role_span: SpanColumns,
    gender: StringBuilder,
    sub_kind: StringBuilder,
    country: StringBuilder,
    source: StringBuilder,
    entity: Int64Builder,
    /// Top-level mentions only: where each one's nested mentions end in `nested`.
    nested_ends: Vec<i32>,
    nested: Option<Box<Columns>>,
    source_buf: String,
}

/// A nullable `struct<start, end, char_start, char_end>` column, filled one span at a time.
#[derive(Default)]
struct SpanColumns {
    start: Int64Builder,
    end: Int64Builder,
    char_start: Int64Builder,
    char_end: Int64Builder,
    valid: Vec<bool>,
}

impl SpanColumns {
    fn push(&mut self, span: Option<alam::Span>) {
        // A null span still has child values (zeros): the children are not nullable.
        let (s, e, cs, ce) = span.map_or((0, 0, 0, 0), |s| {
            (s.start(), s.end(), s.char_start(), s.char_end())
        });
        self.start.append_value(s as i64);
        self.end.append_value(e as i64);
        self.char_start.append_value(cs as i64);
        self.char_end.append_value(ce as i64);
        self.valid.push(span.is_some());
    }

    fn finish(&mut self) -> Result<ArrayRef, String> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.char_start.finish()),
            Arc::new(self.char_end.finish()),
        ];
        let nulls = NullBuffer::from(std::mem::take(&mut self.valid));
        let array =
            StructArray::try_new(span_fields(), columns, Some(nulls)).map_err(|e| e.to_string())?;
        Ok(Arc::new(array))
    }
}

fn offset(n: usize) -> Result<i32, String> {
    i32::try_from(n)
        .map_err(|_| "more than 2^31 mentions in one array: pass smaller batches".into())
}

impl Columns {
    fn top() -> Columns {
        Columns {
            nested: Some(Box::default()),
            ..Columns::default()
        }
    }

    fn push(&mut self, m: &Mention) -> Result<(), String> {
        let span = m.span();
        self.kind.append_value(m.kind().as_str());
        self.text.append_value(m.text());
        self.start.append_value(span.start() as i64);
        self.end.append_value(span.end() as i64);
        self.char_start.append_value(span.char_start() as i64);
        self.char_end.append_value(span.char_end() as i64);
        self.title.append_option(m.title());
        self.role.append_option(m.role());
        if self.nested.is_some() {
            self.title_span.push(m.title_span());
            self.role_span.push(m.role_span());
        }
        self.gender.append_option(m.gender().map(|g| g.as_str()));
        self.sub_kind
            .append_option(m.sub_kind().as_ref().map(|s| s.as_str()));
        self.country.append_option(m.country());
        self.source_buf.clear();
        // Written into one buffer: a String per mention was a measurable share of the conversion.
        let _ = write!(self.source_buf, "{}", m.source());
        self.source.append_value(&self.source_buf);
        self.entity.append_value(m.entity() as i64);
        if let Some(nested) = self.nested.as_mut() {
            for n in m.nested() {
                nested.push(n)?;
            }
            let end = offset(nested.kind.len())?;
            self.nested_ends.push(end);
        }
        Ok(())
    }

    fn finish(mut self) -> Result<StructArray, String> {
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(self.kind.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.char_start.finish()),
            Arc::new(self.char_end.finish()),
        ];
        let fields = match self.nested.take() {
            Some(nested) => {
                columns.extend([
                    Arc::new(self.title.finish()) as ArrayRef,
                    self.title_span.finish()?,
                    Arc::new(self.role.finish()),
                    self.role_span.finish()?,
                    Arc::new(self.gender.finish()),
                ]);
                columns.extend(tail(&mut self));
                let values = nested.finish()?;
                let item = Arc::new(Field::new("item", values.data_type().clone(), false));
                let offsets = OffsetBuffer::new(
                    std::iter::once(0)
                        .chain(self.nested_ends.iter().copied())
                        .collect::<Vec<i32>>()
                        .into(),
                );
                let list = ListArray::try_new(item, offsets, Arc::new(values), None)
                    .map_err(|e| e.to_string())?;
                columns.push(Arc::new(list));
                mention_fields()
            }
            None => {
                columns.extend(tail(&mut self));
                nested_fields()
            }
        };
        StructArray::try_new(fields, columns, None).map_err(|e| e.to_string())
    }
}

fn tail(c: &mut Columns) -> [ArrayRef; 4] {
    [
        Arc::new(c.sub_kind.finish()),
        Arc::new(c.country.finish()),
        Arc::new(c.source.finish()),
        Arc::new(c.entity.finish()),
    ]
}

/// The fewest documents in a part of the Arrow result built by one thread: fewer are not worth a thread.
const MIN_CONVERT_CHUNK: usize = 64;

/// The mentions of some documents as one struct array, and how many belong to each document.
type Part = (StructArray, Vec<usize>);

fn mentions_part(docs: &[alam::Document]) -> Result<Part, String> {
    let mut columns = Columns::top();
    let counts = docs
        .iter()
        .map(|doc| {
            for m in doc.mentions() {
                columns.push(m)?;
            }
            Ok(doc.mentions().len())
        })
        .collect::<Result<Vec<usize>, String>>()?;
    Ok((columns.finish()?, counts))
}

/// One list of mentions per document from the parts, in order; a null text gives a null list.
fn mentions_array(
    parts: Vec<Result<Part, String>>,
    nulls: Option<NullBuffer>,
) -> Result<ArrayRef, String> {
    let parts = parts.into_iter().collect::<Result<Vec<Part>, String>>()?;
    let mut ends = vec![0i32];
    let mut total = 0usize;
    for (_, counts) in &parts {
        for c in counts {
            total += c;
            ends.push(offset(total)?);
        }
    }
    let values: ArrayRef = match parts.len() {
        0 => Arc::new(Columns::top().finish()?),
        1 => Arc::new(parts[0].0.clone()),
        _ => {
            let arrays: Vec<&dyn Array> = parts.iter().map(|(a, _)| a as &dyn Array).collect();
            arrow_select::concat::concat(&arrays).map_err(|e| e.to_string())?
        }
    };
    let item = Arc::new(Field::new("item", values.data_type().clone(), false));
    let list = ListArray::try_new(item, OffsetBuffer::new(ends.into()), values, nulls)
        .map_err(|e| e.to_string())?;
    Ok(Arc::new(list))
}

/// alam: people, organizations and places in Arabic text, with exact offsets.
#[pymodule]
fn _alam(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add_class::<PyMention>()?;
    m.add_class::<PySpan>()?;
    m.add("LexiconError", m.py().get_type::<LexiconError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
