package news.dispatch.syndication.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A webhook receiver to register.")
public record WebhookInput(
        @Schema(description = "Absolute http(s) URL the deliveries are POSTed to.", examples = "https://partner.example.org/hooks/dispatch")
        @NotBlank @Size(max = 2000) String url,
        @Schema(description = "The change types to deliver: publish, update, correction, unpublish, delete, rights, embargo-lift, entry-added, entry-updated, entry-deleted, alert, front (a curated front changed, decision 153).", examples = "[\"publish\", \"update\", \"correction\", \"unpublish\", \"delete\", \"embargo-lift\"]")
        @NotEmpty @Size(max = 20) List<@NotNull String> eventTypes,
        @Schema(description = "Shared secret (16 to 200 characters) for the HMAC-SHA256 signature. Write-only: never shown again.",
                examples = "b1f4c0d2e8a94c6fa3e1d7c9b5a2f0e4")
        @NotBlank @Size(min = 16, max = 200) String secret,
        @Schema(description = "A note for admins.", nullable = true, examples = "Partner: Kurdistan Daily")
        @Size(max = 500) String description,
        @Schema(description = "Admins only: the id of the partner key whose rights filter the deliveries (what it may see "
                + "on `/v1/changes`). Absent: the admin's receiver, for partners in general. A partner's own webhooks "
                + "(`/v1/webhooks`) always take its key.", nullable = true) java.util.UUID apiKey) {
}
