"""A throwaway PostgreSQL server in a directory of its own: for the tests and for `make serve` on one machine.

Debian's PostgreSQL binaries (`/usr/lib/postgresql/<version>/bin`) create a cluster in `directory`
(`initdb`, trust authentication: the server listens only on a Unix socket in that directory, no TCP port)
and start it on `port` (the number names the socket file). PostgreSQL refuses to run as root, so as root the
binaries run as the `postgres` user, who then owns the directory.

    python -m monitor.storage.local_postgres start DIR [--port 5433]   # prints the URL
    python -m monitor.storage.local_postgres stop DIR
"""

from __future__ import annotations

import argparse
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

BIN_ROOT = Path("/usr/lib/postgresql")
SERVICE_USER = "postgres"


def binaries() -> Path:
    """The directory of the newest installed PostgreSQL's server binaries."""
    if not BIN_ROOT.is_dir():
        raise FileNotFoundError(f"PostgreSQL is not installed ({BIN_ROOT} is missing): apt-get install postgresql")
    versions = sorted((path for path in BIN_ROOT.iterdir() if (path / "bin" / "initdb").exists()), key=_version)
    if not versions:
        raise FileNotFoundError(f"no PostgreSQL server binaries under {BIN_ROOT}")
    return versions[-1] / "bin"


def _version(path: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in path.name.split(".") if part.isdigit())


def _as_service_user(command: list[str]) -> list[str]:
    """PostgreSQL will not run as root: as root, run it as the `postgres` user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", SERVICE_USER, "--", *command]
    return command


def _hand_to_service_user(directory: Path) -> None:
    if os.geteuid() == 0:
        account = pwd.getpwnam(SERVICE_USER)
        for place in (directory, *directory.rglob("*")):
            os.chown(place, account.pw_uid, account.pw_gid)


def _run(command: list[str]) -> None:
    """Run a PostgreSQL binary; its own words when it fails (e.g. the `postgres` user cannot reach the directory:
    every folder above it must be open to others, as /tmp is)."""
    done = subprocess.run(_as_service_user(command), capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{Path(command[0]).name} failed: {(done.stderr or done.stdout).strip()}")


def url(directory: Path, port: int, database: str = "postgres") -> str:
    """The connection URL of the server in `directory` (its Unix socket), to `database`."""
    return f"postgresql://{SERVICE_USER}@/{database}?host={Path(directory).resolve()}&port={port}"


def running(directory: Path) -> bool:
    directory = Path(directory).resolve()
    if not (directory / "PG_VERSION").exists():
        return False
    status = subprocess.run(
        _as_service_user([str(binaries() / "pg_ctl"), "-D", str(directory), "status"]),
        capture_output=True,
        check=False,
    )
    return status.returncode == 0


def start(directory: Path, port: int = 5433, durable: bool = True) -> str:
    """Create the cluster in `directory` if it has none, start it on `port` unless it runs; return its URL.

    `durable=False` (tests) skips flushing to disk: faster, and a crash of the machine may lose the cluster.
    """
    directory = Path(directory).resolve()
    directory.mkdir(parents=True, exist_ok=True)
    bin_dir = binaries()
    if not (directory / "PG_VERSION").exists():
        _hand_to_service_user(directory)
        _run([str(bin_dir / "initdb"), "-D", str(directory), "-A", "trust", "-U", SERVICE_USER, "-E", "UTF8"])
    if not running(directory):
        _hand_to_service_user(directory)
        options = f"-p {port} -k {directory} -c listen_addresses=''" + ("" if durable else " -c fsync=off")
        _run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(directory),
                "-o",
                options,
                "-l",
                str(directory / "server.log"),
                "-w",
                "start",
            ]
        )
    return url(directory, port)


def stop(directory: Path) -> None:
    """Stop the server in `directory` (fast shutdown: open sessions are ended); nothing if none runs."""
    directory = Path(directory).resolve()
    if running(directory):
        _run([str(binaries() / "pg_ctl"), "-D", str(directory), "-m", "fast", "-w", "stop"])


def remove(directory: Path) -> None:
    """Stop the server and delete its directory (a throwaway cluster)."""
    stop(directory)
    shutil.rmtree(directory, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m monitor.storage.local_postgres", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    starting = commands.add_parser("start", help="create if needed and start; print the URL")
    starting.add_argument("directory", type=Path)
    starting.add_argument("--port", type=int, default=5433)
    commands.add_parser("stop", help="stop the server").add_argument("directory", type=Path)
    args = parser.parse_args(argv)
    if args.command == "start":
        print(start(args.directory, args.port))
    else:
        stop(args.directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
