package news.dispatch.access;

import jakarta.enterprise.context.RequestScoped;
import news.dispatch.web.CallerIdentity;

/** Holds the caller of the current request; anonymous until authentication says otherwise. */
@RequestScoped
public class CurrentCaller implements CallerIdentity {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    public void set(Caller caller) {
        this.caller = caller;
    }

    @Override
    public boolean identified() {
        return caller.role() != Role.ANONYMOUS;
    }
}
