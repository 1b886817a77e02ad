"""Reads the parts of a man page's source (man(7) macros) that tests/man compares: its sections
and the tagged paragraphs (.TP) in them, as plain text."""
import re

# Font changes (\fB, \fI, \fR, \fP, \f(CW) carry no text.
FONT = re.compile(r"\\f(\(..|\[[^]]*\]|.)")
ESCAPES = {r"\-": "-", r"\(aq": "'", r"\(dq": '"', r"\(en": "\u2013", r"\(em": "\u2014",
           r"\e": "\\", r"\ ": " ", r"\&": "", r"\|": "", r"\^": ""}
# Font macros whose arguments alternate fonts and are joined without spaces (.BR a b: "ab").
ALTERNATING = {".BR", ".RB", ".BI", ".IB", ".IR", ".RI"}
# Font macros whose arguments are joined with spaces (.B a b: "a b").
SPACED = {".B", ".I", ".SM", ".SB"}


def unescape(text):
    text = FONT.sub("", text)
    for escape, plain in ESCAPES.items():
        text = text.replace(escape, plain)
    return text


def arguments(rest):
    """A macro's arguments: words, or "quoted strings" in which "" is one quote."""
    out, i = [], 0
    while i < len(rest):
        if rest[i] == " ":
            i += 1
        elif rest[i] == '"':
            word, i = [], i + 1
            while i < len(rest):
                if rest.startswith('""', i):
                    word.append('"')
                    i += 2
                elif rest[i] == '"':
                    i += 1
                    break
                else:
                    word.append(rest[i])
                    i += 1
            out.append("".join(word))
        else:
            j = rest.find(" ", i)
            j = len(rest) if j < 0 else j
            out.append(rest[i:j])
            i = j
    return out


def line_text(line):
    """The text a source line puts on the page ("" for requests that print nothing)."""
    if line.startswith(('.\\"', "'\\\"")):
        return ""
    if not line.startswith("."):
        return unescape(line)
    macro, _, rest = line.partition(" ")
    if macro in ALTERNATING:
        return unescape("".join(arguments(rest)))
    if macro in SPACED:
        return unescape(" ".join(arguments(rest)))
    return ""


class ManPage:
    def __init__(self, path):
        self.path = path
        with open(path, encoding="utf-8") as f:
            self.lines = f.read().splitlines()

    def section(self, name):
        """The source lines of section `name` (.SH NAME), without its heading."""
        out, inside = [], False
        for line in self.lines:
            if line.startswith(".SH "):
                inside = unescape(" ".join(arguments(line[4:]))) == name
                continue
            if inside:
                out.append(line)
        return out

    def has_section(self, name):
        return any(line.startswith(".SH ") and unescape(" ".join(arguments(line[4:]))) == name
                   for line in self.lines)

    def tagged(self, name):
        """[(tag, body)] of the .TP paragraphs of section `name`, as plain text; a paragraph
        ends at the next .TP, .PP or .SS."""
        out = []
        lines = self.section(name)
        i = 0
        while i < len(lines):
            if lines[i] != ".TP" or i + 1 >= len(lines):
                i += 1
                continue
            tag = " ".join(line_text(lines[i + 1]).split())
            body = []
            i += 2
            while i < len(lines) and lines[i] not in (".TP", ".PP", ".P", ".LP") and \
                    not lines[i].startswith(".SS"):
                body.append(line_text(lines[i]))
                i += 1
            out.append((tag, " ".join(" ".join(body).split())))
        return out
