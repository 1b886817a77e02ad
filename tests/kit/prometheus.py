"""A strict reader of Prometheus' text exposition format 0.0.4, for the tests of GET /metrics:
every family has exactly one # HELP and one # TYPE before its samples, samples of a family are
not interleaved with another's, names, labels and escapes are as the format defines them, no
series appears twice, and histograms hold together (cumulative buckets ending in +Inf, equal to
_count, with a _sum). Anything else raises FormatError naming the line."""
import math
import re

NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
LABEL = r"[a-zA-Z_][a-zA-Z0-9_]*"
TYPES = ("counter", "gauge", "histogram", "summary", "untyped")
_SAMPLE = re.compile(r"^(%s)(?:\{(.*)\})? (\S+)(?: (-?[0-9]+))?$" % NAME)
_LABEL_PAIR = re.compile(r'(%s)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)' % LABEL)


class FormatError(ValueError):
    pass


def _number(text, where):
    if text in ("+Inf", "-Inf", "NaN"):
        return float(text.replace("Inf", "inf").replace("NaN", "nan"))
    if not re.match(r"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$", text):
        raise FormatError("%s: %r is not a number" % (where, text))
    return float(text)


def _labels(text, where):
    labels = {}
    rest = text
    while rest:
        m = _LABEL_PAIR.match(rest)
        if not m:
            raise FormatError("%s: bad labels %r" % (where, text))
        name, value = m.group(1), re.sub(r"\\(.)", lambda e: {"n": "\n"}.get(e.group(1),
                                                                         e.group(1)), m.group(2))
        if name in labels:
            raise FormatError("%s: label %s twice" % (where, name))
        labels[name] = value
        rest = rest[m.end():]
    return labels


class Family:
    def __init__(self, name):
        self.name, self.help, self.type = name, None, None
        self.samples = {}          # (sample name, sorted label pairs) -> value

    def owns(self, sample):
        if self.type in ("histogram", "summary"):
            return sample in (self.name + "_bucket", self.name + "_sum", self.name + "_count",
                              self.name)
        return sample == self.name


class Scrape:
    """The families of one page: .families {name: Family}; .value(sample, **labels)."""

    def __init__(self, families):
        self.families = families

    def value(self, sample, **labels):
        """The sample's value (exactly these labels), or None when the page has no such
        series."""
        key = (sample, tuple(sorted(labels.items())))
        for f in self.families.values():
            if key in f.samples:
                return f.samples[key]
        return None

    def series(self, sample):
        """{label pairs: value} of every series of `sample`."""
        return {k[1]: v for f in self.families.values() for k, v in f.samples.items()
                if k[0] == sample}


def parse(text):
    if not text.endswith("\n"):
        raise FormatError("the page must end with a line feed")
    families = {}
    current = None
    closed = set()
    for n, line in enumerate(text.split("\n")[:-1], 1):
        where = "line %d" % n
        if not line.strip():
            continue
        if line.startswith("#"):
            m = re.match(r"^# (HELP|TYPE) (%s) (.*)$" % NAME, line)
            if not m:
                continue                        # a plain comment
            kind, name, rest = m.groups()
            if name in closed:
                raise FormatError("%s: %s of %s after its samples ended" % (where, kind, name))
            if current is not None and current.name != name:
                closed.add(current.name)
            f = families.setdefault(name, Family(name))
            if f.samples:
                raise FormatError("%s: %s of %s after its samples" % (where, kind, name))
            if kind == "HELP":
                if f.help is not None:
                    raise FormatError("%s: a second HELP for %s" % (where, name))
                if re.search(r"\\[^\\n]", rest.replace("\\\\", "")):
                    raise FormatError("%s: HELP escapes only \\\\ and \\n" % where)
                f.help = rest
            else:
                if f.type is not None:
                    raise FormatError("%s: a second TYPE for %s" % (where, name))
                if rest not in TYPES:
                    raise FormatError("%s: unknown type %r" % (where, rest))
                f.type = rest
            current = f
            continue
        m = _SAMPLE.match(line)
        if not m:
            raise FormatError("%s: not a sample: %r" % (where, line))
        sample, label_text, value_text, _ = m.groups()
        if current is None or not current.owns(sample):
            raise FormatError("%s: %s is not a sample of the family above it" % (where, sample))
        if current.help is None or current.type is None:
            raise FormatError("%s: %s has no HELP or no TYPE" % (where, current.name))
        labels = _labels(label_text or "", where)
        value = _number(value_text, where)
        key = (sample, tuple(sorted(labels.items())))
        if key in current.samples:
            raise FormatError("%s: series %r twice" % (where, key))
        if current.type == "counter" and not value >= 0:
            raise FormatError("%s: counter %s is %r" % (where, sample, value))
        current.samples[key] = value
    for f in families.values():
        if f.help is None or f.type is None:
            raise FormatError("%s has no HELP or no TYPE" % f.name)
        if f.type == "histogram":
            _check_histogram(f)
    return Scrape(families)


def _check_histogram(f):
    groups = {}
    for (sample, labels), value in f.samples.items():
        base = tuple(p for p in labels if p[0] != "le")
        g = groups.setdefault(base, {"buckets": [], "sum": None, "count": None})
        if sample == f.name + "_bucket":
            le = dict(labels).get("le")
            if le is None:
                raise FormatError("%s: a bucket without le" % f.name)
            g["buckets"].append((_number(le, f.name), value))
        elif sample == f.name + "_sum":
            g["sum"] = value
        elif sample == f.name + "_count":
            g["count"] = value
        else:
            raise FormatError("%s: %s in a histogram" % (f.name, sample))
    for base, g in groups.items():
        buckets = sorted(g["buckets"])
        if not buckets or buckets[-1][0] != math.inf:
            raise FormatError("%s%r: no +Inf bucket" % (f.name, base))
        if g["sum"] is None or g["count"] is None:
            raise FormatError("%s%r: no _sum or no _count" % (f.name, base))
        counts = [v for _, v in buckets]
        if counts != sorted(counts):
            raise FormatError("%s%r: buckets are not cumulative: %r" % (f.name, base, buckets))
        if counts[-1] != g["count"]:
            raise FormatError("%s%r: +Inf bucket %r but _count %r" % (f.name, base, counts[-1],
                                                                     g["count"]))
