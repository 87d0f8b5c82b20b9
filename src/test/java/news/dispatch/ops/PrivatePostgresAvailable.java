package news.dispatch.ops;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the tests that need a private PostgreSQL cluster (the database outage test, the graceful shutdown
 * test) only in the PostgreSQL suite ({@code mvn verify -Dpostgresql}) and only where such a cluster can be
 * made; otherwise skips them, saying why (the reason shows in the test report).
 */
public class PrivatePostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String profile = System.getProperty("quarkus.test.profile", "");
        if (!profile.contains("pg")) {
            return skip(context, "runs with -Dpostgresql only (profile is '" + profile + "')");
        }
        String reason = PrivatePostgres.unusableBecause();
        return reason == null ? ConditionEvaluationResult.enabled("a private PostgreSQL cluster can be created")
                : skip(context, "needs a private PostgreSQL cluster: " + reason);
    }

    private static ConditionEvaluationResult skip(ExtensionContext context, String reason) {
        String test = context.getRequiredTestClass().getSimpleName();
        System.out.println("SKIPPED " + test + ": " + reason);
        return ConditionEvaluationResult.disabled(test + " " + reason);
    }
}
