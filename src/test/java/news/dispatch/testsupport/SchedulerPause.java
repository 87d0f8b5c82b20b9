package news.dispatch.testsupport;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the publication scheduler paused in tests, so its background queries do not disturb tests
 * that count SQL statements; ArticleSchedulerTest resumes it while it runs.
 */
@ApplicationScoped
public class SchedulerPause {

    public static final String JOB = "publish-scheduled-articles";

    void onStart(@Observes StartupEvent event, Scheduler scheduler) {
        scheduler.pause(JOB);
    }
}
