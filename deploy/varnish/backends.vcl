# The Dispatch instances behind Varnish, for dispatch.vcl: two on this machine, API ports 8081 and
# 8082. deploy/local-cluster writes its own copy with the ports it chose; a deployment lists its
# instances the same way (one backend each, all with .probe = dispatch_ready).

backend dispatch_a {
    .host = "127.0.0.1";
    .port = "8081";
    .probe = dispatch_ready;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

backend dispatch_b {
    .host = "127.0.0.1";
    .port = "8082";
    .probe = dispatch_ready;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

sub vcl_init {
    new api = directors.shard();
    api.add_backend(dispatch_a);
    api.add_backend(dispatch_b);
    # An instance back from a restart (cold JIT, empty cache) takes its share over this long.
    api.set_rampup(10s);
    api.reconfigure();
}
