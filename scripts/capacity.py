"""Capacity of the served app, one process against N behind HAProxy: many sessions at once, driven over Streamlit's
websocket. Run: make bench

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

Then one process against N processes in the same run (`--processes 1,2`): each count served as `make serve`
serves it (monitor.serve_many: HAProxy in front, sticky sessions by cookie; the count 1 also goes through
HAProxy, so the two differ only in the processes behind it), all on one throwaway local PostgreSQL store and
the same levels. Every session first GETs the page, as a browser does, and carries HAProxy's cookie into its
websocket, so that it stays on one process; the table says how the sessions spread. Memory and CPU are summed
over the app processes.

Usage: scripts/capacity.py [--levels 1,10,25,50,50] [--variants gc-on,gc-off] [--checkout NAME=PATH ...]
                           [--processes 1,2]       (an empty --variants or --processes skips that part)
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.core.paths import DB_PATH_ENV, STORE_PATH_ENV, USERS_PATH_ENV  # noqa: E402
from monitor.serve_many import SERVED_BY_HEADER, STICKY_COOKIE  # noqa: E402
from monitor.storage.sessions import SECRET_ENV  # noqa: E402
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
    served_by: str = ""  # the app process HAProxy chose (its X-Served-By header); "" without a proxy

    async def open(self) -> float:
        """Load the page, connect and run the Overview once; seconds until that first run has finished."""
        started = time.perf_counter()
        cookie = await self._load_page()
        address = self.url.replace("http://", "ws://") + "/_stcore/stream"
        self.connection = await websockets.connect(
            address,
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=RUN_TIMEOUT,
            additional_headers={"Cookie": cookie} if cookie else None,
        )
        await self._run()
        return time.perf_counter() - started

    async def _load_page(self) -> str:
        """GET the page as a browser does first; the stickiness cookie HAProxy sets ("" without a proxy)."""
        host, port = urlsplit(self.url).hostname, urlsplit(self.url).port
        reader, writer = await asyncio.open_connection(host, port)
        try:
            writer.write(f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
            async with asyncio.timeout(RUN_TIMEOUT):
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
                await reader.read()
        finally:
            writer.close()
        cookie = ""
        for line in head.split("\r\n")[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "set-cookie" and value.strip().startswith(f"{STICKY_COOKIE}="):
                cookie = value.strip().split(";")[0]
            if name.lower() == SERVED_BY_HEADER.lower():
                self.served_by = value.strip()
        return cookie

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
    spread: str = ""  # sessions per app process, e.g. "25/25"
    client_cpu_ms: float = 0.0  # this load client's own CPU time per run (it shares the machine's cores)
    cores_busy: float = 0.0  # the app processes' CPU time over the wall time of the filter changes: cores used


async def attempt(coroutine) -> float | None:
    try:
        return await coroutine
    except (RunFailed, OSError, TimeoutError, websockets.WebSocketException) as error:
        print(f"    error: {type(error).__name__}: {str(error)[:120]}")
        return None


async def run_level(url: str, servers: list[int], count: int) -> Level:
    """`servers`: the app processes' pids (their memory and CPU are summed)."""
    rss_before, cpu_before, client_before = rss_mb(servers), cpu_seconds(servers), client_cpu_seconds()
    sessions = [Session(url) for _ in range(count)]
    opened = await asyncio.gather(*(attempt(session.open()) for session in sessions))
    cpu_opened = cpu_seconds(servers)
    ready = [session for session, took in zip(sessions, opened, strict=True) if took is not None and session.filter_id]
    changing_from = time.perf_counter()
    changed = await asyncio.gather(*(attempt(session.change_filter(n)) for n, session in enumerate(ready)))
    changing_took = time.perf_counter() - changing_from
    cpu_changed, client_used = cpu_seconds(servers), client_cpu_seconds() - client_before
    rss_connected = rss_mb(servers)
    await asyncio.gather(*(session.close() for session in sessions))
    rss_after = await rss_once_left(servers)
    spread = collections.Counter(session.served_by for session in sessions if session.served_by)
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
        spread="/".join(str(spread[name]) for name in sorted(spread)),
        client_cpu_ms=client_used * 1000 / max(1, len(opening) + len(filtering)),
        cores_busy=(cpu_changed - cpu_opened) / changing_took,
    )


async def rss_once_left(servers: list[int]) -> float:
    """The servers' RSS after the sessions that left are dropped (their TTL, then Streamlit's periodic cleanup)."""
    await asyncio.sleep(SESSION_TTL + 3)
    return rss_mb(servers)


def rss_mb(pids: list[int]) -> float:
    """Resident memory of the processes, summed."""
    return sum(_rss_mb(pid) for pid in pids)


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no RSS for process {pid}")


def client_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the processes, all threads, summed."""
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


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


async def measure_server(
    url: str, levels: list[int], servers: list[int] | None = None
) -> tuple[float, float, list[Level]]:
    """`servers`: the pids of the app processes behind `url` (default: our own child serving its port)."""
    servers = servers or [server_pid(url.rsplit(":", 1)[1])]
    first = Session(url)
    first_visit = await first.open()  # the first visitor after the start
    await first.close()
    rss_start = rss_mb(servers)
    results = []
    for count in levels:
        results.append(await run_level(url, servers, count))
    return first_visit, rss_start, results


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.0f}"


def print_table(first_visit: float, rss_start: float, levels: list[Level]) -> None:
    print(f"  first visitor after the start: {first_visit * 1000:.0f} ms; server RSS after it {rss_start:.0f} MB")
    print(
        "  sessions | open p50   p95   max (ms) | filter p50   p95   max (ms) | errors | CPU ms/open /change"
        " | RSS before  with after (MB) | MB/session | sessions per process | client CPU ms/run | cores busy"
    )
    for level in levels:
        per_session = (level.rss_connected - level.rss_before) / level.sessions
        opening, filtering = level.opening or [0.0], level.filtering or [0.0]
        print(
            f"  {level.sessions:8d} | {ms(statistics.median(opening))}{ms(percentile(opening, 0.95))}"
            f"{ms(max(opening))} | {ms(statistics.median(filtering))}{ms(percentile(filtering, 0.95))}"
            f"{ms(max(filtering))}   | {level.errors:6d} | {level.cpu_per_open_ms:11.0f} {level.cpu_per_change_ms:7.0f}"
            f" | {level.rss_before:10.0f} {level.rss_connected:5.0f} {level.rss_after:5.0f}      | {per_session:10.2f}"
            f" | {level.spread or '-':>20} | {level.client_cpu_ms:17.0f} | {level.cores_busy:10.2f}"
        )
    print(
        f"  RSS once all sessions left: {levels[-1].rss_after - rss_start:+.1f} MB against after the first visitor,"
        f" {levels[-1].rss_after - levels[-1].rss_before:+.1f} MB over the last round"
    )


def measure_processes(counts: list[int], levels: list[int], scratch: Path, database: Path) -> None:
    """One process against N, each served as `make serve` serves it, one after the other on one PostgreSQL."""
    from monitor.serve_many import free_ports, serving
    from monitor.storage import local_postgres

    print("== One process against N behind HAProxy (sticky sessions by cookie), on one local PostgreSQL store")
    scratch.chmod(0o755)  # the cluster's directory is handed to the postgres user, who must reach it
    store_url = local_postgres.start(scratch / "postgres", durable=False)
    environment = {
        DB_PATH_ENV: str(database),
        USERS_PATH_ENV: str(scratch / "users.yaml"),
        STORE_PATH_ENV: str(scratch / "store.duckdb"),  # used only where no store URL is understood
        SECRET_ENV: "capacity-benchmark-only",
    }
    try:
        for count in counts:
            log_dir = scratch / f"processes-{count}"
            speed = machine_speed() * 1000
            print(f"-- {count} app process{'es' if count > 1 else ''} behind HAProxy; machine loop {speed:.0f} ms")
            port = free_ports(count + 1)  # HAProxy's, then the processes'
            with serving(
                count,
                port,
                log_dir,
                store_url=store_url,
                environment=environment,
                options=(*VARIANTS["gc-off"], *SERVER_OPTIONS),
            ) as running:
                print_table(*asyncio.run(measure_server(running.url, levels, running.app_pids)))
    finally:
        local_postgres.stop(scratch / "postgres")


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
    parser.add_argument("--processes", default="1,2", help="app process counts behind HAProxy, comma-separated")
    arguments = parser.parse_args()
    levels = [int(count) for count in arguments.levels.split(",")]
    checkouts = dict(item.split("=", 1) for item in arguments.checkout or [f"this={ROOT}"])
    variants = [variant for variant in arguments.variants.split(",") if variant]
    process_counts = [int(count) for count in arguments.processes.split(",") if count]
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        database = build_database(scratch / "strategy.duckdb")
        if variants:
            print(
                "== Capacity of one app process (websocket client, loopback; the Overview, then a Member filter change)"
            )
        for name, checkout in checkouts.items():
            for variant in variants:
                log_dir = scratch / f"{name}-{variant}"
                log_dir.mkdir()
                options = (*VARIANTS[variant], *SERVER_OPTIONS)
                speed = machine_speed() * 1000
                print(f"-- {name} {variant} ({' '.join(VARIANTS[variant])}); machine loop {speed:.0f} ms")
                with streamlit_server(database, log_dir, root=Path(checkout).resolve(), options=options) as url:
                    print_table(*asyncio.run(measure_server(url, levels)))
        if process_counts:
            measure_processes(process_counts, levels, scratch, database)


if __name__ == "__main__":
    main()
