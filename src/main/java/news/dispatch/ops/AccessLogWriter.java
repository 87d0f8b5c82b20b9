package news.dispatch.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The production writer of the access log ({@code dispatch.ops.access-log.format=json-lines}): one JSON
 * object per request, in the shape of the application's other JSON log lines ({@code timestamp},
 * {@code level}, {@code loggerName}, {@code message}, {@code threadName}, {@code mdc}, host and process,
 * the additional fields), written to standard output by one background thread in batches of whole lines.
 * <p>
 * Why not the logging system: at 20,000–40,000 requests/s its asynchronous console handler woke its
 * writer thread for each line (a futex wake on the request thread, a context switch on the writer),
 * formatted the line with a new JSON generator and wrote it with its own system call: about a quarter
 * of the application's CPU for an answer from the application cache (docs/benchmarks.md, finding 7).
 * Here a request thread only queues a small record; the writer sleeps {@code idle} when it finds the
 * queue empty (nobody wakes it), so under load it takes hundreds of lines per pass, and it writes them
 * in chunks of at most {@value #CHUNK} bytes that end at a line end: a write to a pipe no longer than
 * that is never interleaved with another writer's (the logging system's lines on the same standard
 * output stay whole). A line appears at most {@code idle} after its request ended, as a buffered
 * access log does (nginx's {@code flush=}, Envoy's file flush interval).
 * <p>
 * A full queue makes request threads wait (nothing is dropped), as the console queue does; what is
 * queued is written by {@link #close()}.
 */
final class AccessLogWriter implements AutoCloseable {

    /** PIPE_BUF on Linux: the largest write to a pipe that POSIX keeps in one piece. */
    static final int CHUNK = 4096;
    private static final int BATCH = 512;
    /** Most distinct values kept encoded (methods, routes, statuses, threads: a few dozen in practice). */
    static final int ENCODED_VALUES = 512;
    /** Longest value kept encoded: a made-up method can be as long as the request line allows. */
    static final int ENCODED_LENGTH = 128;

    // field names and constant values, quoted and encoded once
    private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializableString LEVEL = new SerializedString("level");
    private static final SerializableString INFO = new SerializedString("INFO");
    private static final SerializableString LOGGER_NAME = new SerializedString("loggerName");
    private static final SerializableString CATEGORY = new SerializedString(AccessLog.CATEGORY);
    private static final SerializableString MESSAGE = new SerializedString("message");
    private static final SerializableString THREAD_NAME = new SerializedString("threadName");
    private static final SerializableString THREAD_ID = new SerializedString("threadId");
    private static final SerializableString MDC = new SerializedString("mdc");
    private static final SerializableString REQUEST_ID = new SerializedString("requestId");
    private static final SerializableString METHOD = new SerializedString("method");
    private static final SerializableString ROUTE = new SerializedString("route");
    private static final SerializableString PATH = new SerializedString("path");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString DURATION = new SerializedString("durationMs");

    /** One access line: the time the request ended, the thread, the message and the six {@code mdc} fields. */
    record Line(Instant time, String threadName, long threadId, String message,
                String requestId, String method, String route, String path, String status, String durationMs) {
    }

    private final BlockingQueue<Line> queue;
    private final OutputStream out;
    private final long idleNanos;
    private final String trailer;
    private final Thread thread;
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    /**
     * One generator for every line, writing into {@link #line}: creating one per line (its context, its
     * buffers) was most of the writer's allocations. Lines are root values with nothing between them.
     */
    private JsonGenerator generator = newGenerator();
    private final IsoInstants timestamps = new IsoInstants();
    /**
     * The values that repeat from line to line (thread, method, route, status), each escaped and
     * encoded once: writing them is then a copy. Used by the writing thread only (under this lock).
     */
    private final Map<String, SerializableString> encoded = new HashMap<>();
    private volatile boolean closed;
    private volatile boolean failed;
    private boolean lineFailed;

    /**
     * @param trailer the fields after {@code mdc} on every line, in order (host, process, additional fields): strings or numbers
     */
    AccessLogWriter(OutputStream out, int capacity, Duration idle, Map<String, ?> trailer) {
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
        this.idleNanos = Math.max(1, idle.toNanos());
        this.trailer = render(trailer);
        this.thread = new Thread(this::run, "dispatch-access-log");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a line; waits while the queue is full. After {@link #close()} the line is written at once. */
    void write(Line entry) {
        if (!closed) {
            try {
                queue.put(entry);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) { // closed (shutdown) or interrupted: write it here, in order with the rest
            append(entry);
            flush();
        }
    }

    private void run() {
        List<Line> batch = new ArrayList<>(BATCH);
        while (!closed) {
            queue.drainTo(batch, BATCH);
            if (batch.isEmpty()) {
                LockSupport.parkNanos(this, idleNanos);
                continue;
            }
            synchronized (this) {
                for (Line entry : batch) {
                    append(entry);
                }
                if (queue.isEmpty()) {
                    flush();
                }
            }
            batch.clear();
        }
    }

    /** Adds one line to the chunk, writing the chunk first when the line would not fit in it. */
    private void append(Line entry) {
        line.reset();
        JsonGenerator g = generator;
        try {
            g.writeStartObject();
            g.writeFieldName(TIMESTAMP);
            timestamps.write(entry.time(), g);
            g.writeFieldName(LEVEL);
            g.writeString(INFO);
            g.writeFieldName(LOGGER_NAME);
            g.writeString(CATEGORY);
            g.writeFieldName(MESSAGE);
            g.writeString(entry.message());
            g.writeFieldName(THREAD_NAME);
            writeRepeated(g, entry.threadName());
            g.writeFieldName(THREAD_ID);
            g.writeNumber(entry.threadId());
            g.writeFieldName(MDC);
            g.writeStartObject();
            g.writeFieldName(REQUEST_ID);
            g.writeString(entry.requestId());
            g.writeFieldName(METHOD);
            writeRepeated(g, entry.method());
            g.writeFieldName(ROUTE);
            writeRepeated(g, entry.route());
            g.writeFieldName(PATH);
            g.writeString(entry.path());
            g.writeFieldName(STATUS);
            writeRepeated(g, entry.status());
            g.writeFieldName(DURATION);
            g.writeString(entry.durationMs());
            g.writeEndObject();
            g.writeRaw(trailer); // the same for every line: rendered once
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        } catch (IOException | RuntimeException e) {
            // writing to memory does not fail; should anything else, the line is left out and the next
            // one starts from a new generator rather than inside this line's unfinished object
            generator = newGenerator();
            if (!lineFailed) { // say it once
                lineFailed = true;
                System.err.println("dispatch: an access line could not be written: " + e);
            }
            return;
        }
        if (chunk.size() > 0 && chunk.size() + line.size() > CHUNK) {
            flush();
        }
        try {
            line.writeTo(chunk); // no copy of the line on the way
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (chunk.size() >= CHUNK) {
            flush();
        }
    }

    /** A value that repeats from line to line, from its encoded form (made on first use while there is room). */
    private void writeRepeated(JsonGenerator g, String value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        SerializableString known = encoded.get(value);
        if (known == null && value.length() <= ENCODED_LENGTH && encoded.size() < ENCODED_VALUES) {
            known = new SerializedString(value);
            encoded.put(value, known);
        }
        if (known != null) {
            g.writeString(known);
        } else {
            g.writeString(value);
        }
    }

    private JsonGenerator newGenerator() {
        line.reset();
        try {
            return new JsonFactory().createGenerator(line).setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: does not happen
        }
    }

    /** The fields after {@code mdc}, as JSON text: {@code ,"hostName":"…",…} (empty when there are none). */
    private static String render(Map<String, ?> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, ?> field : fields.entrySet()) {
                g.writeObjectField(field.getKey(), field.getValue()); // strings and numbers
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String object = out.toString(StandardCharsets.UTF_8); // {"a":1,"b":"x"} or {}
        String inner = object.substring(1, object.length() - 1);
        return inner.isEmpty() ? "" : "," + inner;
    }

    private void flush() {
        if (chunk.size() == 0) {
            return;
        }
        try {
            chunk.writeTo(out);
            out.flush();
        } catch (IOException e) {
            if (!failed) { // say it once; the application goes on answering
                failed = true;
                System.err.println("dispatch: cannot write the access log: " + e);
            }
        } finally {
            chunk.reset();
        }
    }

    /** Stops the writer thread and writes what is queued. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            List<Line> rest = new ArrayList<>();
            queue.drainTo(rest);
            for (Line entry : rest) {
                append(entry);
            }
            flush();
        }
    }
}
