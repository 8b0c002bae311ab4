"""SDK-HMAC-SHA256, written for the tests from reference/huawei.md §3.1 (not from the emulator's code).

1. X-Sdk-Date `YYYYMMDDTHHMMSSZ`; 2. Host; 3. SignedHeaders = the names the caller chose to sign, lower-cased and
sorted; 4. CanonicalRequest = METHOD, CanonicalURI (decode the path, split on '/', percent-encode each segment,
trailing '/'), CanonicalQuery (sorted by key then value, each k=v encoded, '&'-joined), CanonicalHeaders
(`name:trimmed-value\\n` each), SignedHeaders, hex(sha256(raw body)) or the X-Sdk-Content-Sha256 value;
5. StringToSign = `SDK-HMAC-SHA256\\n` + date + `\\n` + hex(sha256(CanonicalRequest));
6. Signature = hex(HMAC-SHA256(SK, StringToSign)); 7. `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`.
"""
import datetime
import hashlib
import hmac
import urllib.parse

UNRESERVED = "-_.~"  # plus A-Z a-z 0-9, which quote() always keeps


def encode(text):
    return urllib.parse.quote(text, safe=UNRESERVED)


def sdk_date(epoch_ms):
    moment = datetime.datetime.fromtimestamp(epoch_ms / 1000, tz=datetime.timezone.utc)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def canonical_uri(path):
    uri = "/".join(encode(segment) for segment in urllib.parse.unquote(path).split("/"))
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(pairs):
    """pairs: decoded (key, value) tuples; a bare key has value ''."""
    return "&".join(f"{encode(k)}={encode(v)}" for k, v in sorted(pairs))


def canonical_headers(headers, signed):
    lowered = {name.lower(): value.strip() for name, value in headers.items()}
    return "".join(f"{name}:{lowered[name]}\n" for name in signed)


def canonical_request(method, path, query, headers, signed, body):
    content_hash = next((v for k, v in headers.items() if k.lower() == "x-sdk-content-sha256"), None)
    if content_hash is None:
        content_hash = hashlib.sha256(body).hexdigest()
    return "\n".join([method, canonical_uri(path), canonical_query(query), canonical_headers(headers, signed),
                      ";".join(signed), content_hash])


def string_to_sign(canonical, date):
    return f"SDK-HMAC-SHA256\n{date}\n{hashlib.sha256(canonical.encode()).hexdigest()}"


def authorization(method, path, query, headers, body=b"", ak="AKTEST", sk="SKTEST", signed=None):
    """Signs `headers` (which must hold X-Sdk-Date and Host). `signed` defaults to every header given."""
    names = sorted(name.lower() for name in (headers if signed is None else signed))
    date = next(v for k, v in headers.items() if k.lower() == "x-sdk-date")
    canonical = canonical_request(method, path, query, headers, names, body)
    signature = hmac.new(sk.encode(), string_to_sign(canonical, date).encode(), hashlib.sha256).hexdigest()
    return f"SDK-HMAC-SHA256 Access={ak}, SignedHeaders={';'.join(names)}, Signature={signature}"


def target(path, query):
    """The request target as an SDK sends it: %20 for spaces, a bare `k` never needed by Huawei SDKs."""
    if not query:
        return path
    return path + "?" + "&".join(f"{encode(k)}={encode(v)}" for k, v in query)
