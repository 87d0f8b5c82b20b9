package news.dispatch.byline;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A byline: a journalist, photographer or an organisation such as a news agency.")
public record BylineView(
        UUID id,
        @Schema(examples = "esta") String slug,
        @Schema(examples = "ESTA") String name,
        @Schema(examples = "organisation") BylineKind kind,
        @Schema(nullable = true, examples = "News agency") String title,
        @Schema(nullable = true) String bio,
        @Schema(nullable = true, examples = "https://www.example.com/media/esta.png") String avatarUrl,
        @Schema(description = "Profile links, in order.") List<Link> links,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant updatedAt) {

    @Schema(name = "BylineLink", description = "A profile link.")
    public record Link(
            @Schema(examples = "Website") String title,
            @Schema(examples = "https://www.example.com/esta") String url) {
    }

    static BylineView of(Byline b) {
        return new BylineView(b.id, b.slug, b.name, b.kind, b.title, b.bio, b.avatarUrl,
                b.links.stream().map(l -> new Link(l.title, l.url)).toList(), b.updatedAt);
    }
}
