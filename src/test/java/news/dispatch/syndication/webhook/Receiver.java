package news.dispatch.syndication.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on a random loopback port: records every request, answers the statuses it is told to. */
final class Receiver implements AutoCloseable {

    record Request(Map<String, String> headers, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    Receiver(Vertx vertx) throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            Map<String, String> headers = new java.util.HashMap<>();
            req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
            requests.add(new Request(headers, body.toString()));
            Integer status = answers.poll();
            req.response().setStatusCode(status == null ? 200 : status).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks";
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
