package news.dispatch.testsupport;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import news.dispatch.access.Caller;
import news.dispatch.access.CurrentCaller;
import news.dispatch.access.Role;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Test-only stand-in for API keys until the access work lands: a request header
 * {@code Test-Caller: partner; fullText; sections=<id>,<id>; tags=<id>} sets the request's caller.
 * It runs after authentication, so it also works beside the real access filter.
 */
public class TestCallers {

    public static final String HEADER = "Test-Caller";

    private final CurrentCaller current;

    public TestCallers(CurrentCaller current) {
        this.current = current;
    }

    /** The header value for a caller. */
    public static String header(Role role, boolean fullText, Set<UUID> sections, Set<UUID> tags) {
        StringBuilder value = new StringBuilder(role.value());
        if (fullText) {
            value.append("; fullText");
        }
        if (!sections.isEmpty()) {
            value.append("; sections=").append(sections.stream().map(UUID::toString).collect(Collectors.joining(",")));
        }
        if (!tags.isEmpty()) {
            value.append("; tags=").append(tags.stream().map(UUID::toString).collect(Collectors.joining(",")));
        }
        return value.toString();
    }

    public static String partner() {
        return header(Role.PARTNER, false, Set.of(), Set.of());
    }

    public static String admin() {
        return header(Role.ADMIN, true, Set.of(), Set.of());
    }

    public static String editor() {
        return header(Role.EDITOR, true, Set.of(), Set.of());
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1)
    public void set(ContainerRequestContext request) {
        String value = request.getHeaderString(HEADER);
        if (value == null) {
            return;
        }
        String[] parts = value.split(";");
        Role role = Role.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
        boolean fullText = false;
        Set<UUID> sections = Set.of();
        Set<UUID> tags = Set.of();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.equals("fullText")) {
                fullText = true;
            } else if (part.startsWith("sections=")) {
                sections = ids(part.substring(9));
            } else if (part.startsWith("tags=")) {
                tags = ids(part.substring(5));
            }
        }
        current.set(new Caller(role, role == Role.ANONYMOUS ? null : UUID.randomUUID(), fullText, sections, tags));
    }

    private static Set<UUID> ids(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(UUID::fromString).collect(Collectors.toSet());
    }
}
