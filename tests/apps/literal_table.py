"""A table to read holding texts that Markdown would style, served by tests/test_browser.py."""

import pandas as pd
import pyarrow as pa

from monitor.ui.tables import static_table

TEXTS = [
    "a *b* c, _nadruk_ __vet__, ~~weg~~ `code`",
    "1. eerst",
    "- item",
    "# titel",
    ">quote",
    "x $5$ y",
    ":red[x] en :tada: :material/home:",
    "[link](http://x) ![beeld](http://x)",
    "---",
    "x.y (z) #1 {a}",
    "a\\b | c",
    "R&D <b>x</b> &amp;",
    "[NL] Minister van Werk, 001_bf14.txt, __init__",
]
if __name__ == "__main__":  # as Streamlit runs it; the test imports TEXTS only
    frame = pd.DataFrame({"text": TEXTS, "number": range(len(TEXTS))})
    static_table(frame)  # as the key figures are drawn
    static_table(pa.Table.from_pandas(frame, preserve_index=False))  # as ui.table(wrapped=True) draws
