"""ctypes declarations of precis.h and the Pythonic layer over them.

The structs the caller allocates (precis_options, precis_error,
precis_html_options) begin with their size, so this binding declares the
layout it knows and the library serves it even when it is newer.
"""
import ctypes
import ctypes.util
import os
import threading
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple, Union

# --------------------------------------------------------------------------
# Loading the library
# --------------------------------------------------------------------------


def _load():
    path = os.environ.get("PRECIS_LIBRARY")
    candidates = [path] if path else []
    try:  # written by cmake --install: where the library is, from here
        from ._installed import LIBRARY
        candidates.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), LIBRARY))
    except ImportError:
        pass
    found = ctypes.util.find_library("precis")
    if found:
        candidates.append(found)
    candidates += ["libprecis.so"]
    errors = []
    for c in candidates:
        try:
            return ctypes.CDLL(c)
        except OSError as e:
            errors.append(f"{c}: {e}")
    raise ImportError("precis: cannot load libprecis; install precis (cmake --install) or "
                      "set PRECIS_LIBRARY to the path of libprecis.so\n  " + "\n  ".join(errors))


_lib = _load()

_size_t = ctypes.c_size_t
_status = ctypes.c_int


class _Error(ctypes.Structure):
    _fields_ = [("size", _size_t), ("status", _status), ("offset", _size_t),
                ("message", ctypes.c_char * 512)]


class _Options(ctypes.Structure):
    _fields_ = [("size", _size_t), ("language", ctypes.c_char_p), ("method", ctypes.c_int),
                ("sentences", _size_t), ("words", _size_t), ("ratio", ctypes.c_double),
                ("keywords", _size_t), ("damping", ctypes.c_double),
                ("tolerance", ctypes.c_double), ("max_iterations", _size_t),
                ("repair_utf8", ctypes.c_int), ("max_bytes", _size_t),
                ("max_sentence_words", _size_t), ("model", ctypes.c_void_p),
                ("seed", ctypes.c_uint64), ("ablate", ctypes.c_uint)]


class _HtmlOptions(ctypes.Structure):
    _fields_ = [("size", _size_t), ("source", ctypes.c_char_p)]


class _Sentence(ctypes.Structure):
    _fields_ = [("index", _size_t), ("start", _size_t), ("end", _size_t),
                ("score", ctypes.c_double), ("text", ctypes.c_char_p), ("text_len", _size_t)]


class _Keyword(ctypes.Structure):
    _fields_ = [("term", ctypes.c_char_p), ("term_len", _size_t), ("score", ctypes.c_double),
                ("count", _size_t)]


class _Timing(ctypes.Structure):
    _fields_ = [(n, ctypes.c_uint64) for n in
                ("text", "segment", "tokenize", "vectors", "rank", "select", "keywords", "total")]


class _Stats(ctypes.Structure):
    _fields_ = [("bytes", _size_t), ("paragraphs", _size_t), ("sentences", _size_t),
                ("candidates", _size_t), ("words", _size_t), ("terms", _size_t),
                ("iterations", _size_t), ("converged", ctypes.c_int),
                ("shortfall", ctypes.c_int), ("repaired", ctypes.c_int),
                ("language", ctypes.c_char_p), ("language_detected", ctypes.c_int),
                ("language_unsure", ctypes.c_int), ("model_used", ctypes.c_int),
                ("method", ctypes.c_char_p), ("timing", _Timing)]


class _RougeScore(ctypes.Structure):
    _fields_ = [("precision", ctypes.c_double), ("recall", ctypes.c_double),
                ("f", ctypes.c_double)]


class _Rouge(ctypes.Structure):
    _fields_ = [("rouge1", _RougeScore), ("rouge2", _RougeScore), ("rougeL", _RougeScore)]


_p = ctypes.c_void_p
_pp = ctypes.POINTER(ctypes.c_void_p)
_err = ctypes.POINTER(_Error)


def _fn(name, restype, *argtypes):
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


_version = _fn("precis_version", ctypes.c_char_p)
_status_string = _fn("precis_status_string", ctypes.c_char_p, _status)
_free = _fn("precis_free", None, _p)
_language_count = _fn("precis_language_count", _size_t)
_language_name = _fn("precis_language_name", ctypes.c_char_p, _size_t)
_method_count = _fn("precis_method_count", _size_t)
_method_name = _fn("precis_method_name", ctypes.c_char_p, ctypes.c_int)
_method_parse = _fn("precis_method_parse", _status, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int))
_options_init = _fn("precis_options_init", _status, ctypes.POINTER(_Options), _size_t)
_model_load = _fn("precis_model_load", _status, ctypes.c_char_p, _pp, _err)
_model_free = _fn("precis_model_free", None, _p)
_model_language = _fn("precis_model_language", ctypes.c_char_p, _p)
_model_documents = _fn("precis_model_documents", ctypes.c_uint64, _p)
_model_terms = _fn("precis_model_terms", _size_t, _p)
_summarizer_new = _fn("precis_summarizer_new", _status, _pp)
_summarizer_free = _fn("precis_summarizer_free", None, _p)
_summarize = _fn("precis_summarize", _status, _p, ctypes.c_char_p, _size_t,
                 ctypes.POINTER(_Options), _pp, _err)
_extract_keywords = _fn("precis_extract_keywords", _status, _p, ctypes.c_char_p, _size_t,
                        ctypes.POINTER(_Options), _pp, _err)
_result_sentence_count = _fn("precis_result_sentence_count", _size_t, _p)
_result_sentence = _fn("precis_result_sentence", ctypes.POINTER(_Sentence), _p, _size_t)
_result_keyword_count = _fn("precis_result_keyword_count", _size_t, _p)
_result_keyword = _fn("precis_result_keyword", ctypes.POINTER(_Keyword), _p, _size_t)
_result_stats = _fn("precis_result_stats", ctypes.POINTER(_Stats), _p)
_html_options_init = _fn("precis_html_options_init", _status, ctypes.POINTER(_HtmlOptions),
                         _size_t)
_result_html = _fn("precis_result_html", _status, _p, ctypes.c_char_p, _size_t,
                   ctypes.POINTER(_HtmlOptions), ctypes.POINTER(ctypes.c_void_p),
                   ctypes.POINTER(_size_t))
_result_json = _fn("precis_result_json", _status, _p, _p, ctypes.POINTER(ctypes.c_void_p),
                   ctypes.POINTER(_size_t))
_result_free = _fn("precis_result_free", None, _p)
_rouge_scorer_new = _fn("precis_rouge_scorer_new", _status, ctypes.c_char_p, _pp, _err)
_rouge_scorer_free = _fn("precis_rouge_scorer_free", None, _p)
_rouge_evaluate = _fn("precis_rouge_evaluate", _status, _p, ctypes.c_char_p, _size_t,
                      ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(_size_t), _size_t,
                      ctypes.POINTER(_Rouge), _err)

# --------------------------------------------------------------------------
# Errors: one class per precis_status
# --------------------------------------------------------------------------


class PrecisError(Exception):
    """A precis call failed. status is the precis_status number, offset the
    byte offset into the input it refers to (None when none applies)."""

    status = -1

    def __init__(self, message: str, status: Optional[int] = None,
                 offset: Optional[int] = None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.offset = offset


class OutOfMemoryError(PrecisError, MemoryError):
    status = 1


class ArgumentError(PrecisError, ValueError):
    status = 2


class EmptyTextError(PrecisError, ValueError):
    status = 3


class BinaryTextError(PrecisError, ValueError):
    status = 4


class InvalidUTF8Error(PrecisError, ValueError):
    status = 5


class TextTooLargeError(PrecisError, ValueError):
    status = 6


class OneSentenceError(PrecisError, ValueError):
    status = 7


class NoStructureError(PrecisError, ValueError):
    status = 8


class UnknownLanguageError(PrecisError, ValueError):
    status = 9


class NumericError(PrecisError, ArithmeticError):
    status = 10


class ModelError(PrecisError, ValueError):
    status = 11


class PrecisIOError(PrecisError, OSError):
    status = 12


_ERRORS = {c.status: c for c in (OutOfMemoryError, ArgumentError, EmptyTextError,
                                 BinaryTextError, InvalidUTF8Error, TextTooLargeError,
                                 OneSentenceError, NoStructureError, UnknownLanguageError,
                                 NumericError, ModelError, PrecisIOError)}
_NO_OFFSET = ctypes.c_size_t(-1).value


def _new_error() -> _Error:
    e = _Error()
    e.size = ctypes.sizeof(_Error)
    e.offset = _NO_OFFSET
    return e


def _raise(status: int, err: Optional[_Error] = None):
    message = ""
    offset = None
    if err is not None and err.status == status:
        message = err.message.decode("utf-8", "replace")
        offset = None if err.offset == _NO_OFFSET else err.offset
    if not message:
        message = _status_string(status).decode()
    cls = _ERRORS.get(status, PrecisError)
    raise cls(message, status, offset)


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A summary sentence: its position among the document's sentences, its
    byte range in the UTF-8 input, its score and its text (NFC, white space
    collapsed)."""
    index: int
    start: int
    end: int
    score: float
    text: str


@dataclass(frozen=True)
class Keyword:
    """A key term in its most frequent spelling, its score and occurrences."""
    term: str
    score: float
    count: int


@dataclass(frozen=True)
class Stats:
    """Facts about the document and the run (precis_stats)."""
    bytes: int
    paragraphs: int
    sentences: int
    candidates: int
    words: int
    terms: int
    iterations: int
    converged: bool
    shortfall: bool
    repaired: bool
    language: str
    language_detected: bool
    language_unsure: bool
    model_used: bool
    method: str
    seconds: float = field(compare=False)  # the call's duration: not part of the result


@dataclass(frozen=True)
class Summary:
    """What precis found in a text: summary sentences in document order, key
    terms best first, and stats. html() renders the HTML view."""
    sentences: Tuple[Sentence, ...]
    keywords: Tuple[Keyword, ...]
    stats: Stats
    _html: str
    _json: str

    def __str__(self) -> str:
        return "\n".join(s.text for s in self.sentences)

    def html(self) -> str:
        """One self-contained HTML page: the article with the summary outlined,
        every sentence shaded by its score and the key terms marked."""
        return self._html

    def json(self) -> str:
        """The result as JSON, schema precis/1 (docs/json-schema.md)."""
        return self._json


@dataclass(frozen=True)
class RougeScore:
    precision: float
    recall: float
    f: float


@dataclass(frozen=True)
class Rouge:
    rouge1: RougeScore
    rouge2: RougeScore
    rougeL: RougeScore


# --------------------------------------------------------------------------
# Objects
# --------------------------------------------------------------------------


def _text_bytes(text: Union[str, bytes]) -> bytes:
    if isinstance(text, str):
        return text.encode("utf-8", "surrogatepass")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"text must be str or bytes, not {type(text).__name__}")


class Model:
    """A trained model (precis model build): corpus document frequencies that
    give better term weights. Immutable; share it between threads."""

    def __init__(self, path: Union[str, os.PathLike]):
        handle = ctypes.c_void_p()
        err = _new_error()
        st = _model_load(os.fsencode(path), ctypes.byref(handle), ctypes.byref(err))
        if st != 0:
            _raise(st, err)
        self._handle = handle
        self.path = os.fspath(path)
        self.language = _model_language(handle).decode()
        self.documents = int(_model_documents(handle))
        self.terms = int(_model_terms(handle))

    def __del__(self):
        if getattr(self, "_handle", None):
            _model_free(self._handle)
            self._handle = None

    def __repr__(self):
        return (f"Model({self.path!r}: {self.language}, {self.documents} documents, "
                f"{self.terms} terms)")


class Summarizer:
    """Summarising state (stemmers, caches): use one per thread."""

    def __init__(self):
        handle = ctypes.c_void_p()
        st = _summarizer_new(ctypes.byref(handle))
        if st != 0:
            _raise(st)
        self._handle = handle

    def __del__(self):
        if getattr(self, "_handle", None):
            _summarizer_free(self._handle)
            self._handle = None

    def summarize(self, text: Union[str, bytes], *, sentences: int = 3,
                  words: Optional[int] = None, ratio: Optional[float] = None,
                  keywords: int = 10, language: str = "auto", method: str = "news",
                  model: Optional[Model] = None, repair_utf8: bool = False,
                  source: Optional[str] = None) -> Summary:
        """Summarise text (str, or UTF-8 bytes). Budget: ratio of the words if
        given, else up to `words` words if given, else `sentences` sentences.
        `model` is a Model (or the path of one). Raises a PrecisError."""
        return self._run(_summarize, text, sentences, words, ratio, keywords, language,
                         method, model, repair_utf8, source)

    def keywords(self, text: Union[str, bytes], *, k: int = 10, language: str = "auto",
                 model: Optional[Model] = None, repair_utf8: bool = False) -> List[Keyword]:
        """The k best key terms of text, best first; also works on one sentence."""
        return list(self._run(_extract_keywords, text, 3, None, None, k, language, "news",
                              model, repair_utf8, None).keywords)

    def _run(self, call, text, sentences, words, ratio, keywords, language, method, model,
             repair_utf8, source) -> Summary:
        data = _text_bytes(text)
        if isinstance(model, (str, os.PathLike)):
            model = Model(model)
        o = _Options()
        _options_init(ctypes.byref(o), ctypes.sizeof(o))
        o.language = language.encode()
        m = ctypes.c_int()
        if _method_parse(method.encode(), ctypes.byref(m)) != 0:
            raise ArgumentError(f"unknown method {method!r}; known: {', '.join(methods())}",
                                ArgumentError.status)
        o.method = m.value
        o.sentences = sentences
        o.words = words or 0
        o.ratio = ratio or 0.0
        o.keywords = keywords
        o.repair_utf8 = int(bool(repair_utf8))
        o.model = model._handle if model is not None else None
        result = ctypes.c_void_p()
        err = _new_error()
        st = call(self._handle, data, len(data), ctypes.byref(o), ctypes.byref(result),
                  ctypes.byref(err))
        if st != 0:
            _raise(st, err)
        try:
            return _summary(result, data, source)
        finally:
            _result_free(result)


def _buffer(call, *args) -> str:
    out = ctypes.c_void_p()
    n = _size_t()
    st = call(*args, ctypes.byref(out), ctypes.byref(n))
    if st != 0:
        _raise(st)
    try:
        return ctypes.string_at(out, n.value).decode("utf-8")
    finally:
        _free(out)


def _summary(result, data: bytes, source: Optional[str]) -> Summary:
    sents = []
    for i in range(_result_sentence_count(result)):
        s = _result_sentence(result, i).contents
        sents.append(Sentence(s.index, s.start, s.end, s.score,
                              ctypes.string_at(s.text, s.text_len).decode("utf-8")))
    keys = []
    for i in range(_result_keyword_count(result)):
        k = _result_keyword(result, i).contents
        keys.append(Keyword(ctypes.string_at(k.term, k.term_len).decode("utf-8"), k.score,
                            k.count))
    st = _result_stats(result).contents
    stats = Stats(st.bytes, st.paragraphs, st.sentences, st.candidates, st.words, st.terms,
                  st.iterations, bool(st.converged), bool(st.shortfall), bool(st.repaired),
                  st.language.decode(), bool(st.language_detected), bool(st.language_unsure),
                  bool(st.model_used), st.method.decode(), st.timing.total / 1e9)
    ho = _HtmlOptions()
    _html_options_init(ctypes.byref(ho), ctypes.sizeof(ho))
    ho.source = source.encode() if source else None
    page = _buffer(_result_html, result, data, len(data), ctypes.byref(ho))
    js = _buffer(_result_json, result, None)
    return Summary(tuple(sents), tuple(keys), stats, page, js)


class RougeScorer:
    """ROUGE exactly as ROUGE-1.5.5 -c 95 -m -n 2 -a computes it. Needs
    WordNet's exception lists (Debian: wordnet-base), from wordnet_dir or
    /usr/share/wordnet. Thread-safe once made."""

    def __init__(self, wordnet_dir: Optional[str] = None):
        handle = ctypes.c_void_p()
        err = _new_error()
        st = _rouge_scorer_new(os.fsencode(wordnet_dir) if wordnet_dir else None,
                               ctypes.byref(handle), ctypes.byref(err))
        if st != 0:
            _raise(st, err)
        self._handle = handle

    def __del__(self):
        if getattr(self, "_handle", None):
            _rouge_scorer_free(self._handle)
            self._handle = None

    def score(self, candidate: Union[str, Sequence[str]],
              references: Sequence[Union[str, Sequence[str]]]) -> Rouge:
        """Score a candidate against one or more references. Each is a str with
        one sentence per line, or a list of sentences."""
        if isinstance(references, (str, bytes)):
            raise TypeError("references must be a list of texts, not one text")
        if not references:
            raise ArgumentError("ROUGE needs at least one reference", ArgumentError.status)

        def lines(t):
            return _text_bytes(t if isinstance(t, (str, bytes)) else "\n".join(t))
        cand = lines(candidate)
        refs = [lines(r) for r in references]
        arr = (ctypes.c_char_p * len(refs))(*refs)
        lens = (_size_t * len(refs))(*[len(r) for r in refs])
        out = _Rouge()
        err = _new_error()
        st = _rouge_evaluate(self._handle, cand, len(cand), arr, lens, len(refs),
                             ctypes.byref(out), ctypes.byref(err))
        if st != 0:
            _raise(st, err)

        def s(x):
            return RougeScore(x.precision, x.recall, x.f)
        return Rouge(s(out.rouge1), s(out.rouge2), s(out.rougeL))


# --------------------------------------------------------------------------
# Module-level convenience: one summarizer per thread
# --------------------------------------------------------------------------

_local = threading.local()
_scorer_lock = threading.Lock()
_scorer: Optional[RougeScorer] = None


def _summarizer() -> Summarizer:
    s = getattr(_local, "summarizer", None)
    if s is None:
        s = _local.summarizer = Summarizer()
    return s


def summarize(text: Union[str, bytes], **options) -> Summary:
    """Summarise text; options as Summarizer.summarize."""
    return _summarizer().summarize(text, **options)


def keywords(text: Union[str, bytes], k: int = 10, **options) -> List[Keyword]:
    """Key terms of text, best first; options as Summarizer.keywords."""
    return _summarizer().keywords(text, k=k, **options)


def rouge(candidate, references, wordnet_dir: Optional[str] = None) -> Rouge:
    """ROUGE-1, -2 and -L of candidate against references (see RougeScorer)."""
    global _scorer
    if wordnet_dir is not None:
        return RougeScorer(wordnet_dir).score(candidate, references)
    with _scorer_lock:
        if _scorer is None:
            _scorer = RougeScorer()
    return _scorer.score(candidate, references)


def languages() -> List[str]:
    """The languages precis can stem (canonical English names)."""
    return [_language_name(i).decode() for i in range(_language_count())]


def methods() -> List[str]:
    """The sentence-scoring methods ("news" is the default)."""
    return [_method_name(i).decode() for i in range(_method_count())]


def library_version() -> str:
    """The version of the libprecis loaded."""
    return _version().decode()
