"""Capacity of one served app process: many sessions at once, driven over Streamlit's websocket. Run: make bench

A bounded load client of its own (the `websockets` package), loopback only, that stops by itself. For each server
variant (by default Streamlit's `runner.postScriptGC` on, then off: the A/B of docs/performance.md), one after the
other on the same built database:

1. the first visitor after the start: one session opens the Overview (the server has prepared itself, as
   monitor.serve.lifespan does, but no session has run yet);
2. for 1, 10, 25, 50 and again 50 sessions: all open the Overview at once (time from connecting to the end of the
   session's first script run), then all change a filter at once (the Member filter, each session another
   member; time from sending the change to the end of the rerun), then all leave;
3. the server's memory (RSS, from /proc): before each level, with its sessions connected, and once they have
   left and the server has dropped them (the second round of 50 shows whether memory stays flat). Left
   sessions are kept `server.disconnectedSessionTTL` seconds, 120 by default: set to 2 here so the run can
   see them go. And the server's CPU time per session opened and per filter change.

Several app processes behind one address are not measured: the user store is one DuckDB file that only one
process may open read-write, so the app runs as one process until the store moves to a server database.

Usage: scripts/capacity.py [--levels 1,10,25,50,50] [--variants gc-on,gc-off] [--checkout NAME=PATH ...]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.benchmark import machine_speed, percentile  # noqa: E402

VARIANTS = {  # name -> the server's command-line settings
    "gc-on": ("--runner.postScriptGC", "true"),
    "gc-off": ("--runner.postScriptGC", "false"),
}
SESSION_TTL = 2  # seconds a left session is kept (see the docstring)
# Without the file watcher, an edit in the checkout during a run cannot reload modules under the sessions' feet.
SERVER_OPTIONS = ("--server.disconnectedSessionTTL", str(SESSION_TTL), "--server.fileWatcherType", "none")
RUN_TIMEOUT = 60  # seconds: a run that takes longer counts as an error, and the client moves on
FILTER_KEY = "filter_member"
SUCCESS = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY


class RunFailed(Exception):
    """A script run ended without finishing successfully, or showed an exception."""


@dataclass
class Session:
    """One browser tab, as the frontend speaks to the server: a websocket and the runs it asks for."""

    url: str
    connection: websockets.ClientConnection | None = None
    filter_id: str = ""
    filter_options: list[str] = field(default_factory=list)

    async def open(self) -> float:
        """Connect and run the Overview once; seconds until that first run has finished."""
        started = time.perf_counter()
        address = self.url.replace("http://", "ws://") + "/_stcore/stream"
        self.connection = await websockets.connect(
            address, subprotocols=["streamlit"], max_size=None, open_timeout=RUN_TIMEOUT
        )
        await self._run()
        return time.perf_counter() - started

    async def change_filter(self, choice: int) -> float:
        """Choose the `choice`-th member in the Member filter; seconds until the rerun has finished."""
        message = BackMsg()
        state = message.rerun_script.widget_states.widgets.add()
        state.id = self.filter_id
        state.string_array_value.data.append(self.filter_options[choice % len(self.filter_options)])
        started = time.perf_counter()
        await self._run(message)
        return time.perf_counter() - started

    async def close(self) -> None:
        if self.connection is not None:
            await self.connection.close()

    async def _run(self, message: BackMsg | None = None) -> None:
        message = message or BackMsg()
        message.rerun_script.query_string = ""
        message.rerun_script.page_name = ""
        message.rerun_script.context_info.url = f"{self.url}/"
        message.rerun_script.context_info.locale = "nl-BE"
        await self.connection.send(message.SerializeToString())
        async with asyncio.timeout(RUN_TIMEOUT):
            async for raw in self.connection:
                answer = ForwardMsg.FromString(raw)
                kind = answer.WhichOneof("type")
                if kind == "script_finished":
                    if answer.script_finished != SUCCESS:
                        raise RunFailed(f"script finished with status {answer.script_finished}")
                    return
                if kind == "delta" and answer.delta.WhichOneof("type") == "new_element":
                    self._read_element(answer.delta.new_element)

    def _read_element(self, element) -> None:
        shown = element.WhichOneof("type")
        if shown == "exception":
            raise RunFailed(element.exception.message)
        if shown == "multiselect" and element.multiselect.id.endswith(f"-{FILTER_KEY}"):
            self.filter_id = element.multiselect.id
            self.filter_options = list(element.multiselect.options)


@dataclass
class Level:
    sessions: int
    opening: list[float]
    filtering: list[float]
    errors: int
    cpu_per_open_ms: float  # the server's CPU time per session opened, and per filter change
    cpu_per_change_ms: float
    rss_before: float  # MB
    rss_connected: float
    rss_after: float


async def attempt(coroutine) -> float | None:
    try:
        return await coroutine
    except (RunFailed, OSError, TimeoutError, websockets.WebSocketException) as error:
        print(f"    error: {type(error).__name__}: {str(error)[:120]}")
        return None


async def run_level(url: str, server: int, count: int) -> Level:
    rss_before, cpu_before = rss_mb(server), cpu_seconds(server)
    sessions = [Session(url) for _ in range(count)]
    opened = await asyncio.gather(*(attempt(session.open()) for session in sessions))
    cpu_opened = cpu_seconds(server)
    ready = [session for session, took in zip(sessions, opened, strict=True) if took is not None and session.filter_id]
    changed = await asyncio.gather(*(attempt(session.change_filter(n)) for n, session in enumerate(ready)))
    cpu_changed = cpu_seconds(server)
    rss_connected = rss_mb(server)
    await asyncio.gather(*(session.close() for session in sessions))
    rss_after = await rss_once_left(server)
    opening = [took for took in opened if took is not None]
    filtering = [took for took in changed if took is not None]
    return Level(
        sessions=count,
        opening=opening,
        filtering=filtering,
        errors=(count - len(opening)) + (len(ready) - len(filtering)) + (len(opening) - len(ready)),
        cpu_per_open_ms=(cpu_opened - cpu_before) * 1000 / max(1, len(opening)),
        cpu_per_change_ms=(cpu_changed - cpu_opened) * 1000 / max(1, len(filtering)),
        rss_before=rss_before,
        rss_connected=rss_connected,
        rss_after=rss_after,
    )


async def rss_once_left(server: int) -> float:
    """The server's RSS after the sessions that left are dropped (their TTL, then Streamlit's periodic cleanup)."""
    await asyncio.sleep(SESSION_TTL + 3)
    return rss_mb(server)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no RSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the process, all threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_pid(port: str) -> int:
    """The pid of our own child process serving `port` (tests.browser.streamlit_server starts it)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == os.getpid() and port.encode() in command:
            return int(entry.name)
    raise RuntimeError(f"no server process on port {port}")


async def measure_server(url: str, levels: list[int]) -> tuple[float, float, list[Level]]:
    server = server_pid(url.rsplit(":", 1)[1])
    first = Session(url)
    first_visit = await first.open()  # the first visitor after the start
    await first.close()
    rss_start = rss_mb(server)
    results = []
    for count in levels:
        results.append(await run_level(url, server, count))
    return first_visit, rss_start, results


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.0f}"


def print_table(first_visit: float, rss_start: float, levels: list[Level]) -> None:
    print(f"  first visitor after the start: {first_visit * 1000:.0f} ms; server RSS after it {rss_start:.0f} MB")
    print(
        "  sessions | open p50   p95   max (ms) | filter p50   p95   max (ms) | errors | CPU ms/open /change"
        " | RSS before  with after (MB) | MB/session"
    )
    for level in levels:
        per_session = (level.rss_connected - level.rss_before) / level.sessions
        opening, filtering = level.opening or [0.0], level.filtering or [0.0]
        print(
            f"  {level.sessions:8d} | {ms(statistics.median(opening))}{ms(percentile(opening, 0.95))}"
            f"{ms(max(opening))} | {ms(statistics.median(filtering))}{ms(percentile(filtering, 0.95))}"
            f"{ms(max(filtering))}   | {level.errors:6d} | {level.cpu_per_open_ms:11.0f} {level.cpu_per_change_ms:7.0f}"
            f" | {level.rss_before:10.0f} {level.rss_connected:5.0f} {level.rss_after:5.0f}      | {per_session:10.2f}"
        )
    print(
        f"  RSS once all sessions left: {levels[-1].rss_after - rss_start:+.1f} MB against after the first visitor,"
        f" {levels[-1].rss_after - levels[-1].rss_before:+.1f} MB over the last round"
    )


def main() -> None:
    from monitor.build.database import build_database
    from tests.browser import streamlit_server

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default="1,10,25,50,50", help="sessions at once, comma-separated")
    parser.add_argument("--variants", default=",".join(VARIANTS), help=f"server variants among {', '.join(VARIANTS)}")
    parser.add_argument(
        "--checkout",
        action="append",
        metavar="NAME=PATH",
        help="serve this checkout (e.g. an unpacked older commit: `git archive COMMIT | tar -x -C DIR`); repeatable;"
        " default: this one",
    )
    arguments = parser.parse_args()
    levels = [int(count) for count in arguments.levels.split(",")]
    checkouts = dict(item.split("=", 1) for item in arguments.checkout or [f"this={ROOT}"])
    print("== Capacity of one app process (websocket client, loopback; the Overview, then a Member filter change)")
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        database = build_database(scratch / "strategy.duckdb")
        for name, checkout in checkouts.items():
            for variant in arguments.variants.split(","):
                log_dir = scratch / f"{name}-{variant}"
                log_dir.mkdir()
                options = (*VARIANTS[variant], *SERVER_OPTIONS)
                speed = machine_speed() * 1000
                print(f"-- {name} {variant} ({' '.join(VARIANTS[variant])}); machine loop {speed:.0f} ms")
                with streamlit_server(database, log_dir, root=Path(checkout).resolve(), options=options) as url:
                    print_table(*asyncio.run(measure_server(url, levels)))


if __name__ == "__main__":
    main()
