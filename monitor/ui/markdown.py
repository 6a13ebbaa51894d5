"""Text from the documents or entered by users, escaped so that Streamlit's Markdown shows it as written
(plain), and document text as paragraphs."""

from __future__ import annotations

import re

# What Markdown (and Streamlit's additions to it) would read as more than text, and where it is escaped:
_MAY_NEED_ESCAPES = re.compile(r"[\\`*~$<>|&_:]|\][(\[]|^\s*(?:[#+=-]|\d+[.)])", re.MULTILINE)  # quick test
_MARKDOWN_SIGNS = re.compile(r"[\\`*~$<>|&]|_+")  # emphasis, code, maths, HTML and entities, tables
_LINK_END = re.compile(r"\](?=[(\[])")  # [text](url), [text][ref]
_DIRECTIVE = re.compile(r":(?=[\w-]+\[)")  # Streamlit's :red[text]
# :material/icon: and emoji :tada: are read from the text after escapes are undone: a word joiner (U+2060,
# invisible, not read out) after the colon keeps them as typed.
_SHORTCODE = re.compile(r":(?=[\w/+-]+:)")
_WORD_JOINER = "\u2060"
# headings, lists, rules and underlines at a line's start (">", quotes, is a sign above)
_BLOCK_START = re.compile(r"^(\s*)(#|\+|-+|=+|\d+[.)])(?=\s|$)", re.MULTILINE)


def plain(text: object) -> str:
    """Text from the data or entered by users, as Markdown that shows it as it is: no formatting, links, maths,
    HTML, icons or lists (st.markdown, and st.table in every cell, would read "*a*" as italic, "$x$" as maths,
    ":tada:" as an emoji, "1. " at a line's start as a list)."""
    text = str(text)
    if not _MAY_NEED_ESCAPES.search(text):  # most texts: one search instead of five substitutions
        return text
    text = _LINK_END.sub(r"\]", _MARKDOWN_SIGNS.sub(_escaped_sign, text))
    text = _SHORTCODE.sub(":" + _WORD_JOINER, _DIRECTIVE.sub(r"\:", text))
    return _BLOCK_START.sub(_escaped_block_start, text)


def _escaped_sign(found: re.Match) -> str:
    signs, (start, end), text = found.group(), found.span(), found.string
    if signs[0] == "_" and text[start - 1 : start].isalnum() and text[end : end + 1].isalnum():
        return signs  # inside a word (file_name): no emphasis, left as written
    return "".join("\\" + sign for sign in signs)


def _escaped_block_start(found: re.Match) -> str:
    indent, marker = found.groups()
    return f"{indent}{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"{indent}\\{marker}"


def paragraphs(text: str) -> str:
    """Document text as escaped Markdown paragraphs (one per line of the curated text)."""
    return "\n\n".join(plain(line) for line in str(text).splitlines() if line.strip())
