# The application servers behind Varnish, and who may purge. Included by default.vcl; edit this
# file (not default.vcl) for each installation. Several app servers: one `backend` each, added to
# the round-robin director below (docs/deploy.md, "More than one machine").

backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .probe = {
        .url = "/robots.txt";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

sub kutubxona_init {
    new app = directors.round_robin();
    app.add_backend(app1);
}

# Addresses of the application servers (Wagtail sends PURGE from them when something is published).
acl purgers {
    "127.0.0.1";
    "::1";
}
