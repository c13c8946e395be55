"""The Python binding against the Rust crate: same mentions, offsets in bytes and chars, errors as
exceptions, Arrow in and out, and use after fork()."""

import os
import pickle
import signal
import threading

import pytest

import alam
from conftest import PERSON_FIELDS, SEED, as_json, without_file

# Invented sentences, each with a person with a title, a place and an organization.
TEXTS = [
    "وصل الأستاذ محمد عبدالله الحامد إلى مدينة المكلا صباح الخميس",
    "وعقد مؤتمر حضرموت الجامع ندوته في مقر وزارة الصحة العامة والسكان",
    "وقدّمت الدكتورة أوسان محمد باحسين ورقة عن التعليم في محافظة حضرموت",
    "",
    "لا أحد هنا",
]


@pytest.fixture(scope="module")
def ex():
    return alam.Extractor()


def test_seed_article_gives_what_the_rust_example_gives(ex, rust_extract):
    text = SEED.read_text(encoding="utf-8")
    rows = rust_extract("--format", "jsonl", str(SEED))
    assert {r["file"] for r in rows} == {str(SEED)}  # a file's rows name it; Python has no file
    want = without_file(rows)
    found = ex.extract(text)
    got = [as_json(m.to_dict()) for m in found]
    assert len(got) >= 15 and {m["kind"] for m in got} == {"person", "organization", "place"}
    assert got == want  # every field, title_span and role_span included
    assert any(m.title_span for m in found) and any(m.role_span for m in found)
    assert_spans(text, found)


def test_lines_match_the_rust_example_with_lines(ex, rust_extract):
    text = "\n".join(TEXTS) + "\n"
    want = without_file(rust_extract("--lines", "-", stdin=text))
    got = []
    for n, doc in enumerate(ex.extract_many(TEXTS), start=1):
        got.extend(dict(as_json(m.to_dict()), line=n) for m in doc)
    assert {m["line"] for m in got} == {1, 2, 3}
    assert got == want


def assert_spans(text, mentions):
    """Each title_span and role_span of a person is where its title or role stands in the text, in
    bytes and in chars, before the name; other kinds have none."""
    raw = text.encode("utf-8")
    for m in mentions:
        if m.kind != "person":
            assert (m.title_span, m.role_span) == (None, None)
            continue
        for span in (m.title_span, m.role_span):
            if span is not None:
                written = text[span.char_start : span.char_end]
                assert raw[span.start : span.end].decode("utf-8") == written
                assert span.char_end <= m.char_start and span.end <= m.start
        if m.role_span is not None:
            assert text[m.role_span.char_start : m.role_span.char_end] == m.role
            if m.title_span is not None:
                assert m.role_span.char_end <= m.title_span.char_start
        if m.title_span is not None:
            assert m.title is not None


def test_title_and_role_spans(ex):
    text = "وقال وزير الخارجية الدكتور عبدالعزيز سعيد الصيغ في مدينة عدن"
    person, place = ex.extract(text)
    assert (person.title, person.role) == ("الدكتور", "وزير الخارجية")
    t, r = person.title_span, person.role_span
    assert isinstance(t, alam.Span) and isinstance(r, alam.Span)
    assert text[t.char_start : t.char_end] == person.title
    assert text[r.char_start : r.char_end] == person.role
    assert text.encode()[t.start : t.end].decode() == person.title
    assert (r.start, r.char_start) == (len("وقال ".encode()), len("وقال "))
    offsets = (t.start, t.end, t.char_start, t.char_end)
    assert t.to_dict() == dict(zip(("start", "end", "char_start", "char_end"), offsets))
    assert person.to_dict()["title_span"] == t.to_dict()
    assert repr(t) == "Span(start={}, end={}, char_start={}, char_end={})".format(*offsets)
    assert f"title_span={t!r}" in repr(person) and f"role_span={r!r}" in repr(person)
    assert t == ex.extract(text)[0].title_span and hash(t) == hash(ex.extract(text)[0].title_span)
    assert t != r
    with pytest.raises(AttributeError):
        t.start = 0
    assert (place.title_span, place.role_span) == (None, None)
    # Clitics are not part of the title span; the title is the canonical form, which can differ from
    # what the span covers (ل + ال is written لل).
    text = "والأستاذة أوسان محمد باحسين"
    m = ex.extract(text)[0]
    assert text[m.title_span.char_start : m.title_span.char_end] == m.title == "الأستاذة"
    text = "وللأستاذة أوسان محمد باحسين"
    m = ex.extract(text)[0]
    written = text[m.title_span.char_start : m.title_span.char_end]
    assert (m.title, written) == ("الأستاذة", "لأستاذة")
    assert_spans(text, [m])
    # A later mention of a titled person carries the title but no title_span.
    text = "قال الأستاذ محمد عبدالله العمودي إن العمودي"
    first, later = ex.extract(text)
    assert text[first.title_span.char_start : first.title_span.char_end] == "الأستاذ"
    assert (later.title, later.title_span) == ("الأستاذ", None)


@pytest.mark.parametrize(
    "text",
    [
        *TEXTS[:3],
        # A character outside the BMP before the name: one Python index, four UTF-8 bytes.
        "😀 قال الدكتور عبدالعزيز سعيد الصيغ 😀 في مدينة المُكَلّا",
        # Invisible marks and harakat around the place.
        "وصلوا \u200fبالمُكَلّا\u200e أمس",
    ],
)
def test_byte_and_char_offsets(ex, text):
    found = ex.extract(text)
    assert found
    raw = text.encode("utf-8")
    for m in found:
        assert text[m.char_start : m.char_end] == m.text
        assert raw[m.start : m.end].decode("utf-8") == m.text
        for n in m.nested:
            assert text[n.char_start : n.char_end] == n.text
    assert_spans(text, found)


def test_mention_fields_and_value_semantics(ex):
    a = ex.extract(TEXTS[0])
    b = ex.extract(TEXTS[0])
    person, place = a
    assert (person.kind, person.text, person.title, person.gender) == (
        "person",
        "محمد عبدالله الحامد",
        "الأستاذ",
        "male",
    )
    assert (place.kind, place.text, place.title, place.country) == ("place", "المكلا", None, "YE")
    assert person.source == "rule:title-name"
    assert a == b and hash(a[0]) == hash(b[0]) and a[0] != a[1]
    assert len({*a, *b}) == 2
    with pytest.raises(AttributeError):
        person.text = "x"
    assert repr(person).startswith("Mention(kind='person', text='محمد عبدالله الحامد', start=")
    assert list(person.to_dict()) == [
        "kind", "text", "start", "end", "char_start", "char_end", "title", "title_span", "role",
        "role_span", "gender", "sub_kind", "country", "source", "entity", "nested",
    ]  # fmt: skip
    org = ex.extract(TEXTS[1])[0]
    assert org.nested[0].text == "حضرموت"
    assert org.to_dict()["nested"][0]["kind"] == "place"


def test_extract_many_is_extract_of_each(ex):
    texts = TEXTS * 50
    assert ex.extract_many(texts) == [ex.extract(t) for t in texts]
    assert ex.extract_many(iter(TEXTS)) == ex.extract_many(TEXTS)
    assert ex.extract_many([]) == []


def test_options(tmp_path):
    lex = tmp_path / "towns.tsv"
    lex.write_text("# my towns\nالقلوعة\tplace\tsub=town\tcountry=YE\n", encoding="utf-8")
    custom = alam.Extractor([lex])
    m = custom.extract("وصلنا إلى القلوعة أمس")[0]
    assert (m.text, m.sub_kind, m.source) == ("القلوعة", "town", f"lexicon:{lex}:2")
    assert alam.Extractor().extract("وصلنا إلى القلوعة أمس") == []
    only = alam.Extractor(bundled=False, lexicons=[str(lex)])
    # Without the bundled lexicons no place of the text is known and nothing comes from a list; rules that
    # need no list (a name written عبد + a divine name) still run.
    found = only.extract(TEXTS[0])
    assert [m for m in found if m.kind == "place" or m.source.startswith("lexicon:")] == []
    places = alam.Extractor(kinds=["place"])
    assert [m.kind for m in places.extract(TEXTS[0])] == ["place"]
    text = "الأستاذ محمد عبدالله العمودي قال إن العمودي"
    assert len(alam.Extractor().extract(text)) == 2
    assert len(alam.Extractor(document_pass=False).extract(text)) == 1
    # Over 64 KiB: read again segment by segment, the same mentions.
    long = "\n".join(TEXTS) * (70_000 // len("\n".join(TEXTS)) + 2)
    assert len(long.encode()) > 1 << 16
    lean = alam.Extractor(low_memory=True)
    assert "low_memory=True" in repr(lean)
    assert lean.extract(long) == alam.Extractor().extract(long)


def test_bad_input_raises(ex, tmp_path):
    for bad in (3, None, b"bytes", ["list"]):
        with pytest.raises(TypeError, match="extract\\(\\) takes a str"):
            ex.extract(bad)
    with pytest.raises(TypeError, match="not a str"):
        ex.extract_many("نص")
    with pytest.raises(TypeError, match="item 1 is int"):
        ex.extract_many(["نص", 1])
    with pytest.raises(TypeError):
        ex.extract_many(5)
    # A lone surrogate is no Unicode scalar value: it cannot be UTF-8.
    with pytest.raises(UnicodeEncodeError):
        ex.extract("عدن \ud800")


def test_bad_lexicon_names_file_and_line(tmp_path):
    lex = tmp_path / "bad.tsv"
    lex.write_text("القلوعة\tplace\tsub=town\nالمريخ\tplanet\n", encoding="utf-8")
    with pytest.raises(alam.LexiconError) as info:
        alam.Extractor([lex])
    err = info.value
    assert isinstance(err, ValueError)
    assert str(err) == f"{lex}:2: unknown kind `planet`"
    assert (err.file, err.line, err.reason) == (str(lex), 2, "unknown kind `planet`")

    bad_utf8 = tmp_path / "latin1.tsv"
    bad_utf8.write_bytes("عدن\tplace\tsub=city\n".encode() + b"caf\xe9\tplace\tsub=city\n")
    with pytest.raises(alam.LexiconError, match=r"latin1\.tsv:2: invalid UTF-8 at byte offset") as info:
        alam.Extractor([bad_utf8])
    assert info.value.line == 2

    missing = tmp_path / "missing.tsv"
    with pytest.raises(FileNotFoundError, match=f"cannot read {missing}"):
        alam.Extractor([missing])
    with pytest.raises(ValueError, match="unknown mention kind `planet`"):
        alam.Extractor(kinds=["planet"])
    with pytest.raises(TypeError):
        alam.Extractor(lexicons=3)


def test_pickle_rebuilds_the_same_extractor(tmp_path):
    lex = tmp_path / "towns.tsv"
    lex.write_text("القلوعة\tplace\tsub=town\n", encoding="utf-8")
    ex = alam.Extractor([lex], kinds=["place"], document_pass=False, low_memory=True)
    again = pickle.loads(pickle.dumps(ex))
    assert repr(again) == repr(ex)
    assert again.extract("من القلوعة إلى مدينة المكلا") == ex.extract("من القلوعة إلى مدينة المكلا")


def test_threads_share_one_extractor(ex):
    want = [ex.extract(t) for t in TEXTS]
    results = [None] * 4

    def work(i):
        results[i] = [ex.extract(t) for t in TEXTS * 20][: len(TEXTS)]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [want] * 4


def test_use_after_fork(ex):
    texts = TEXTS * 200
    want = ex.extract_many(texts)  # the parent's thread pool exists before the fork
    pid = os.fork()
    if pid == 0:  # the child: a deadlock here would hang the test, so an alarm ends it
        status = 1
        try:
            signal.alarm(60)
            again = alam.Extractor()
            ok = ex.extract_many(texts) == want and again.extract_many(texts[:5]) == want[:5]
            status = 0 if ok else 3
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status), f"child ended by signal {os.WTERMSIG(status)}"
    assert os.WEXITSTATUS(status) == 0
    assert ex.extract_many(texts) == want  # the parent's pool still works


pa = pytest.importorskip("pyarrow")


@pytest.mark.parametrize("arrow_type", [pa.string(), pa.large_string(), pa.string_view()])
def test_extract_arrow_round_trip(ex, arrow_type):
    texts = [*TEXTS, None, *TEXTS]
    arr = pa.array(texts, type=arrow_type)
    out = ex.extract_arrow(arr)
    assert out.type == alam.Extractor.arrow_type()
    item = out.type.value_type
    for name in ("title_span", "role_span"):
        field = item.field(name)
        assert field.nullable and [f.name for f in field.type] == ["start", "end", "char_start", "char_end"]
    assert len(out) == len(texts)
    got = out.to_pylist()
    for text, mentions in zip(texts, got):
        if text is None:
            assert mentions is None
        else:
            assert mentions == [as_flat(m.to_dict()) for m in ex.extract(text)]
    # A slice starts at an offset into the same buffers: read in place, no copy.
    assert ex.extract_arrow(arr.slice(1, 2)).to_pylist() == got[1:3]


def as_flat(d: dict) -> dict:
    """A to_dict() as Arrow has it: nested mentions carry no person fields."""
    d = dict(d)
    d["nested"] = [
        {k: v for k, v in n.items() if k not in (*PERSON_FIELDS, "nested")}
        for n in d["nested"]
    ]
    return d


def test_extract_arrow_rejects_other_types(ex):
    with pytest.raises(TypeError, match="string, large_string or string_view array, not Int64"):
        ex.extract_arrow(pa.array([1, 2]))
    with pytest.raises(TypeError, match="pyarrow Array of strings"):
        ex.extract_arrow(["plain", "list"])
    chunked = pa.chunked_array([["في مدينة عدن"], ["في مدينة المكلا"]])
    with pytest.raises(TypeError, match="ChunkedArray"):
        ex.extract_arrow(chunked)
    assert [len(ex.extract_arrow(c)) for c in chunked.chunks] == [1, 1]


def test_module_docs_hold():
    import doctest

    failures, tried = doctest.testmod(alam, verbose=False)
    assert tried >= 3 and failures == 0
    assert "byte offsets" in alam.__doc__ and "str`` indices" in alam.__doc__
    assert "LexiconError" in alam.Extractor.__doc__
    assert alam.Extractor.extract.__doc__.startswith("Every mention")
