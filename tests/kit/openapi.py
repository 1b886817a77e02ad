"""Checks an HTTP answer against docs/openapi.yaml: its operation, status, headers, content type
and body (JSON Schema 2020-12, as OpenAPI 3.1 uses). Needs Debian's python3-yaml and
python3-jsonschema (run under /usr/bin/python3)."""
import collections
import datetime
import functools
import ipaddress
import json
import os
import re

import jsonschema
import yaml

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DESCRIPTION = os.path.join(REPO, "docs", "openapi.yaml")

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Leading bytes of the binary answers, checked on a whole file (200).
MAGIC = {"image/png": b"\x89PNG\r\n\x1a\n", "application/zip": b"PK\x03\x04"}
MAX_REPORTED_ERRORS = 5


# ---- JSON Schema with OpenAPI's meaning -------------------------------------------------------
def ecma_to_python(pattern):
    """A pattern as ECMA-262 reads it (JSON Schema's dialect), rewritten for Python's re: `$` is
    the end of the text (Python's also matches before a final newline) and `\\d` is ASCII."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            escaped = pattern[i + 1]
            out.append(("0-9" if in_class else "[0-9]") if escaped == "d" else c + escaped)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        elif c == "$" and not in_class:
            c = r"\Z"
        out.append(c)
        i += 1
    return "".join(out)


@functools.lru_cache(maxsize=None)
def _compiled(pattern):
    return re.compile(ecma_to_python(pattern))


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not _compiled(pattern).search(instance):
        yield jsonschema.ValidationError("%r does not match %r" % (instance, pattern))


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator,
                                          validators={"pattern": _pattern})

_DATE_TIME = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}:[0-9]{2}:[0-9]{2})(\.[0-9]+)?"
                        r"(Z|[+-][0-9]{2}:[0-9]{2})\Z")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\Z")


def _date_time(value):
    """RFC 3339, and a real date and time (no 30 February)."""
    m = _DATE_TIME.match(value)
    if not m:
        return False
    try:
        datetime.datetime.strptime(m.group(1) + " " + m.group(2), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return False
    return True


def _address(kind):
    def check(value):
        try:
            kind(value)
        except ValueError:
            return False
        return True
    return check


def _integer_within(bits):
    return lambda value: -2 ** (bits - 1) <= value < 2 ** (bits - 1)


# Every format the description may use, each one really checked: a format this table does not
# know would be checked by nothing, so the description is refused instead (Contract()).
STRING_FORMATS = {
    "date-time": _date_time,
    "uuid": lambda value: bool(_UUID.match(value)),
    "email": lambda value: value.count("@") == 1 and not re.search(r"\s", value)
    and all(value.split("@")),
    "ipv4": _address(ipaddress.IPv4Address),
    "ipv6": _address(ipaddress.IPv6Address),
}
INTEGER_FORMATS = {"int32": _integer_within(32), "int64": _integer_within(64)}


def _format_checker():
    checker = jsonschema.FormatChecker(formats=())
    for name, check in STRING_FORMATS.items():
        checker.checks(name)(lambda v, check=check: not isinstance(v, str) or check(v))
    for name, check in INTEGER_FORMATS.items():
        checker.checks(name)(
            lambda v, check=check: not isinstance(v, int) or isinstance(v, bool) or check(v))
    return checker


# ---- HTTP details ---------------------------------------------------------------------------
def media_type(value):
    """A Content-Type in one spelling: lower-case type and parameter names, no spaces, charset
    value lower-case ("application/json; charset=UTF-8" == "application/json;charset=utf-8")."""
    parts = [p.strip() for p in value.split(";")]
    out = [parts[0].lower()]
    for p in parts[1:]:
        name, _, v = p.partition("=")
        name = name.strip().lower()
        v = v.strip()
        out.append("%s=%s" % (name, v.lower() if name == "charset" else v))
    return "; ".join(out)


def _header_lists(headers):
    """{lower-case name: [values]} from an http.client/email message, a dict or pairs."""
    if headers is None:
        return {}
    items = headers.items() if hasattr(headers, "items") else headers
    out = {}
    for name, value in items:
        out.setdefault(name.lower(), []).append(value)
    return out


def _strict_json(text):
    def no_constant(name):
        raise ValueError("%s is not JSON" % name)

    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            raise ValueError("duplicate keys %s" % sorted(dup))
        return dict(pairs)
    return json.loads(text, parse_constant=no_constant, object_pairs_hook=no_duplicates)


def _segments(path):
    return (path[1:] if path.startswith("/") else path).split("/")


def _is_template(segment):
    return len(segment) > 2 and segment[0] == "{" and segment[-1] == "}"


# ---- the contract ---------------------------------------------------------------------------
class Contract:
    """docs/openapi.yaml, loaded once; check() raises AssertionError for any answer it does not
    allow. `checked` counts the answers that passed, `seen` them by (operation, status), which
    shows what a suite never exercised."""

    def __init__(self, path=DESCRIPTION):
        with open(path, encoding="utf-8") as f:
            self.document = yaml.safe_load(f)
        self.name = os.path.relpath(path, REPO)
        self.checked = 0
        self.seen = collections.Counter()
        self._formats = _format_checker()
        unknown = self._formats_used(self.document) - set(STRING_FORMATS) - set(INTEGER_FORMATS)
        if unknown:
            raise ValueError("%s uses formats nothing checks: %s" % (self.name, sorted(unknown)))
        # (template, its segments, how many are literal, path item), as the router matches.
        self._paths = []
        for template, item in self.document["paths"].items():
            segments = _segments(template)
            literals = sum(not _is_template(s) for s in segments)
            self._paths.append((template, segments, literals, item))

    @classmethod
    def _formats_used(cls, node):
        if isinstance(node, dict):
            found = {node["format"]} if isinstance(node.get("format"), str) else set()
            for v in node.values():
                found |= cls._formats_used(v)
            return found
        if isinstance(node, list):
            return set().union(*(cls._formats_used(v) for v in node)) if node else set()
        return set()

    def _resolver(self):
        """A resolver of the document's $refs; one per use, as it keeps a stack of scopes and
        a test may check answers from several threads."""
        return jsonschema.RefResolver.from_schema(self.document, id_of=lambda s: "")

    def resolve(self, node):
        """Follows $ref (local, as many as are chained)."""
        while isinstance(node, dict) and "$ref" in node:
            _, node = self._resolver().resolve(node["$ref"])
        return node

    def path_item(self, path):
        """(template, path item) of the described path that `path` matches: each {name} takes
        one non-empty segment, and the template with most literal segments wins (so
        /api/sessions/current/jobs before /api/sessions/{id}/...); (None, None) if none."""
        segments = _segments(path)
        best = None
        for template, pattern, literals, item in self._paths:
            if len(pattern) != len(segments):
                continue
            if all(s != "" if _is_template(p) else s == p for p, s in zip(pattern, segments)):
                if best is None or literals > best[1]:
                    best = (template, literals, item)
        return (best[0], best[2]) if best else (None, None)

    def responses_for(self, method, path):
        """(what answered, {status: response}) for a request."""
        template, item = self.path_item(path)
        if item is None:
            return "an unknown path (x-unknown-path)", self.document["x-unknown-path"]
        operation = item.get(method.lower())
        if operation is None and method == "HEAD":
            # HTTP's rule, which the description states once: HEAD is GET without the body.
            operation = item.get("get")
        if operation is None:
            other = item.get("x-other-methods", self.document["x-other-methods"])
            return ("%s with a method it does not describe (x-other-methods)" % template,
                    self.resolve(other))
        return ("%s %s (%s)" % (method, template, operation.get("operationId")),
                operation["responses"])

    def check(self, method, target, status, headers, body):
        """Raises AssertionError unless the description allows this answer to this request.
        target: the path with its query; headers: the answer's (a message, a dict or pairs);
        body: its bytes."""
        method = method.upper()
        path = target.split("?", 1)[0].split("#", 1)[0]
        where, responses = self.responses_for(method, path)
        prefix = "%s %s -> %d, as %s in %s: " % (method, target[:200], status, where, self.name)

        def fail(why):
            raise AssertionError(prefix + why)

        response = responses.get(str(status)) or responses.get("%dXX" % (status // 100)) \
            or responses.get("default")
        if response is None:
            fail("status %d is not described (described: %s)"
                 % (status, ", ".join(sorted(responses))))
        response = self.resolve(response)
        lists = _header_lists(headers)
        self._check_headers(response, lists, fail)
        self._check_content(response, status, lists, body or b"", method == "HEAD", fail)
        self.checked += 1
        self.seen[(where, status)] += 1

    def _check_headers(self, response, lists, fail):
        for name, header in response.get("headers", {}).items():
            if name.lower() == "content-type":
                continue      # OpenAPI: the media type says it
            header = self.resolve(header)
            values = lists.get(name.lower(), [])
            if not values:
                if header.get("required"):
                    fail("header %s is required and missing" % name)
                continue
            if len(values) > 1:
                fail("header %s is sent %d times: %r" % (name, len(values), values))
            errors = self._errors(header.get("schema", {}), values[0])
            if errors:
                fail("header %s: %s" % (name, errors))

    def _check_content(self, response, status, lists, body, head, fail):
        """The body as the response describes it; an answer to HEAD has only the head, with
        the Content-Type a GET would have (HTTP's rule, so OpenAPI does not say it)."""
        content = response.get("content")
        if not content or head:
            if body:
                fail("the answer has no body, yet %d bytes came" % len(body))
        if not content:
            return
        sent = lists.get("content-type", [])
        if len(sent) != 1:
            fail("want one Content-Type of %s, got %r" % (sorted(content), sent))
        ctype = media_type(sent[0])
        described = {media_type(k): v for k, v in content.items()}
        if ctype not in described:
            fail("Content-Type %r is not described (described: %s)"
                 % (sent[0], ", ".join(repr(k) for k in content)))
        essence = ctype.split(";")[0]
        if head:
            return
        if "charset=utf-8" in ctype.split("; ") or essence == "application/json":
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as e:
                fail("the body is not UTF-8: %s" % e)
        if essence == "application/json" or essence.endswith("+json"):
            try:
                value = _strict_json(text)
            except ValueError as e:
                fail("the body is not JSON (%s): %r" % (e, body[:300]))
            schema = described[ctype].get("schema")
            errors = self._errors(schema, value) if schema is not None else None
            if errors:
                fail("the body does not match the schema:%s\n  body: %s"
                     % (errors, text[:1000]))
        elif status == 200 and essence in MAGIC and not body.startswith(MAGIC[essence]):
            fail("the body is not %s: %r" % (essence, body[:16]))

    def _errors(self, schema, value):
        """The first few schema violations, one per line with where they are; "" if none."""
        validator = _Validator(schema, resolver=self._resolver(), format_checker=self._formats)
        errors = sorted(validator.iter_errors(value), key=jsonschema.exceptions.relevance)
        lines = []
        for e in errors[:MAX_REPORTED_ERRORS]:
            e = jsonschema.exceptions.best_match([e]) or e
            at = "".join("[%d]" % p if isinstance(p, int) else "." + p for p in e.absolute_path)
            lines.append("\n  at %s: %s" % (at or "(top)", e.message))
        if len(errors) > MAX_REPORTED_ERRORS:
            lines.append("\n  and %d more" % (len(errors) - MAX_REPORTED_ERRORS))
        return "".join(lines)
