"""alam: people, organizations and places in Arabic text, with exact offsets.

A thin binding of the Rust crate ``alam``: gazetteers and pattern rules, no model, no downloads.

>>> import alam
>>> ex = alam.Extractor()
>>> text = "وصل الأستاذ محمد عبدالله الحامد إلى مدينة المكلا"
>>> [(m.kind, m.text, m.title) for m in ex.extract(text)]
[('person', 'محمد عبدالله الحامد', 'الأستاذ'), ('place', 'المكلا', None)]

Offsets: ``start``/``end`` are UTF-8 byte offsets (as in the Rust crate and in Arrow string buffers);
``char_start``/``char_end`` are code point offsets, i.e. Python ``str`` indices, so
``text[m.char_start:m.char_end] == m.text`` always holds. Ends are exclusive.

``Extractor()`` with no arguments shares the compiled default lexicons, built once per process.
Extraction releases the GIL; ``extract_many`` and ``extract_arrow`` run over all cores (``RAYON_NUM_THREADS``
limits the threads) and are safe to use in a child process after ``os.fork()``.
"""

from ._alam import Extractor, LexiconError, Mention, __version__

__all__ = ["Extractor", "LexiconError", "Mention", "__version__"]
