package news.dispatch.byline;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A link on a byline's profile (a social account, a personal site). */
@Embeddable
public class BylineLink {

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String url;

    public BylineLink() {
    }

    public BylineLink(String title, String url) {
        this.title = title;
        this.url = url;
    }
}
