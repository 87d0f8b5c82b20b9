package news.dispatch.access;

import jakarta.enterprise.context.RequestScoped;

/** Holds the caller of the current request; anonymous until authentication says otherwise. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    public void set(Caller caller) {
        this.caller = caller;
    }
}
