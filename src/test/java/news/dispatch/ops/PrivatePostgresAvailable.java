package news.dispatch.ops;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the outage test only in the PostgreSQL suite ({@code mvn verify -Dpostgresql}) and only where a
 * private cluster can be made; otherwise skips it, saying why (the reason shows in the test report).
 */
public class PrivatePostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String profile = System.getProperty("quarkus.test.profile", "");
        if (!profile.contains("pg")) {
            return skip("the database outage test runs with -Dpostgresql only (profile is '" + profile + "')");
        }
        String reason = PrivatePostgres.unusableBecause();
        return reason == null ? ConditionEvaluationResult.enabled("a private PostgreSQL cluster can be created")
                : skip("the database outage test needs a private PostgreSQL cluster: " + reason);
    }

    private static ConditionEvaluationResult skip(String reason) {
        System.out.println("SKIPPED DatabaseOutageTest: " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
