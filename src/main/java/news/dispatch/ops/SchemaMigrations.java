package news.dispatch.ops;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import news.dispatch.web.problem.DatabaseUnavailable;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Flyway migrations and then validates the Hibernate mapping against the schema, in place of
 * {@code quarkus.flyway.migrate-at-start} and {@code schema-management.strategy=validate}, which both fail
 * the boot when the database is down (docs/decisions/070). When the database is up at start this happens
 * before the application serves, exactly as before, and a broken migration or mapping still fails the
 * boot. When it is unreachable, the application starts anyway (live, not ready, API answers 503) and
 * retries with backoff until the database is there.
 */
@ApplicationScoped
public class SchemaMigrations {

    public enum State { PENDING, WAITING_FOR_DATABASE, READY, FAILED }

    private final Flyway flyway;
    private final SessionFactory sessions;
    private final Event<SchemaReady> ready;
    private final OpsConfig config;

    private volatile State state = State.PENDING;
    private volatile String problem;
    private ScheduledExecutorService retries;

    public SchemaMigrations(Flyway flyway, SessionFactory sessions, Event<SchemaReady> ready, OpsConfig config) {
        this.flyway = flyway;
        this.sessions = sessions;
        this.ready = ready;
        this.config = config;
    }

    public State state() {
        return state;
    }

    public boolean isReady() {
        return state == State.READY;
    }

    /** Why the schema is not ready (exception class and SQLSTATE only), or null. */
    public String problem() {
        return problem;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        try {
            migrateAndValidate();
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            unreachable(e, 1);
            retries = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "dispatch-schema-migrations");
                thread.setDaemon(true);
                return thread;
            });
            schedule(config.migrations().retryInitial(), 2);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    private void schedule(Duration delay, int attempt) {
        retries.schedule(() -> retry(delay, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void retry(Duration delay, int attempt) {
        try {
            migrateAndValidate();
            retries.shutdown();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                unreachable(e, attempt);
                Duration next = delay.multipliedBy(2);
                schedule(next.compareTo(config.migrations().retryMax()) > 0 ? config.migrations().retryMax() : next, attempt + 1);
            } else {
                state = State.FAILED;
                problem = DatabaseUnavailable.summary(e);
                Log.error("Database schema migration or validation failed; the service stays unready until redeployed", e);
                retries.shutdown();
            }
        }
    }

    private void unreachable(RuntimeException e, int attempt) {
        state = State.WAITING_FOR_DATABASE;
        problem = DatabaseUnavailable.summary(e);
        Log.warnf("Database unreachable for schema migration (attempt %d: %s); serving 503 until it is up", attempt, problem);
    }

    private void migrateAndValidate() {
        var result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            Log.infof("Database schema migrated to version %s (%d migrations)", result.targetSchemaVersion, result.migrationsExecuted);
        }
        sessions.getSchemaManager().validateMappedObjects();
        state = State.READY;
        problem = null;
        Log.info("Database schema is ready");
        try {
            ready.fire(new SchemaReady());
        } catch (RuntimeException e) {
            Log.error("An observer of SchemaReady failed", e);
        }
    }
}
