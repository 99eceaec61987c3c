"""schemathesis hooks for `npm run fuzz:http` (loaded by schemathesis.toml's `hooks`)."""

import re
import uuid

import schemathesis
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode

_IDEMPOTENCY_KEY = "idempotency-key"
_IF_MATCH = "if-match"
# The pattern the document gives If-Match (libs/platform/src/http/request-params.ts, ApiIfMatch).
_DOCUMENTED_IF_MATCH = re.compile(r'^(\*|(W/)?"[0-9A-Za-z._~-]*")$')


def _positive_headers(case):
    component = (case.meta.components if case.meta else {}).get(ParameterLocation.HEADER)
    return component is not None and component.mode == GenerationMode.POSITIVE


@schemathesis.hook
def before_call(context, case, kwargs):
    """Three corrections to what schemathesis sends, each for a reason the document cannot carry.

    A fresh Idempotency-Key for every request that sends a valid one: the document says what a key
    looks like, not that a client must never send the same key with another request. The gateway
    answers that reuse with 422 (idempotency-key-reused), rightly, and generated keys repeat all the
    time ("0", "00"…). A key the schema refuses (empty, too long) is left as generated, so the
    gateway's 400 for it is still tested.

    An If-Match that schemathesis 4.32.5's coverage phase fills with the integer 0 (sent as "0") in
    headers it calls schema-valid, when it cannot produce a value for the header's pattern: such a
    value is sent as `*`, which is valid. Headers generated as invalid are left as they are, so the
    gateway's 400 for a malformed If-Match is still tested.
    """
    # Links schemathesis infers from response schemas may feed a null field (a secretariat user's
    # cityId) into a path as "None", which is no uuid: the 400 that gets is right, but the request is
    # not the schema-valid one the check takes it for. Such a parameter is sent as a uuid that names
    # nothing, so the route's 404 path is what gets tested.
    for name, value in list((case.path_parameters or {}).items()):
        if value is None or value == "None":
            case.path_parameters[name] = str(uuid.uuid4())
    headers = case.headers or {}
    for name, value in list(headers.items()):
        if name.lower() == _IDEMPOTENCY_KEY and isinstance(value, str) and 1 <= len(value) <= 255:
            headers[name] = str(uuid.uuid4())
        elif (
            name.lower() == _IF_MATCH
            and _positive_headers(case)
            and not (isinstance(value, str) and _DOCUMENTED_IF_MATCH.match(value))
        ):
            headers[name] = "*"
