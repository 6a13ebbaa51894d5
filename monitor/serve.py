"""What the served app does beside Streamlit's own pages: once, when it starts (the lifespan of the ASGI app in
dashboard.py), before the first visitor, whether it was started by `make run` or by `streamlit run dashboard.py`
(the two are the same server); and the two routes of a lasting sign-in, which answer real HTTP requests so that
they can set and expire an HttpOnly cookie (a page's script cannot), with the middleware that expires that cookie
too when Streamlit's own single sign-on route signs out (st.logout).

Streamlit's st.login routes are /auth/login, /auth/logout and /oauth2callback; ours are under /session/, and
st.App refuses a route that clashes with one of its own when it starts."""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import pkgutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager

from monitor.core.errors import StoreUnavailable
from monitor.core.formats import DEFAULT_LANGUAGE, LANGUAGES
from monitor.i18n import translate
from monitor.storage import sessions


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """Ready the process, then serve.

    Routing: Streamlit decides on the first session whether the app is a legacy multipage app (a `pages/` folder
    beside the entry script) until a script has called `st.navigation`. The first visitor after a start who
    opens a deep link (/objectives?objective=1.4) would get a "Page not found" dialog over the right page.
    The app routes with `st.navigation` (dashboard.py), so that is said up front. Streamlit has no public
    setting for it: this class attribute is the one private name the Monitor uses (tests/test_browser.py
    holds the first visit by deep link to it, for both ways of starting).
    """
    PagesManager.uses_pages_directory = False
    prepare_process()
    yield


def prepare_process() -> None:
    """Import every module the pages use, load the message catalogue, warm the strategy's and the progress's
    caches (monitor.cache.warm), then freeze what exists so far out of Python's garbage collector.

    The first visitor no longer waits for the imports (pandas, plotly, duckdb: ~2 s here), nor for the catalogue
    and the caches (~1 s here on a busy machine). And the ~120,000 objects they create live as long as the
    process: a full collection walked them all, ~100-150 ms in the middle of some filter change; frozen, it
    walks only what came later (~25 ms).
    """
    import monitor
    from monitor import cache
    from monitor.i18n import catalogue

    for module in pkgutil.walk_packages(monitor.__path__, prefix=f"{monitor.__name__}."):
        if not module.name.endswith("__main__"):  # a package's command line runs when imported
            importlib.import_module(module.name)
    catalogue()
    cache.warm()
    gc.freeze()
    atexit.register(gc.unfreeze)  # at exit, let them go as usual (duckdb's bindings report what is never freed)


async def sign_in_route(request: Request) -> RedirectResponse:
    """Exchange the Account page's one-time token for the lasting cookie, then go back where the user was.
    A used, expired or altered token sets nothing (the user is then simply not signed in on the next page)."""
    response = RedirectResponse(sessions.safe_return_path(request.query_params.get("next")), status_code=303)
    username = sessions.redeem(request.query_params.get("token"))
    if username:
        response.set_cookie(
            sessions.COOKIE_NAME,
            sessions.issue_cookie(username),
            max_age=sessions.lifetime_seconds(),
            path="/",
            httponly=True,  # never readable by the page's JavaScript
            samesite="lax",  # not sent with another site's form posts or embedded requests
            secure=_over_https(request),
        )
    return response


async def sign_out_route(request: Request) -> RedirectResponse | PlainTextResponse:
    """Expire the cookie, then go back where the user was; only with the token the Account page's Sign out
    made for this cookie (sessions.sign_out_token): a link or form of another site is refused, signing no one out."""
    token = request.query_params.get("token")
    if not sessions.sign_out_allowed(token, request.cookies.get(sessions.COOKIE_NAME)):
        return PlainTextResponse(translate("account.sign_out_refused", _language(request)), status_code=403)
    _end_lasting_sign_in(request)
    response = RedirectResponse(sessions.safe_return_path(request.query_params.get("next")), status_code=303)
    _expire_cookie(response, _over_https(request))
    return response


def _end_lasting_sign_in(request: Request) -> None:
    """The browser's lasting sign-in ends in the store: a copy of its cookie is refused from now on too."""
    cookie = request.cookies.get(sessions.COOKIE_NAME)
    if not cookie:
        return
    # a store that cannot be written: the browser's own cookie is still expired by the response
    with contextlib.suppress(StoreUnavailable):
        sessions.end(cookie)


def _expire_cookie(response: Response, secure: bool) -> None:
    response.delete_cookie(sessions.COOKIE_NAME, path="/", httponly=True, samesite="lax", secure=secure)


class EndLastingSignInOnProviderSignOut:
    """Streamlit's sign-out route for single sign-on (/auth/logout, where st.logout sends the browser) also
    expires the Monitor's own lasting cookie: signing out is then one step whichever way the person signed in.

    Only for a request the browser says came from this site or from the user (Sec-Fetch-Site same-origin or
    none; a browser too old to say is trusted): the route carries no sign-out token, so a link or image of
    another site would otherwise sign anyone out, past the token the Monitor's own sign-out route asks for."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope) if scope["type"] == "http" else None
        if request is None or scope["path"] != _provider_sign_out_path() or not _from_this_site(request):
            await self.app(scope, receive, send)
            return
        _end_lasting_sign_in(request)
        expired = Response()
        _expire_cookie(expired, _over_https(request))
        extra = [(name, value) for name, value in expired.raw_headers if name == b"set-cookie"]

        async def send_with_expired_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_expired_cookie)


def _from_this_site(request: Request) -> bool:
    """Whether the browser says the request was made by a page of this site or by the user (address bar,
    bookmark); a browser that does not say (older than 2023) is taken at its word."""
    return request.headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none")


def _provider_sign_out_path() -> str:
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return "/" + "/".join(part for part in (base, "auth/logout") if part)


def _language(request: Request) -> str:
    """The page's language (?lang=), else the browser's first one the Monitor speaks."""
    wanted = [request.query_params.get("lang", "")]
    wanted += [
        part.split(";")[0].strip().split("-")[0].lower()
        for part in request.headers.get("accept-language", "").split(",")
    ]
    return next((code for code in wanted if code in LANGUAGES), DEFAULT_LANGUAGE)


def _over_https(request: Request) -> bool:
    # Behind a TLS reverse proxy (docs/operations.md) the app itself is reached over plain HTTP.
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"


ROUTES = [
    Route(sessions.SIGN_IN_PATH, sign_in_route, methods=["GET"]),
    Route(sessions.SIGN_OUT_PATH, sign_out_route, methods=["GET"]),
]
MIDDLEWARE = [Middleware(EndLastingSignInOnProviderSignOut)]
