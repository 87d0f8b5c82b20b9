// A partner's and a newsroom's first steps with the TypeScript (typescript-fetch) client generated from
// openapi.yaml, against a running Dispatch with the sample content. Exits non-zero on the first surprise.
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };
import { Configuration, ArticlesApi, SearchApi, SyndicationApi, ResponseError } from "./client";

const base = process.env.DISPATCH_URL ?? "http://localhost:8080";
const editorKey = process.env.DISPATCH_EDITOR_KEY ?? "";
const sample = "iraqi-prime-minister-to-meet-biden-in-washington-this-month";

function check(ok: unknown, what: string): void {
    if (!ok) {
        throw new Error("failed: " + what);
    }
    console.log("ok: " + what);
}

async function main(): Promise<void> {
    const reader = new Configuration({ basePath: base });
    const editor = new Configuration({ basePath: base, accessToken: async () => editorKey });
    const articles = new ArticlesApi(reader);

    // A tag filter, followed page by page through the cursor.
    const seen = new Set<string>();
    let cursor: string | undefined = undefined;
    let pages = 0;
    do {
        const page = await articles.listArticles({ tag: "iraq,united-states", limit: 2, cursor });
        page.items.forEach(a => seen.add(a.id));
        cursor = page.page.next ?? undefined;
        pages++;
    } while (cursor && pages < 50);
    check(pages > 1 && seen.size > 2, `tag list followed over ${pages} pages (${seen.size} articles)`);

    // The sample article with its bylines, dateline, lead image, navigation and related posts.
    const a = await articles.getArticle({ slug: sample });
    check(a.headline.length > 0 && a.bylines.length > 0, "sample article with bylines");
    check(a.dateline !== null && a.leadImage !== null, "dateline and lead image");
    check(a.navigation.previous !== null || a.navigation.next !== null, "navigation");
    check(a.related.length > 0, "related posts");
    check(a.updatedAt instanceof Date && !isNaN(a.updatedAt.getTime()), "updatedAt decoded as a date");

    const hits = await new SearchApi(reader).searchArticles({ q: "Biden", limit: 5 });
    check(hits.items.length > 0 && typeof hits.items[0].score === "number", "search");

    // Create, patch one field, publish and delete with an editor key.
    const edits = new ArticlesApi(editor);
    const created = await edits.createArticleRaw({ articleInput: {
        headline: "SDK check " + Date.now(), body: { html: "<p>Written by the generated client.</p>" },
        tags: ["iraq"], bylines: [{ byline: "esta" }] } });
    let etag = created.raw.headers.get("ETag")!;
    const story = await created.value();
    check(created.raw.headers.get("Location")?.endsWith("/v1/articles/" + story.id), "created, with Location");
    const patched = await edits.patchArticleRaw({ slug: story.id, ifMatch: etag, articlePatch: { standfirst: "Patched." } });
    etag = patched.raw.headers.get("ETag")!;
    const after = await patched.value();
    check(after.standfirst === "Patched." && after.headline === story.headline
        && after.tags.length === 1 && after.bylines.length === 1, "patched one field, the others unchanged");
    const published = await edits.publishArticleRaw({ slug: story.id, ifMatch: etag });
    etag = published.raw.headers.get("ETag")!;
    check((await published.value()).status === "published", "published");
    await edits.deleteArticle({ slug: story.id, ifMatch: etag });
    try {
        await articles.getArticle({ slug: story.id });
        check(false, "deleted article is gone");
    } catch (e) {
        check(e instanceof ResponseError && (e.response.status === 410 || e.response.status === 404), "deleted (410 Gone, decision 091)");
    }

    // The change feed shows the new article's publish and delete.
    const changes = await new SyndicationApi(editor).listChanges({ limit: 100 });
    let types: string[] = [];
    let page = changes;
    for (let i = 0; i < 50; i++) {
        types = types.concat(page.items.filter(c => c.id === story.id).map(c => c.type));
        if (page.items.length === 0) break;
        page = await new SyndicationApi(editor).listChanges({ limit: 100, since: page.next });
    }
    check(types.includes("publish") && types.includes("delete"), "change feed: " + types.join(", "));
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
