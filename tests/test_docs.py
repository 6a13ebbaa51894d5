"""The docs stay true: the README and the manual in docs/ (links, commands, pages, packages, environment variables),
and the data dictionary (every table and column documented, stated counts true)."""

from __future__ import annotations

import ast
import importlib
import re
from collections import deque
from pathlib import Path

from monitor.core import paths
from monitor.core.paths import DATA_DIR, PROJECT_ROOT

DATA_README = (DATA_DIR / "README.md").read_text(encoding="utf-8")
README_PATH = PROJECT_ROOT / "README.md"
README = README_PATH.read_text(encoding="utf-8")
DOCS_DIR = PROJECT_ROOT / "docs"
DOCS = sorted(DOCS_DIR.glob("*.md"))
MANUAL = [README_PATH, *DOCS]
MAKEFILE = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _doc(name: str) -> str:
    return (DOCS_DIR / name).read_text(encoding="utf-8")


def _code(text: str) -> str:
    """What a Markdown text writes as code: its fenced blocks and inline code spans (commands, paths, names)."""
    blocks = FENCE.findall(text)
    spans = re.findall(r"`([^`\n]+)`", FENCE.sub("", text))
    return "\n".join([*blocks, *spans])


def _prose(text: str) -> str:
    """A Markdown text without its code, where links are links."""
    return re.sub(r"`[^`\n]+`", "", FENCE.sub("", text))


def _manual_code() -> str:
    return "\n".join(_code(path.read_text(encoding="utf-8")) for path in MANUAL)


def _anchors(text: str) -> set[str]:
    """GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*$", FENCE.sub("", text), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def _local_links(path: Path) -> list[tuple[str, Path, str]]:
    """(link as written, file it points to, anchor or "") for every link of `path` that is not a web address."""
    found = []
    for target in LINK.findall(_prose(path.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z]+:", target):  # https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        found.append((target, (path.parent / file_part).resolve() if file_part else path, anchor))
    return found


# --- README and docs/ -------------------------------------------------------------------------------------------


def test_readme_stays_short():
    assert len(README) <= 15_000, f"README.md has {len(README)} characters: move detail into docs/"
    assert len(README.splitlines()) <= 150


def test_every_local_link_points_to_an_existing_file_and_heading():
    checked = 0
    for path in MANUAL:
        for target, file, anchor in _local_links(path):
            assert file.exists(), f"{path.name}: {target} points to nothing"
            assert file.is_relative_to(PROJECT_ROOT), f"{path.name}: {target} leaves the repository"
            if anchor and file.suffix == ".md":
                assert anchor in _anchors(file.read_text(encoding="utf-8")), f"{path.name}: no heading for {target}"
            checked += 1
    assert checked > len(DOCS)


def test_every_doc_is_reachable_from_the_readme():
    assert DOCS, "the manual lives in docs/"
    seen, queue = {README_PATH}, deque([README_PATH])
    while queue:
        for _target, file, _anchor in _local_links(queue.popleft()):
            if file.suffix == ".md" and file.is_file() and file not in seen:
                seen.add(file)
                queue.append(file)
    assert not set(DOCS) - seen, sorted(path.name for path in set(DOCS) - seen)


def test_readme_shows_a_screenshot_of_the_app():
    images = [file for path in [README_PATH] for _t, file, _a in _local_links(path) if file.suffix == ".png"]
    assert images and all(image.stat().st_size < 500_000 for image in images)


def test_every_make_command_in_the_docs_is_a_make_target():
    targets = set(re.findall(r"^([\w-]+):", MAKEFILE, flags=re.M))
    mentioned = set(re.findall(r"\bmake ([a-z][\w-]*)", _manual_code()))
    assert {"run", "test"} <= mentioned
    assert mentioned <= targets, sorted(mentioned - targets)


def test_every_make_target_is_documented():
    phony = re.search(r"^\.PHONY:(.*)$", MAKEFILE, flags=re.M).group(1).split()
    mentioned = set(re.findall(r"\bmake ([a-z][\w-]*)", _manual_code()))
    assert phony and not set(phony) - mentioned, sorted(set(phony) - mentioned)


def test_readme_gives_the_two_commands_and_ci_runs_make_test():
    ci = (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in [line.strip() for line in ci.splitlines()]
    readme_code = _code(README)
    assert "make run" in readme_code and "make test" in readme_code


def _runnable(module: str) -> bool:
    """`python -m module` runs something: a package with __main__.py, or a module with a __main__ guard."""
    path = PROJECT_ROOT.joinpath(*module.split("."))
    if (path / "__init__.py").is_file():
        return (path / "__main__.py").is_file()
    source = path.with_suffix(".py")
    return source.is_file() and bool(re.search(r"^if __name__ == .__main__.:", source.read_text("utf-8"), re.M))


def test_every_python_m_command_in_the_docs_runs_a_module():
    commands = set(re.findall(r"python -m (monitor(?:\.\w+)*)", _manual_code()))
    assert {"monitor.build", "monitor.storage.store", "monitor.storage.accounts"} <= commands
    assert all(_runnable(module) for module in commands), sorted(m for m in commands if not _runnable(m))


def _resolves(dotted: str) -> bool:
    """`monitor.x.y[.name]` names a module, or something defined in one."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        name = ".".join(parts[:cut])
        try:
            found = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        for attribute in parts[cut:]:
            if not hasattr(found, attribute):
                return False
            found = getattr(found, attribute)
        return True
    return False


def test_every_dotted_monitor_name_in_the_docs_exists():
    written = re.findall(r"(?<![\w/.-])(monitor(?:\.\w+)+)", _manual_code())
    names = {name for name in written if not name.endswith("__main__")}
    assert len(names) > 10
    assert all(_resolves(name) for name in names), sorted(name for name in names if not _resolves(name))


REPOSITORY_PATH = re.compile(
    r"(?<![\w./-])((?:monitor|pages|queries|scripts|tests|docs|\.ci|\.streamlit|data/sources|data/documents)/"
    r"[\w./*-]*[\w*]|data/README\.md)"
)


def test_every_repository_path_in_the_docs_exists():
    written = set(REPOSITORY_PATH.findall(_manual_code()))
    assert len(written) > 20
    missing = [path for path in written if not any(PROJECT_ROOT.glob(path.replace("NNN", "[0-9][0-9][0-9]")))]
    assert not missing, sorted(missing)


def _pages() -> list[dict]:
    """Every st.Page of dashboard.py: its file, the catalogue key of its title, url_path and default flag."""
    tree = ast.parse((PROJECT_ROOT / "dashboard.py").read_text(encoding="utf-8"))
    pages = []
    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "Page":
            keywords = {keyword.arg: keyword.value for keyword in call.keywords}
            pages.append(
                {
                    "file": call.args[0].value,
                    "title": keywords["title"].args[0].value,
                    "url_path": keywords["url_path"].value if "url_path" in keywords else None,
                    "default": "default" in keywords and keywords["default"].value is True,
                }
            )
    return pages


def test_docs_pages_lists_every_page_with_its_url_module_and_title():
    from monitor.i18n import translate

    listed = _doc("pages.md")
    pages = _pages()
    assert len(pages) > 10 and sum(page["default"] for page in pages) == 1
    for page in pages:
        assert (PROJECT_ROOT / page["file"]).is_file(), page["file"]
        assert f"`{page['file']}`" in listed, page["file"]
        assert translate(page["title"], "en") in listed, page["title"]
        if page["default"]:
            assert "| `/` (the default page) |" in listed
        else:
            assert re.fullmatch(r"[\w-]+", page["url_path"]), page
            assert f"`/{page['url_path']}`" in listed, page["url_path"]


def test_docs_pages_names_every_filter_parameter():
    from monitor.explore.filters import FILTER_NAMES

    listed = _doc("pages.md")
    assert FILTER_NAMES and all(f"| `{name}` |" in listed for name in FILTER_NAMES)


def _tree_of_monitor() -> dict[str, set[str]]:
    """The monitor/ part of the layout tree in docs/architecture.md: package (or "" for top-level) -> modules."""
    layout = next(block for block in FENCE.findall(_doc("architecture.md")) if "\nmonitor/" in block)
    named: dict[str, set[str]] = {"": set()}
    package = None
    for line in layout.split("\nmonitor/", 1)[1].splitlines()[1:]:
        if not line.startswith("  "):
            break
        depth = len(line) - len(line.lstrip(" "))
        names = [name.strip() for name in re.split(r"\s{2,}", line.strip())[0].split(",")]
        if depth == 2 and names[0].endswith("/"):
            package = names[0].rstrip("/")
            named[package] = set()
        elif depth == 2:
            package = None
            named[""].update(names)
        elif package is not None:
            named[package].update(name for name in names if name.endswith(".py"))
    return named


def test_docs_architecture_names_every_package_and_module():
    monitor = PROJECT_ROOT / "monitor"
    packages = {path.parent.name for path in monitor.glob("*/__init__.py")}
    assert {"core", "build", "storage", "ui"} <= packages and (monitor / "cache.py").is_file()
    described = _doc("architecture.md")
    for package in packages:
        assert f"monitor.{package}" in described or f"monitor/{package}/" in described, package
    assert "`monitor/cache.py`" in described

    actual = {"": {path.name for path in monitor.glob("*.py")}}
    for package in packages:
        actual[package] = {path.name for path in (monitor / package).glob("*.py")} - {"__init__.py", "__main__.py"}
    assert _tree_of_monitor() == actual


def test_docs_operations_names_every_environment_variable():
    variables = {getattr(paths, name) for name in dir(paths) if name.endswith("_ENV")}
    assert len(variables) >= 3
    operations = _doc("operations.md")
    assert all(f"`{variable}`" in operations for variable in variables), variables


# --- The data dictionary (data/README.md) ---------------------------------------------------------------------


def test_every_table_and_column_is_in_the_data_dictionary(con):
    for table, column in con.execute(
        "SELECT table_name, column_name FROM duckdb_columns()"
        " WHERE table_name IN (SELECT table_name FROM duckdb_tables())"
    ).fetchall():
        assert f"`{table}`" in DATA_README, table
        documented = column in DATA_README or (
            column in {"document", "line_start", "line_end"} and "provenance" in DATA_README
        )
        assert documented, f"{table}.{column}"


def test_counts_stated_in_the_data_dictionary_are_true(con):
    stated = int(re.search(r"All (\d+) are in the `irregularities` table", DATA_README).group(1))
    assert stated == con.execute("SELECT count(*) FROM irregularities").fetchone()[0]
    match = re.search(
        r"(\d+) distinct title strings map to (\d+) members and groups \((\d+) exact, (\d+) inferred,"
        r"\s+(\d+) undecided\)",
        DATA_README,
    )
    aliases, members, exact, inferred, undecided = map(int, match.groups())
    assert aliases == con.execute("SELECT count(DISTINCT alias) FROM member_aliases").fetchone()[0]
    assert members == con.execute("SELECT count(*) FROM government_members").fetchone()[0]
    by_confidence = dict(con.execute("SELECT confidence, count(*) FROM member_aliases GROUP BY ALL").fetchall())
    assert (exact, inferred, undecided) == (
        by_confidence["exact"],
        by_confidence["inferred"],
        by_confidence["undecided"],
    )


def test_every_user_store_table_and_column_is_documented(isolated_store):
    from monitor.storage import store

    for table, column in (
        store.connection()
        .execute(
            "SELECT table_name, column_name FROM duckdb_columns()"
            " WHERE table_name IN (SELECT table_name FROM duckdb_tables())"
        )
        .fetchall()
    ):
        assert f"`{table}`" in DATA_README, table
        assert column in DATA_README, f"{table}.{column}"
