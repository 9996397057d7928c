"""Responses the teacher's views share: a file download, and going back where the teacher came from."""
from urllib.parse import urlsplit

from flask import Response, redirect, request, url_for

from ..auth.guards import safe_next


def download(body, filename, mimetype):
    """`body` (text, bytes or a stream) sent as an attachment named `filename`."""
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f"attachment; filename={filename}"})


def back_or(endpoint, anchor=None):
    """Redirect to the page the form was on when it is one of ours, else to `endpoint`;
    with `anchor` (an element id), to that place on the page, so the teacher keeps their place."""
    target = request.referrer.split("#", 1)[0] if _same_site(request.referrer) else url_for(endpoint)
    return redirect(f"{target}#{anchor}" if anchor else target)


def _same_site(url):
    if not url:
        return False
    parts = urlsplit(url)
    return parts.netloc == request.host and safe_next(parts.path) is not None
