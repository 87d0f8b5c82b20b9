// A partner's and a newsroom's first steps with the Java client (OpenAPI Generator, library "native": the JDK's own
// HttpClient and Jackson) generated from openapi.yaml, against a running Dispatch with the sample content.
// Exits non-zero on the first surprise. The same steps as .ci/sdk/typescript/program.ts.
import news.dispatch.sdk.ApiClient;
import news.dispatch.sdk.ApiException;
import news.dispatch.sdk.ApiResponse;
import news.dispatch.sdk.api.ArticlesApi;
import news.dispatch.sdk.api.SearchApi;
import news.dispatch.sdk.api.SyndicationApi;
import news.dispatch.sdk.model.ArticleInput;
import news.dispatch.sdk.model.ArticlePage;
import news.dispatch.sdk.model.ArticlePatch;
import news.dispatch.sdk.model.ArticleSummary;
import news.dispatch.sdk.model.ArticleView;
import news.dispatch.sdk.model.BodyInput;
import news.dispatch.sdk.model.BylineCreditInput;
import news.dispatch.sdk.model.ChangeItem;
import news.dispatch.sdk.model.ChangePage;
import news.dispatch.sdk.model.SearchPage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public class Program {

    private static final String SAMPLE = "iraqi-prime-minister-to-meet-biden-in-washington-this-month";

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("failed: " + what);
        }
        System.out.println("ok: " + what);
    }

    static String etag(ApiResponse<?> response) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("ETag"))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow();
    }

    public static void main(String[] args) throws Exception {
        String base = System.getenv().getOrDefault("DISPATCH_URL", "http://localhost:8080");
        String editorKey = System.getenv().getOrDefault("DISPATCH_EDITOR_KEY", "");
        ApiClient reader = new ApiClient();
        reader.updateBaseUri(base);
        ApiClient editor = new ApiClient();
        editor.updateBaseUri(base);
        editor.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + editorKey));
        ArticlesApi articles = new ArticlesApi(reader);

        // A tag filter, followed page by page through the cursor.
        Set<UUID> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            ArticlePage page = articles.listArticles(ArticlesApi.APIListArticlesRequest.newBuilder()
                    .tag("iraq,united-states").limit(2).cursor(cursor).build());
            page.getItems().forEach(a -> seen.add(a.getId()));
            cursor = page.getPage().getNext();
            pages++;
        } while (cursor != null && pages < 50);
        check(pages > 1 && seen.size() > 2, "tag list followed over " + pages + " pages (" + seen.size() + " articles)");

        // The sample article with its bylines, dateline, lead image, navigation and related posts.
        ArticleView a = articles.getArticle(ArticlesApi.APIGetArticleRequest.newBuilder().slug(SAMPLE).build());
        check(!a.getHeadline().isEmpty() && !a.getBylines().isEmpty(), "sample article with bylines");
        check(a.getDateline() != null && a.getLeadImage() != null, "dateline and lead image");
        ArticleSummary previous = a.getNavigation().getPrevious();
        check(previous != null || a.getNavigation().getNext() != null, "navigation");
        check(!a.getRelated().isEmpty(), "related posts");
        check(a.getUpdatedAt() != null && a.getUpdatedAt().getNano() == 0, "updatedAt decoded as a time, in whole seconds");

        SearchPage hits = new SearchApi(reader).searchArticles(SearchApi.APISearchArticlesRequest.newBuilder()
                .q("Biden").limit(5).build());
        check(!hits.getItems().isEmpty() && hits.getItems().get(0).getScore() != null, "search");

        // Create, patch one field, publish and delete with an editor key.
        ArticlesApi edits = new ArticlesApi(editor);
        ApiResponse<ArticleView> created = edits.createArticleWithHttpInfo(ArticlesApi.APICreateArticleRequest.newBuilder()
                .articleInput(new ArticleInput().headline("SDK check " + System.currentTimeMillis())
                        .body(new BodyInput().html("<p>Written by the generated client.</p>"))
                        .tags(List.of("iraq")).bylines(List.of(new BylineCreditInput().byline("esta"))))
                .build());
        ArticleView story = created.getData();
        String location = created.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Location"))
                .map(e -> e.getValue().get(0)).findFirst().orElse("");
        check(created.getStatusCode() == 201 && location.endsWith("/v1/articles/" + story.getId()), "created, with Location");
        ApiResponse<ArticleView> patched = edits.patchArticleWithHttpInfo(ArticlesApi.APIPatchArticleRequest.newBuilder()
                .slug(story.getId().toString()).ifMatch(etag(created)).articlePatch(new ArticlePatch().standfirst("Patched.")).build());
        ArticleView after = patched.getData();
        check("Patched.".equals(after.getStandfirst()) && after.getHeadline().equals(story.getHeadline())
                && after.getTags().size() == 1 && after.getBylines().size() == 1, "patched one field, the others unchanged");
        ApiResponse<ArticleView> published = edits.publishArticleWithHttpInfo(ArticlesApi.APIPublishArticleRequest.newBuilder()
                .slug(story.getId().toString()).ifMatch(etag(patched)).build());
        check("published".equals(published.getData().getStatus()), "published");
        edits.deleteArticle(ArticlesApi.APIDeleteArticleRequest.newBuilder().slug(story.getId().toString())
                .ifMatch(etag(published)).build());
        try {
            articles.getArticle(ArticlesApi.APIGetArticleRequest.newBuilder().slug(story.getId().toString()).build());
            check(false, "deleted article is gone");
        } catch (ApiException e) {
            check(e.getCode() == 410 || e.getCode() == 404, "deleted (410 Gone, decision 091)");
        }

        // The change feed shows the new article's publish and delete.
        SyndicationApi syndication = new SyndicationApi(editor);
        List<String> types = new ArrayList<>();
        ChangePage page = syndication.listChanges(SyndicationApi.APIListChangesRequest.newBuilder().limit(100).build());
        for (int i = 0; i < 50; i++) {
            for (ChangeItem c : page.getItems()) {
                if (story.getId().equals(c.getId())) {
                    types.add(c.getType());
                }
            }
            if (page.getItems().isEmpty()) {
                break;
            }
            page = syndication.listChanges(SyndicationApi.APIListChangesRequest.newBuilder().limit(100).since(page.getNext()).build());
        }
        check(types.contains("publish") && types.contains("delete"), "change feed: " + String.join(", ", types));
    }
}
