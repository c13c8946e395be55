"""alam: people, organizations and places in Arabic text, with exact offsets.

A thin binding of the Rust crate ``alam``: gazetteers and pattern rules, no model, no downloads.

>>> import alam
>>> ex = alam.Extractor()
>>> text = "وصل الأستاذ محمد عبدالله الحامد إلى مدينة المكلا"
>>> [(m.kind, m.text, m.title) for m in ex.extract(text)]
[('person', 'محمد عبدالله الحامد', 'الأستاذ'), ('place', 'المكلا', None)]

Offsets: ``start``/``end`` are UTF-8 byte offsets (as in the Rust crate and in Arrow string buffers);
``char_start``/``char_end`` are code point offsets, i.e. Python ``str`` indices, so
``text[m.char_start:m.char_end] == m.text`` always holds. Ends are exclusive. A person's
``title_span`` and ``role_span`` say where its title and role stand in the text, as a :class:`Span`
with the same four offsets (or None):

>>> t = "وقال وزير الخارجية الدكتور عبدالعزيز سعيد الصيغ"
>>> p = ex.extract(t)[0]
>>> p.role, t[p.role_span.char_start:p.role_span.char_end]
('وزير الخارجية', 'وزير الخارجية')
>>> p.title_span
Span(start=35, end=49, char_start=19, char_end=26)

``Extractor()`` with no arguments shares the compiled default lexicons, built once per process.
Extraction releases the GIL; ``extract_many`` and ``extract_arrow`` run over all cores (``RAYON_NUM_THREADS``
limits the threads) and are safe to use in a child process after ``os.fork()``.
"""

from ._alam import Extractor, LexiconError, Mention, Span, __version__

__all__ = ["Extractor", "LexiconError", "Mention", "Span", "__version__"]
