package news.dispatch.ops;

import java.time.Instant;

/**
 * What the backlog gauges need to know of the due-changes job (change/DueChanges, which implements this): from
 * when embargo lifts may still be unrecorded. Declared here so that ops depends on no feature package
 * (docs/decisions/095).
 */
public interface DueLifts {

    /** The instant after which embargo lifts may still be unrecorded at {@code now}; null when unknown. */
    Instant liftsSince(Instant now);
}
