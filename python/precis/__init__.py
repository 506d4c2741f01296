"""precis for Python: extractive summaries, key terms and ROUGE.

A thin ctypes binding of libprecis (the C library; nothing to compile)::

    import precis

    summary = precis.summarize(text, sentences=3)
    for s in summary.sentences:
        print(s.text)
    for k in summary.keywords:
        print(f"{k.score:.3f} {k.term}")

    precis.keywords(abstract, k=5)                 # key terms only
    precis.rouge(candidate, [reference]).rouge1.f  # ROUGE-1.5.5 -c 95 -m -n 2 -a

Results are frozen dataclasses; failures raise a PrecisError subclass per
precis status (EmptyTextError, InvalidUTF8Error, OneSentenceError, ...),
which also derive from the matching built-in exception (ValueError,
OSError, MemoryError) where there is one.

The library is found through $PRECIS_LIBRARY (a path to libprecis.so), then
beside the package where cmake --install put both, then the system's
library path. A Summarizer is for one
thread at a time; the module-level functions keep one per thread.
"""
from ._binding import (
    ArgumentError,
    BinaryTextError,
    EmptyTextError,
    InvalidUTF8Error,
    Keyword,
    Model,
    ModelError,
    NoStructureError,
    NumericError,
    OneSentenceError,
    OutOfMemoryError,
    PrecisError,
    PrecisIOError,
    Rouge,
    RougeScore,
    RougeScorer,
    Sentence,
    Stats,
    Summarizer,
    Summary,
    TextTooLargeError,
    UnknownLanguageError,
    keywords,
    languages,
    library_version,
    methods,
    rouge,
    summarize,
)

__all__ = [
    "summarize", "keywords", "rouge", "languages", "methods", "library_version",
    "Summarizer", "Model", "RougeScorer",
    "Summary", "Sentence", "Keyword", "Stats", "Rouge", "RougeScore",
    "PrecisError", "OutOfMemoryError", "ArgumentError", "EmptyTextError",
    "BinaryTextError", "InvalidUTF8Error", "TextTooLargeError", "OneSentenceError",
    "NoStructureError", "UnknownLanguageError", "NumericError", "ModelError",
    "PrecisIOError",
]
__version__ = library_version()
