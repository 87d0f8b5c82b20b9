# Varnish in front of Dispatch instances (Debian's varnish 7.x and varnish-modules for xkey).
#
# - Caches the public answers for as long as their own Cache-Control says (max-age, then
#   stale-while-revalidate as grace); honours Vary; never stores a keyed answer (Authorization or
#   ?apiKey=, which Dispatch also marks private) nor anything without Cache-Control.
# - One entry per canonical request whatever the Host (Dispatch builds links from
#   DISPATCH_PUBLIC_URL, never from Host) and whatever the query order.
# - Shards the requests over the instances of backends.vcl by their cache hash (each URL has a home
#   instance, whose application cache holds it), skipping instances whose probe of /q/health/ready on
#   the API port fails; a failed connection or an instance shutting down is retried on the URL's next
#   instance for GET and HEAD, never on the one that failed.
# - Purges by surrogate key: Dispatch (DISPATCH_PURGE_URLS=http://<varnish>/) sends
#   `PURGE /` with `xkey-purge: <keys>` after each write, or `*` for everything.
#
# docs/operations.md ("Running several instances") and docs/decisions/094-varnish-edge.md say more.
vcl 4.1;

import std;
import directors;
import xkey;

# Where purges may come from: the Dispatch instances. Widen to their network.
acl purgers {
    "127.0.0.1";
    "::1";
}

probe dispatch_ready {
    .request =
        "GET /q/health/ready HTTP/1.1"
        "Host: dispatch-probe"
        "User-Agent: varnish-probe"
        "Connection: close";
    .expected_response = 200;
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

# The instances: `backend` declarations using the probe above, and a vcl_init that adds them to a
# shard director named `api` (deploy/varnish/backends.vcl is the example for two instances).
include "./backends.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge == "*") {
            ban("obj.status != 0");
            return (synth(200, "Banned everything"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header missing"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }

    unset req.http.Cookie; # the API sets none and reads none

    # One entry per request whatever the order of its parameters (Dispatch answers alike).
    set req.url = std.querysort(req.url);

    # JSON is the answer for every Accept that does not ask for ninjs or JSON-LD by name: one variant
    # for every browser, app and curl instead of one per Accept string. Others keep theirs (Vary).
    if (req.http.Accept !~ "(?i)ninjs|ld\+json") {
        if (!req.http.Accept || req.http.Accept ~ "(?i)(\*/\*|application/\*|application/json)") {
            set req.http.Accept = "application/json";
        }
    }

    # Accept-Language chooses the language of an article list without lang= (decision 133); the answer
    # varies by it. One variant per published language (keep the list in line with DISPATCH_LANGUAGES)
    # instead of one per header: the first published language the header names, refused ones (q=0) left
    # out; Kurdish written ku goes by script or region as Dispatch reads it. Anything else asks for none.
    if (req.url ~ "^/v1/(articles|search|most-read|(sections|tags|bylines)/[^/?]+/articles)/?(\?|$)" && req.url !~ "[?&]lang=") {
        set req.http.Accept-Language = regsuball(req.http.Accept-Language, "(?i)[^,]*;\s*q=0(\.0*)?\s*(,|$)", "");
        set req.http.Accept-Language = regsub(req.http.Accept-Language,
            "(?i)^(?:[^,]*,)*?\s*(ckb|kmr|ar|en|ku(?:-(?:arab|iq|ir))?)(?:[-;][^,]*)?(?:,.*)?$", "\1");
        set req.http.Accept-Language = std.tolower(req.http.Accept-Language);
        if (req.http.Accept-Language ~ "^ku-") {
            set req.http.Accept-Language = "ckb";
        } elsif (req.http.Accept-Language == "ku") {
            set req.http.Accept-Language = "kmr";
        }
        if (req.http.Accept-Language !~ "^(ckb|kmr|ar|en)$") {
            unset req.http.Accept-Language;
        }
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Keyed requests are private to their key: never looked up, never stored.
    if (req.http.Authorization || req.url ~ "[?&](?i)apikey=") {
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    # Not the Host: Dispatch's answers do not depend on it (decision 120).
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_fetch {
    # The URL's home instance (by the hash of vcl_hash, passes included), or the next healthy one on the
    # ring. A retry takes the next healthy instance after the one tried before: never the instance that
    # just failed, which its probe may go on calling healthy for two seconds.
    set bereq.backend = api.backend(by=HASH, alt=bereq.retries, healthy=ALL);
}

sub vcl_backend_response {
    # Surrogate keys, for xkey.purge.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # An instance going down answers 503 while it drains: try another.
    if (beresp.status == 503 && bereq.retries < 2 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
    # Only what Dispatch says may be kept (Varnish would otherwise keep a 404 for default_ttl).
    if (!beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # The rest is the built-in logic: private, no-store, no-cache and Vary: * are not stored;
    # max-age sets the TTL and stale-while-revalidate the grace.
}

sub vcl_backend_error {
    # No connection, or the instance closed it: another instance, for requests that may be repeated.
    if (bereq.retries < 2 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
}

sub vcl_deliver {
    # The purge keys are for this edge: readers need none of their kilobyte.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        # Said of the request that filled the entry, not of this one: this reader was not counted.
        unset resp.http.RateLimit-Limit;
        unset resp.http.RateLimit-Remaining;
        unset resp.http.RateLimit-Reset;
        unset resp.http.X-Request-Id;
    }
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
