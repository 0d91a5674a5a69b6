#!/usr/bin/env python3
"""Checks how pages are written: no html::render() call fills more than 6 positional fields, no
view or template calls a store, no page, view or HTTP file holds SQL, and every table stands in the
labelled, focusable region that scrolls it on a narrow screen (views/templates/table.html).

Pages move to templates (src/<module>/templates/*.html) module by module, so what is not moved yet
is listed in scripts/check-pages.baseline: a file may only do better than its line there, never
worse, and a file that does better must have its line lowered (run with --update) so that it
cannot slip back. Usage: scripts/check-pages.py [--update] [ROOT]"""
import pathlib
import re
import sys

MAX_FIELDS = 6
SQL = re.compile(r'"[^"\n]*\b(SELECT\s+\S|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)')
STORE_CALL = re.compile(r"\bstore::\w+\s*\(")
TABLE = re.compile(r"<table\b")
TABLE_REGION = re.compile(r"\bTableRegion\{")
MOVE = "write it as a template, load its data in the page's loader"
# What to do about each kind of finding; MOVE for the others.
ADVICE = {
    "tables outside a region": 'open each <table> with <div{{ ui::TableRegion{"id of its caption or heading"} }}>',
}


def literal_after(text, i):
    """The string literal (raw or plain, concatenated) starting at or after text[i], or None."""
    out = []
    while True:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        m = re.match(r'R"([^(]*)\(', text[i:])
        if m:
            end = text.index(")" + m.group(1) + '"', i + m.end())
            out.append(text[i + m.end():end])
            i = end + len(m.group(1)) + 2
            continue
        if i < len(text) and text[i] == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i + 1:j])
            i = j + 1
            continue
        return "".join(out) if out else None


def fields(template):
    """The positional replacement fields of an fmt template, as views/html.hpp counts them."""
    n, i = 0, 0
    while i < len(template):
        if template[i] == "{":
            if template[i + 1:i + 2] == "{":
                i += 2
                continue
            n += 1
        i += 1
    return n


def measure(root):
    counts = {}
    src = root / "src"
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".cpp", ".hpp", ".html"):
            continue
        rel = str(path.relative_to(root))
        text = path.read_text(encoding="utf-8")
        found = {}
        if path.suffix != ".html":
            wide = 0
            for m in re.finditer(r"\brender\(", text):
                lit = literal_after(text, m.end())
                if lit is not None and fields(lit) > MAX_FIELDS:
                    wide += 1
            if wide:
                found["render calls with more than 6 fields"] = wide
        is_view = path.name in ("views.cpp", "views.hpp") or "/templates/" in rel
        if is_view:
            calls = len(STORE_CALL.findall(text))
            if calls:
                found["store calls in a view"] = calls
        if is_view or path.name.endswith("pages.cpp") or rel.startswith("src/http/"):
            sql = len(SQL.findall(text))
            if sql:
                found["SQL outside a store"] = sql
        # A table without its region would widen the page, or scroll where a keyboard cannot reach.
        bare = len(TABLE.findall(text)) - len(TABLE_REGION.findall(text))
        if bare > 0:
            found["tables outside a region"] = bare
        for what, n in found.items():
            counts[(rel, what)] = n
    return counts


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    root = pathlib.Path(args[0] if args else pathlib.Path(__file__).resolve().parent.parent)
    baseline_path = root / "scripts" / "check-pages.baseline"
    counts = measure(root)
    if "--update" in sys.argv:
        lines = [f"{rel}\t{what}\t{n}" for (rel, what), n in sorted(counts.items())]
        baseline_path.write_text("# file\twhat\tat most (scripts/check-pages.py --update writes this)\n" +
                                 "\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
        print(f"check-pages: baseline written, {len(lines)} lines")
        return 0
    baseline = {}
    for line in baseline_path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rel, what, n = line.split("\t")
            baseline[(rel, what)] = int(n)
    worse = [(k, n, baseline.get(k, 0)) for k, n in sorted(counts.items()) if n > baseline.get(k, 0)]
    better = [(k, counts.get(k, 0), n) for k, n in sorted(baseline.items()) if counts.get(k, 0) < n]
    for (rel, what), n, allowed in worse:
        print(f"{rel}: {n} {what} (at most {allowed}): {ADVICE.get(what, MOVE)}")
    for (rel, what), n, allowed in better:
        print(f"{rel}: {n} {what}, fewer than the baseline's {allowed}: run scripts/check-pages.py --update")
    totals = {}
    for (rel, what), n in counts.items():
        totals[what] = totals.get(what, 0) + n
    summary = ", ".join(f"{n} {what}" for what, n in sorted(totals.items())) or "nothing left to move"
    print(f"check-pages: {summary}")
    return 1 if worse or better else 0


if __name__ == "__main__":
    sys.exit(main())
