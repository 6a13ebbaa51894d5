"""Serve the Monitor from several app processes behind HAProxy on this machine: `make serve N=2`.

    python -m monitor.serve_many --processes 2 --port 8600 [--directory data/serve]

In order: the strategy database is built once if missing or stale (before any process starts: N processes
would otherwise each find it stale and build it at once); the user store is $G4B_STORE_URL, else a local
PostgreSQL cluster started in data/store/postgres (monitor.storage.local_postgres); N app processes run
`streamlit run dashboard.py` on ports 8601.., address 127.0.0.1, each with the same store and the same
sign-in secret (a lasting sign-in cookie is valid on every process); once they answer their health check,
HAProxy (deploy/haproxy.cfg) serves them on one address with websockets and sticky sessions by cookie.
Ctrl-C (or SIGTERM) stops HAProxy, then the processes, then the PostgreSQL it started, in that order.

The module starts other programs and never imports Streamlit itself (pyproject's import contracts).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from monitor.core.paths import DATA_DIR, PROJECT_ROOT, STORE_URL_ENV

HAPROXY = "/usr/sbin/haproxy"
HAPROXY_TEMPLATE = PROJECT_ROOT / "deploy" / "haproxy.cfg"
STICKY_COOKIE = "g4b_server"  # HAProxy's cookie: which process holds this browser's sessions
SERVED_BY_HEADER = "X-Served-By"  # HAProxy's answer header: the name of the process that answered (app1, app2…)
DEFAULT_DIRECTORY = DATA_DIR / "store" / "serve"  # logs and the filled-in HAProxy configuration
DEFAULT_POSTGRES_DIRECTORY = DATA_DIR / "store" / "postgres"
START_SECONDS = 60  # a process that does not answer its health check by then has failed to start
STOP_SECONDS = 10


@dataclass
class Serving:
    """What is running: the proxy's address, and each app process's own address and process id."""

    url: str
    app_urls: list[str] = field(default_factory=list)
    app_pids: list[int] = field(default_factory=list)
    proxy_pid: int = 0
    store_url: str = ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def free_ports(count: int) -> int:
    """The first of `count` consecutive ports free on loopback (a proxy's port and its processes' after it)."""
    while True:
        first = free_port()
        if first + count < 65535 and ports_free(first, count):
            return first


def ports_free(first: int, count: int) -> bool:
    for port in range(first, first + count):
        with socket.socket() as probe:
            # as the servers bind: a port whose last connections are only closing (TIME_WAIT) is free to them
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                return False
    return True


@contextmanager
def serving(
    processes: int,
    port: int,
    directory: Path,
    *,
    store_url: str | None = None,
    first_app_port: int | None = None,
    environment: Mapping[str, str] | None = None,
    options: tuple[str, ...] = (),
    postgres_directory: Path | None = None,
    root: Path = PROJECT_ROOT,
) -> Iterator[Serving]:
    """Start everything (see the module's docstring), yield what runs, stop it all on the way out.

    `environment`: settings for the app processes over this process's own (G4B_DB_PATH, G4B_USERS_PATH…).
    `options`: more `streamlit run` settings for every process (scripts/capacity.py turns the file watcher off).
    `postgres_directory`: where the local PostgreSQL lives when no `store_url` is given (and none in the
    environment); default data/store/postgres.
    """
    directory.mkdir(parents=True, exist_ok=True)
    settings = {**os.environ, **(environment or {})}
    first_app_port = first_app_port or port + 1
    if not ports_free(first_app_port, processes) or not ports_free(port, 1):
        raise RuntimeError(f"port {port} or one of {first_app_port}..{first_app_port + processes - 1} is in use")
    build_once(settings, root)
    with ExitStack() as stack:
        store_url = (
            store_url
            or settings.get(STORE_URL_ENV)
            or stack.enter_context(local_store(postgres_directory or DEFAULT_POSTGRES_DIRECTORY))
        )
        settings |= {STORE_URL_ENV: store_url, **shared_secrets(settings)}
        running = Serving(url=f"http://127.0.0.1:{port}", store_url=store_url)
        for number in range(processes):
            app_port = first_app_port + number
            process = stack.enter_context(app_process(app_port, directory, settings, options, root))
            running.app_urls.append(f"http://127.0.0.1:{app_port}")
            running.app_pids.append(process.pid)
        for url in running.app_urls:
            wait_healthy(url, what=f"the app process at {url}", log_dir=directory)
        config = write_haproxy_config(directory / "haproxy.cfg", port, running.app_urls)
        running.proxy_pid = stack.enter_context(haproxy(config, directory)).pid
        wait_healthy(running.url, what="HAProxy", log_dir=directory)
        yield running


def build_once(settings: Mapping[str, str], root: Path) -> None:
    """`python -m monitor.build --if-stale`, as `make run` does, once for all the processes."""
    subprocess.run([sys.executable, "-m", "monitor.build", "--if-stale"], cwd=root, env=dict(settings), check=True)


@contextmanager
def local_store(directory: Path) -> Iterator[str]:
    """A PostgreSQL cluster of this machine for the store, started here and stopped on the way out."""
    from monitor.storage import local_postgres

    url = local_postgres.start(directory)  # listens on a Unix socket in `directory` only
    try:
        yield url
    finally:
        local_postgres.stop(directory)


def shared_secrets(settings: Mapping[str, str]) -> dict[str, str]:
    """The same sign-in secret for every process (else each would read or generate its own, and a cookie signed
    by one would be refused by another), and from it Streamlit's own cookie secret, which is random per process
    unless set (it signs Streamlit's cookies, which the Monitor does not use today; set so it never matters)."""
    from monitor.storage import sessions

    secret = settings.get(sessions.SECRET_ENV) or sessions.secret()
    streamlit_secret = hashlib.sha256(f"streamlit-cookie:{secret}".encode()).hexdigest()
    return {sessions.SECRET_ENV: secret, "STREAMLIT_SERVER_COOKIE_SECRET": streamlit_secret}


@contextmanager
def app_process(
    port: int, directory: Path, settings: Mapping[str, str], options: tuple[str, ...], root: Path
) -> Iterator[subprocess.Popen]:
    """`streamlit run dashboard.py` on 127.0.0.1:`port`, as `make run` starts it; its log beside the others."""
    command = streamlit_command(port, "dashboard.py", options)
    with (directory / f"app-{port}.log").open("w") as log:  # a file, never an unread pipe
        process = subprocess.Popen(command, cwd=root, env=dict(settings), stdout=log, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            stop(process)


def streamlit_command(port: int, script: str, options: tuple[str, ...] = ()) -> list[str]:
    """The command that serves `script` on 127.0.0.1:`port` without asking anything (as `make run`, headless)."""
    address = ("--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true")
    return [sys.executable, "-m", "streamlit", "run", script, *address, *options]


def write_haproxy_config(target: Path, port: int, app_urls: list[str]) -> Path:
    """deploy/haproxy.cfg with this run's addresses filled in: one `server` line per app process."""
    servers = "\n".join(
        f"    server app{number} {url.removeprefix('http://')} cookie app{number}"
        for number, url in enumerate(app_urls, start=1)
    )
    text = string.Template(HAPROXY_TEMPLATE.read_text(encoding="utf-8")).substitute(
        proxy_address="127.0.0.1",
        proxy_port=port,
        cookie_name=STICKY_COOKIE,
        served_by_header=SERVED_BY_HEADER,
        servers=servers,
    )
    target.write_text(text, encoding="utf-8")
    subprocess.run([haproxy_program(), "-c", "-q", "-f", str(target)], check=True)  # refuse a broken file early
    return target


def haproxy_program() -> str:
    program = shutil.which("haproxy") or (HAPROXY if Path(HAPROXY).exists() else None)
    if not program:
        raise RuntimeError("HAProxy is not installed: `make serve` installs Debian's (apt-get install haproxy)")
    return program


@contextmanager
def haproxy(config: Path, directory: Path) -> Iterator[subprocess.Popen]:
    """HAProxy in the foreground (-db), so that it is our child and stops with us."""
    with (directory / "haproxy.log").open("w") as log:
        process = subprocess.Popen([haproxy_program(), "-db", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            stop(process)


def wait_healthy(url: str, what: str, log_dir: Path) -> None:
    wait_answering(f"{url}/_stcore/health", f"{what} did not answer its health check; see the logs in {log_dir}")


def wait_answering(
    url: str, failure: str, process: subprocess.Popen | None = None, seconds: float = START_SECONDS
) -> None:
    """Wait until `url` answers 200; raise RuntimeError(`failure`) if it does not within `seconds`, or as soon as
    `process` (the server behind it, when given) has ended."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:  # refused while starting; urllib's HTTPError is one too
            pass
        if time.monotonic() > deadline or (process is not None and process.poll() is not None):
            raise RuntimeError(failure)
        time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run_until_stopped(running: Serving) -> None:
    """Serve until Ctrl-C or SIGTERM (then the `serving` block stops everything)."""
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(0))  # leave through the same `finally`s
    # Ctrl-C, even when started from a script in the background (which starts us with SIGINT ignored)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    print(f"Serving on {running.url} from {len(running.app_urls)} processes ({', '.join(running.app_urls)}).")
    print(f"The store: {STORE_URL_ENV}={running.store_url}")  # for `make sample` and the like, while it runs
    print("Ctrl-C stops them all.", flush=True)
    while True:
        time.sleep(3600)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", type=int, default=2, help="app processes (default 2)")
    parser.add_argument("--port", type=int, default=8600, help="HAProxy's port; the processes take the next ones")
    parser.add_argument("--directory", type=Path, default=DEFAULT_DIRECTORY, help="logs and HAProxy's file")
    arguments = parser.parse_args(argv)
    try:
        with serving(arguments.processes, arguments.port, arguments.directory) as running:
            run_until_stopped(running)
    except KeyboardInterrupt:
        print("Stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
