"""The viewer page: evalframe/web/static/ assembled into one HTML document.

The page is hand-written HTML, CSS and JavaScript with no build step and no
network fetch of its own: ``render_page`` inlines the stylesheet and the
script into viewer.html, and then either inlines the recording too (a
self-contained file that works from ``file://``) or tells the script to load
it from ``recording_url`` (what a server does).
"""

import json
import os

STATIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")


def _read(name):
    with open(os.path.join(STATIC, name), encoding="utf-8") as f:
        return f.read()


def _script_json(value):
    """JSON that can sit inside a <script> element: no '</script>' can end it early."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                           separators=(",", ":"))
    # '<' only occurs inside JSON strings, where \\u003c means the same
    return (text.replace("<", "\\u003c").replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029"))


def render_page(recording=None, *, recording_url=None, title=None):
    """The viewer's HTML.

    ``recording``: a recording dict (evalframe.web.record), or its JSON text,
    inlined into the page.  Otherwise the page fetches ``recording_url``.
    """
    if recording is None and recording_url is None:
        raise ValueError("render_page needs a recording or a recording_url")
    html = _read("viewer.html")
    if title is None:
        program = None
        if isinstance(recording, dict):
            program = recording.get("program")
        title = "evalframe: %s" % os.path.basename(program) if program else "evalframe"
    if recording is not None:
        data = '<script id="recording-data" type="application/json">%s</script>' % \
            _script_json(recording)
    else:
        data = "<script>window.EVALFRAME_RECORDING_URL = %s;</script>" % \
            _script_json(json.dumps(recording_url))
    parts = {
        "<!--@TITLE@-->": _escape(title),
        "/*@CSS@*/": _read("viewer.css"),
        "<!--@DATA@-->": data,
        "/*@JS@*/": _read("viewer.js").replace("</script", "<\\/script"),
    }
    for key, value in parts.items():
        html = html.replace(key, value, 1)
    return html


def _escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
