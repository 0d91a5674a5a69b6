"""Parses mails with Python's own `email` package, for the C++ tests to check what was received.

    /usr/bin/python3 mail_check.py FILE.eml...

Prints one JSON object per file and line: the decoded headers, the raw header lines, the plain-text
and HTML bodies, the attachments (name, type, text), the MIME structure and the parser's defects.
"""
import email
import email.policy
import json
import sys


def describe(path):
    with open(path, "rb") as f:
        raw = f.read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    plain = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    defects = [type(d).__name__ for part in msg.walk() for d in part.defects]
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace")
    return {
        "file": path,
        "headers": {k.lower(): str(v) for k, v in msg.items()},
        "raw_headers": head.split("\r\n"),
        "seven_bit": all(b < 128 for b in raw),
        "text": plain.get_content() if plain else None,
        "html": html.get_content() if html else None,
        "attachments": [
            {"filename": a.get_filename(), "type": a.get_content_type(),
             "text": a.get_payload(decode=True).decode("utf-8", "replace")}
            for a in msg.iter_attachments()
        ],
        "structure": [part.get_content_type() for part in msg.walk()],
        "defects": defects,
    }


for path in sys.argv[1:]:
    print(json.dumps(describe(path), ensure_ascii=False))
