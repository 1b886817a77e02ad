"""Reads a modforge program's --help text: its lists ("commands:", "options:", "environment:",
"signals:") and its "exit codes:" paragraph."""
import re

LIST_HEADING = re.compile(r"^([a-z ]+):$")
# "0 done, 1 error, 3/4 schema ..." -> 0, 1, 3, 4: a number at the start of a word, followed by a
# space or by "/" and another.
EXIT_CODE = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=/))(\d+)(?=[\s/])")


def lists(text):
    """{heading: [(left column, description)]}. An entry is a line indented by two spaces whose
    columns are parted by two or more spaces; a left column too long for its place stands alone
    and its description follows on lines indented further."""
    out, current = {}, None
    for line in text.splitlines():
        m = LIST_HEADING.match(line)
        if m:
            current = out.setdefault(m.group(1), [])
        elif current is not None and line.startswith("  ") and not line.startswith("   "):
            left, _, description = line.strip().partition("  ")
            current.append([left, description.strip()])
        elif current is not None and line.startswith("   ") and current:
            current[-1][1] = (current[-1][1] + " " + line.strip()).strip()
        else:
            current = None
    return {k: [tuple(e) for e in v] for k, v in out.items()}


def exit_codes(text):
    """The numbers of the "exit codes:" paragraph (to the next blank line)."""
    m = re.search(r"^exit codes:(.*?)(?:\n\s*\n|\Z)", text, re.M | re.S)
    return sorted({int(n) for n in EXIT_CODE.findall(m.group(1) + " ")}) if m else []


def usage_line(text):
    """What follows "usage: " on the first line."""
    first = text.splitlines()[0] if text else ""
    return first[len("usage: "):] if first.startswith("usage: ") else None
