package news.dispatch.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Runs the tests of counters shared in Redis (docs/decisions/089) in the PostgreSQL suite ({@code mvn verify
 * -Dpostgresql}) only, and only where a Redis server answers on 127.0.0.1:6379; otherwise skips them, saying why
 * (the class is skipped before its application starts). {@link #url()} is that server.
 */
public class RedisAvailable implements ExecutionCondition {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 6379;

    public static String url() {
        return "redis://" + HOST + ":" + PORT;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String profile = System.getProperty("quarkus.test.profile", "");
        if (!profile.contains("pg")) {
            return skip(context, "runs with -Dpostgresql only (profile is '" + profile + "')");
        }
        return answers() ? ConditionEvaluationResult.enabled("Redis answers on " + url())
                : skip(context, "needs a Redis server on " + url());
    }

    /** Whether a Redis server answers PING on 127.0.0.1:6379 within a second. */
    public static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = 0;
            while (read < answer.length) {
                int n = in.read(answer, read, answer.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return new String(answer, 0, read, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static ConditionEvaluationResult skip(ExtensionContext context, String reason) {
        String test = context.getRequiredTestClass().getSimpleName();
        System.out.println("SKIPPED " + test + ": " + reason);
        return ConditionEvaluationResult.disabled(test + " " + reason);
    }
}
