"""A small Cypher tokenizer, enough for the ad-hoc guard to see keywords, procedure and function
names and statement separators without being fooled by strings, comments or backtick names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.core.errors import Malformed

__all__ = ["Malformed", "Token", "dotted_name", "keyword_at", "tokenize"]


@dataclass(frozen=True)
class Token:
    kind: str  # word | name (backtick-quoted) | string | number | param | punct
    text: str  # for `name`: the unquoted name
    pos: int


# Identifiers are Unicode letters, digits and `_` (not starting with a digit): a Unicode space such as
# U+3000 ends a word, as it does for Neo4j, so `CREATE\u3000(n)` reads as the keyword CREATE.
_WORD = re.compile(r"[^\W\d]\w*")
# Neo4j ends a `//` comment at any line break, a lone carriage return too.
_LINE_END = re.compile(r"[\n\r\u2028\u2029\x85]")
# Exactly the number forms Cypher has, so that `1CREATE` reads as a number and a keyword, as Neo4j does.
_NUMBER = re.compile(r"0[xX][0-9a-fA-F_]+|0o[0-7_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?")
_PARAM = re.compile(r"\$(?:\w+|`[^`]*`)?")


def tokenize(text: str) -> list[Token]:
    """Tokens of `text`, comments dropped. Raises Malformed for unterminated strings or comments."""
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif text.startswith("//", i):
            m_end = _LINE_END.search(text, i)
            i = n if m_end is None else m_end.end()
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise Malformed(f"malformed query: a /* comment at offset {i} is never closed")
            i = j + 2
        elif c in "'\"":
            j = _string_end(text, i)
            out.append(Token("string", text[i + 1 : j], i))
            i = j + 1
        elif c == "`":
            j = i + 1
            parts = []
            while True:
                k = text.find("`", j)
                if k < 0:
                    raise Malformed(f"malformed query: a `name` at offset {i} is never closed")
                parts.append(text[j:k])
                if text.startswith("``", k):  # `` inside a quoted name is an escaped backtick
                    parts.append("`")
                    j = k + 2
                    continue
                break
            out.append(Token("name", "".join(parts), i))
            i = k + 1
        elif c == "$":
            end = m.end() if (m := _PARAM.match(text, i)) else i + 1  # the pattern matches a lone $ too
            out.append(Token("param", text[i:end], i))
            i = end
        elif (m := _WORD.match(text, i)) is not None:
            out.append(Token("word", m.group(0), i))
            i = m.end()
        elif (m := _NUMBER.match(text, i)) is not None:
            out.append(Token("number", m.group(0), i))
            i = m.end()
        else:
            out.append(Token("punct", c, i))
            i += 1
    return out


def _string_end(text: str, i: int) -> int:
    quote, j = text[i], i + 1
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text[j] == quote:
            return j
        j += 1
    raise Malformed(f"malformed query: a string at offset {i} is never closed")


def keyword_at(tokens: list[Token], i: int) -> str | None:
    """The upper-cased keyword at i, or None when the word is used as a name: a property
    (`n.set`), a label or type (`:Create`, `|Merge`), a map key (`{set: 1}`), a variable
    followed by a label or a property (`(create:Person)`, `set.name`), an alias (`AS set`), or a
    variable that ends an expression (`RETURN start`, `(set)`, `[use, x]`): a command keyword is
    never followed by `)`, `,`, `]`, `}` or the end of the query."""
    t = tokens[i]
    if t.kind != "word":
        return None
    prev = tokens[i - 1].text if i > 0 and tokens[i - 1].kind == "punct" else ""
    nxt = tokens[i + 1].text if i + 1 < len(tokens) and tokens[i + 1].kind == "punct" else ""
    if prev in (".", ":", "|", "&", "!") or nxt in (":", ".", ")", ",", "]", "}"):
        return None
    if i + 1 == len(tokens) or _is_alias(tokens, i):
        return None
    return t.text.upper()


def _is_alias(tokens: list[Token], i: int) -> bool:
    """Whether the word at i names what `AS` introduces. A variable may itself be called AS
    (`WITH 1 AS AS CREATE ...`): of a run of AS words, every second one is the alias, so the word
    after an even run is a keyword again."""
    run = 0
    while i - run - 1 >= 0 and tokens[i - run - 1].kind == "word" and tokens[i - run - 1].text.upper() == "AS":
        run += 1
    return run % 2 == 1


def dotted_name(tokens: list[Token], i: int) -> tuple[str, int]:
    """The dotted name starting at i (`db.index.fulltext.queryNodes`) and the index after it."""
    parts = []
    while i < len(tokens) and tokens[i].kind in ("word", "name"):
        parts.append(tokens[i].text)
        if (
            i + 2 < len(tokens)
            and tokens[i + 1].text == "."
            and tokens[i + 1].kind == "punct"
            and tokens[i + 2].kind in ("word", "name")
        ):
            i += 2
        else:
            i += 1
            break
    return ".".join(parts), i
