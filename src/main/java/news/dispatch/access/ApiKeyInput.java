package news.dispatch.access;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import news.dispatch.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A new API key. Partner entitlements (fullText, sections, tags) only matter for partner keys.")
public record ApiKeyInput(
        @Schema(description = "Who the key is for.", examples = "Kurdistan Daily syndication")
        @NotBlank @SingleLine @Size(max = 200) String name,
        @Schema(description = "The key's role: partner, editor or admin.", examples = "partner")
        @NotNull Role role,
        @Schema(description = "Whether a partner may receive full article text.", defaultValue = "false")
        Boolean fullText,
        @Schema(description = "Sections (slugs or ids) a partner may take; empty or absent = all.")
        @Size(max = 50) List<@NotBlank String> sections,
        @Schema(description = "Tags (slugs or ids) a partner may take; empty or absent = all.")
        @Size(max = 50) List<@NotBlank String> tags,
        @Schema(description = "Requests per window; absent = the role's configured default.", examples = "600")
        @Min(1) @Max(1_000_000) Integer rateLimit,
        @Schema(description = "Whether a partner takes embargoed stories before the lift, marked `embargoed` "
                + "(decision 164).", defaultValue = "false", nullable = true) Boolean earlyDelivery) {
}
