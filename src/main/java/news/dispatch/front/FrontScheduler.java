package news.dispatch.front;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies scheduled front changes when their time comes, with no request needed (as scheduled publications are). */
@ApplicationScoped
public class FrontScheduler {

    private final FrontWriteService writes;

    public FrontScheduler(FrontWriteService writes) {
        this.writes = writes;
    }

    @Scheduled(identity = "apply-scheduled-front-changes", every = "${dispatch.fronts.schedule-check:10s}",
            delayed = "${dispatch.jobs.start-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        writes.applyDue();
    }
}
