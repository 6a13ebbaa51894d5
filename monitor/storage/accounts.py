"""Accounts: who may write, kept in a YAML file with bcrypt password hashes that is never committed.

Viewers need no account. An editor belongs to one government member (a cabinet) and may propose updates
for what that member steers or initiates; an admin (the secretariat) validates, manages cycles and imports.

With single sign-on (monitor.storage.single_sign_on) an account may also carry the e-mail address an OpenID
Connect provider vouches for: whoever signs in through the provider with that address is that account. An
account made with --no-password signs in only that way.

Command line:
    python -m monitor.storage.accounts add NAME --role editor --member MEMBER_ID [--full-name "..."] [--password-stdin]
    python -m monitor.storage.accounts add NAME --role admin
    python -m monitor.storage.accounts add NAME --role editor --member MEMBER_ID --email ADDRESS --no-password
    python -m monitor.storage.accounts link NAME ADDRESS     (single sign-on: the provider's verified e-mail)
    python -m monitor.storage.accounts unlink NAME
    python -m monitor.storage.accounts list
    python -m monitor.storage.accounts remove NAME
    python -m monitor.storage.accounts lock NAME [--reason "..."]   (no sign-in until unlocked; signed out now)
    python -m monitor.storage.accounts unlock NAME                  (also forgets its failed sign-ins)
    python -m monitor.storage.accounts failures                     (failed sign-ins of the lockout window)
Every change is in the audit log; the output is tab-separated, for scripts.
"""

from __future__ import annotations

import argparse
import copy
import getpass
import hashlib
import os
import re
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import bcrypt
import yaml

from monitor.core.errors import DatabaseUnavailable
from monitor.core.paths import users_path

ROLES = ("editor", "admin")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class User:
    username: str
    full_name: str
    role: str
    member_id: str | None = None
    email: str | None = None  # the address a single sign-on provider vouches for, if linked

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _read(path: Path) -> dict[str, dict]:
    """The accounts of the file, parsed again only when the file changed (a signed-in page run asks several
    times: its account, its lock, its linked address). A copy: callers may change it before writing it back."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return {}
    identity = (str(path), status.st_ino, status.st_mtime_ns, status.st_size)
    with _parsed_lock:
        if _parsed.get("identity") != identity:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            _parsed.update(identity=identity, users=dict(loaded.get("users") or {}))
        return copy.deepcopy(_parsed["users"])


_parsed: dict = {}  # the last file read: its identity (path, inode, mtime, size) and its accounts
_parsed_lock = threading.Lock()


def _write(path: Path, users: dict[str, dict]) -> None:
    """Write the file through a temporary file and a rename, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".users-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        yaml.safe_dump({"users": users}, out, allow_unicode=True, sort_keys=True)
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)


def _user(username: str, entry: dict) -> User:
    return User(username, entry.get("full_name") or username, entry["role"], entry.get("member_id"), entry.get("email"))


def users(path: Path | None = None) -> list[User]:
    return [_user(name, entry) for name, entry in sorted(_read(path or users_path()).items())]


def full_names(path: Path | None = None) -> dict[str, str]:
    """{account name: the person's full name} of every account (the account name where none was given)."""
    return {user.username: user.full_name for user in users(path)}


def find(username: str, path: Path | None = None) -> User | None:
    """The account, if it exists and is not locked (a locked account's sign-in ends at its next page run)."""
    entry = _read(path or users_path()).get(username)
    return _user(username, entry) if entry and not entry.get("locked") else None


def exists(username: str, path: Path | None = None) -> bool:
    return username in _read(path or users_path())


def locked_reason(username: str, path: Path | None = None) -> str | None:
    """Why an administrator locked the account (monitor.storage.sign_ins.lock), None when it is not locked."""
    entry = _read(path or users_path()).get(username) or {}
    return entry.get("locked") or None


def set_locked(username: str, reason: str | None, path: Path | None = None) -> None:
    """Mark the account locked with `reason`, or unlocked with None (callers audit it: sign_ins.lock/unlock)."""
    path = path or users_path()
    entries = _read(path)
    if reason:
        entries[username]["locked"] = reason
    else:
        entries[username].pop("locked", None)
    _write(path, entries)


def credential_stamp(username: str, path: Path | None = None) -> str | None:
    """A short digest of the account's password hash, None without one. A lasting sign-in carries it: a new
    password, or the account removed and made again, ends every lasting sign-in made before."""
    entry = _read(path or users_path()).get(username) or {}
    if not entry.get("password_hash"):
        return None
    return hashlib.sha256(entry["password_hash"].encode("ascii")).hexdigest()[:16]


def find_by_email(email: str, path: Path | None = None) -> User | None:
    """The account linked to this e-mail address (compared in lower case), if any and not locked."""
    wanted = email.strip().lower()
    found = next((user for user in users(path) if user.email and user.email.strip().lower() == wanted), None)
    return found if found and not locked_reason(found.username, path) else None  # a locked account stays out


def authenticate(username: str, password: str, path: Path | None = None) -> User | None:
    """The user if the password matches its hash, else None (same answer for an unknown name, and for an account
    that signs in only through single sign-on)."""
    entry = _read(path or users_path()).get(username.strip().lower())
    if not entry or not entry.get("password_hash"):
        bcrypt.checkpw(b"timing", bcrypt.hashpw(b"equaliser", bcrypt.gensalt(4)))  # do not reveal unknown names
        return None
    if bcrypt.checkpw(password.encode("utf-8"), entry["password_hash"].encode("ascii")) and not entry.get("locked"):
        return _user(username.strip().lower(), entry)
    return None


def add(
    username: str,
    password: str | None,
    role: str,
    member_id: str | None = None,
    full_name: str | None = None,
    path: Path | None = None,
    rounds: int = 12,
    email: str | None = None,
) -> User:
    """Create or replace an account; editors must name the member (cabinet) they work for. With no password the
    account signs in only through single sign-on, so it must be linked to an e-mail address."""
    if not USERNAME.match(username):
        raise ValueError("user names are 2-40 lower-case letters, digits, '.', '_' or '-'")
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if role == "editor" and not member_id:
        raise ValueError("an editor works for one government member: give --member")
    if password is None and not email:
        raise ValueError("an account without a password signs in through single sign-on only: give --email")
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"passwords have at least {MIN_PASSWORD_LENGTH} characters")
    path = path or users_path()
    entries = _read(path)
    locked = (entries.get(username) or {}).get("locked")  # a new password does not unlock: `unlock` does
    entries[username] = {
        "full_name": full_name or username,
        "role": role,
        "member_id": member_id if role == "editor" else None,
        "password_hash": (
            bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds)).decode("ascii") if password else None
        ),
        "email": _checked_email(email, username, entries) if email else None,
        **({"locked": locked} if locked else {}),
    }
    _write(path, entries)
    return _user(username, entries[username])


def link(username: str, email: str | None, path: Path | None = None) -> User:
    """Link an account to the e-mail address its single sign-on provider vouches for (None: unlink)."""
    path = path or users_path()
    entries = _read(path)
    if username not in entries:
        raise ValueError(f"no account named {username!r}; the accounts are: {', '.join(sorted(entries)) or 'none'}")
    if email is None and not entries[username].get("password_hash"):
        raise ValueError(f"{username} has no password: unlinked, it could not sign in at all (remove it instead)")
    entries[username]["email"] = _checked_email(email, username, entries) if email else None
    _write(path, entries)
    return _user(username, entries[username])


def _checked_email(email: str, username: str, entries: dict[str, dict]) -> str:
    """The address in lower case, if it looks like one and no other account has it (one address, one person)."""
    address = email.strip().lower()
    if not EMAIL.match(address):
        raise ValueError(f"{email!r} is not an e-mail address")
    linked = {name: str(entry.get("email") or "").strip().lower() for name, entry in entries.items()}
    taken = [name for name, other in linked.items() if name != username and other == address]
    if taken:
        raise ValueError(f"{address} is already linked to the account {taken[0]}")
    return address


def remove(username: str, path: Path | None = None) -> bool:
    path = path or users_path()
    entries = _read(path)
    if entries.pop(username, None) is None:
        return False
    _write(path, entries)
    return True


PASSWORD_ENV = "MONITOR_PASSWORD"  # the password when a script adds the account (no terminal to ask on)


def member_ids() -> list[str]:
    """The government members' ids an editor can work for (those of the strategy database)."""
    from monitor.storage import db

    return sorted(db.run("filter_options").query("facet == 'member'")["option"])


def _password(from_stdin: bool) -> str:
    """The new password: from standard input when asked (--password-stdin) or when there is no terminal, else
    from MONITOR_PASSWORD when set, else typed twice at the terminal. Raises ValueError saying what to do."""
    if not from_stdin and os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if from_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ValueError(
                f"no password given: with no terminal to ask on, write it on standard input "
                f"(--password-stdin) or set {PASSWORD_ENV}"
            )
        return password
    password = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != password:
        raise ValueError("the passwords differ")
    return password


def _member_problem(role: str, member: str | None) -> str | None:
    """Why --member does not fit the role, listing the valid member ids; None when it fits."""
    if role != "editor":
        return None  # an admin works for no member: --member is ignored
    try:
        known = member_ids()
    except DatabaseUnavailable as unavailable:
        return f"the member ids cannot be checked: the strategy database is {unavailable.reason} (run make build)"
    if member in known:
        return None
    said = "an editor works for one government member: give --member" if not member else f"unknown member id {member!r}"
    return f"{said}; the member ids are:\n  " + "\n  ".join(known)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m monitor.storage.accounts", description="Manage the Monitor's accounts."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    adding = commands.add_parser("add", help="create or replace an account")
    adding.add_argument("username")
    adding.add_argument("--role", choices=ROLES, required=True)
    adding.add_argument("--member", help="the government member id an editor works for (see the Who does what page)")
    adding.add_argument("--full-name")
    adding.add_argument("--email", help="the e-mail address the single sign-on provider vouches for (optional)")
    adding.add_argument(
        "--no-password", action="store_true", help="sign in through single sign-on only (needs --email)"
    )
    adding.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"read the password from standard input (also done with no terminal, unless {PASSWORD_ENV} is set)",
    )
    commands.add_parser("list", help="list the accounts")
    commands.add_parser("remove", help="remove an account").add_argument("username")
    linking = commands.add_parser("link", help="link an account to its single sign-on e-mail address")
    linking.add_argument("username")
    linking.add_argument("email")
    commands.add_parser("unlink", help="remove an account's single sign-on e-mail address").add_argument("username")
    locking = commands.add_parser("lock", help="refuse every sign-in of an account until unlocked; signs it out")
    locking.add_argument("username")
    locking.add_argument("--reason", default="", help="why (kept in the accounts file and the audit log)")
    commands.add_parser("unlock", help="unlock an account and forget its failed sign-ins").add_argument("username")
    commands.add_parser("failures", help="failed sign-ins per account name in the lockout window, and locks")
    args = parser.parse_args(argv)

    if args.command == "list":
        for user in users():
            locked = "locked" if locked_reason(user.username) else "active"
            print(_row(user.username, user.role, user.member_id or "-", user.email or "-", user.full_name, locked))
        return 0
    if args.command in ("link", "unlink"):
        try:
            user = link(args.username, args.email if args.command == "link" else None)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
        print(
            f"{user.username} signs in through single sign-on as {user.email}"
            if user.email
            else f"unlinked {user.username}"
        )
        return 0
    if args.command in ("lock", "unlock", "failures"):
        return _sign_in_command(args)
    if args.command == "remove":
        found = remove(args.username)
        print(f"removed {args.username}" if found else f"no account named {args.username}")
        return 0 if found else 1
    if problem := _member_problem(args.role, args.member):
        print(problem, file=sys.stderr)
        return 1
    try:
        password = None if args.no_password else _password(args.password_stdin)
        user = add(args.username, password, args.role, args.member, args.full_name, email=args.email)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    details = ", ".join(
        [
            user.role,
            *([user.member_id] if user.member_id else []),
            *([f"single sign-on as {user.email}"] if user.email else []),
        ]
    )
    print(f"saved {user.username} ({details}) in {users_path()}")
    return 0


def _sign_in_command(args: argparse.Namespace) -> int:
    """lock, unlock and failures: the sign-in side of an account (monitor.storage.sign_ins)."""
    from monitor.storage import sign_ins  # it imports this module

    if args.command == "failures":
        print("account\tfailures\tlast failure\tclients\tstate")
        for row in sign_ins.failures():
            print(_row(*row))
        return 0
    if not exists(args.username):
        known = ", ".join(user.username for user in users()) or "none"
        print(f"no account named {args.username!r}; the accounts are: {known}", file=sys.stderr)
        return 1
    by = f"command line ({_operator()})"
    if args.command == "lock":
        sign_ins.lock(args.username, args.reason or "locked", by)
        print(f"locked {args.username}: no sign-in until `unlock`; its sign-ins end at their next page")
    else:
        sign_ins.unlock(args.username, by)
        print(f"unlocked {args.username}; its failed sign-ins are forgotten")
    return 0


def _row(*values: object) -> str:
    """One line of tab-separated output. An account name of a failed sign-in is whatever was typed on the sign-in
    form, a reason or full name whatever an administrator wrote: their control characters (tab, newline, a
    terminal's escape) and backslashes are written out, so each value stays one cell of one line."""
    return "\t".join(_CONTROL.sub(lambda found: repr(found.group())[1:-1], str(value)) for value in values)


_CONTROL = re.compile(r"[\\\x00-\x1f\x7f-\x9f]")  # repr() writes each out: \t, \n, \x1b, \\


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (a container)
        return str(os.getuid())


if __name__ == "__main__":
    sys.exit(main())
