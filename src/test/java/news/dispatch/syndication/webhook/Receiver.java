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

    /** A request as received, with the time it arrived ({@link System#nanoTime()}). */
    record Request(Map<String, String> headers, String body, long at) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    /** When above zero, every answer is a 200 whose body comes one byte a second, this many bytes long. */
    volatile int trickle;
    private final HttpServer server;

    Receiver(Vertx vertx) throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            Map<String, String> headers = new java.util.HashMap<>();
            req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
            requests.add(new Request(headers, body.toString(), System.nanoTime()));
            int bytes = trickle;
            if (bytes > 0) {
                var response = req.response().setChunked(true).setStatusCode(200);
                response.write(".");
                int[] left = {bytes - 1};
                vertx.setPeriodic(1000, timer -> {
                    if (response.closed() || left[0]-- <= 0) {
                        vertx.cancelTimer(timer);
                        if (!response.closed()) {
                            response.end();
                        }
                    } else {
                        response.write(".");
                    }
                });
                return;
            }
            Integer status = answers.poll();
            req.response().setStatusCode(status == null ? 200 : status).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    int port() {
        return server.actualPort();
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks";
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
