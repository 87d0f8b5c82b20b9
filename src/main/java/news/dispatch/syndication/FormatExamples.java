package news.dispatch.syndication;

/**
 * OpenAPI examples of the syndication formats: the sample article as this API writes it, trimmed
 * (ArticleFormatsResourceTest validates the ninjs ones against the IPTC schemas).
 */
final class FormatExamples {

    /** The sample article as ninjs 3.1, for a key with full text. */
    static final String NINJS = """
            {
              "uri": "urn:dispatch:article:0190a5b2-7c3e-7d41-9b6a-2f4c8e1d9a07",
              "type": "text",
              "representationType": "full",
              "version": "0",
              "firstCreated": "2021-07-10T09:30:00Z",
              "versionCreated": "2021-07-10T09:30:00Z",
              "pubStatus": "usable",
              "copyrightHolder": "Dispatch",
              "usageTerms": "May be republished by partners under their agreement with Dispatch.",
              "language": "en",
              "slugline": "iraqi-prime-minister-to-meet-biden-in-washington-this-month",
              "headlines": [
                {
                  "role": "main",
                  "value": "Iraqi prime minister to meet Biden in Washington this month"
                }
              ],
              "descriptions": [
                {
                  "role": "summary",
                  "contentType": "text/plain",
                  "value": "Kadhimi has been invited to Washington to complete the strategic dialogue, a source in his office told Sky News Arabia."
                }
              ],
              "bodies": [
                {
                  "role": "main",
                  "contentType": "text/html",
                  "wordCount": 475,
                  "value": "<p>Iraqi Prime Minister Mustafa al-Kadhimi will pay a visit to the United States this month, Sky News reported on Saturday.</p><p>A source in the prime minister’s office told Sky News Arabia that Kadhimi had received an invitation from the U.S. two weeks ago to visit Washington at the end of this month.</p>"
                }
              ],
              "by": "ESTA",
              "people": [
                {
                  "name": "Mustafa al-Kadhimi",
                  "rel": "about",
                  "uri": "urn:dispatch:tag:mustafa-al-kadhimi"
                },
                {
                  "name": "Joe Biden",
                  "rel": "about",
                  "uri": "urn:dispatch:tag:joe-biden"
                },
                {
                  "name": "Donald Trump",
                  "rel": "about",
                  "uri": "urn:dispatch:tag:donald-trump"
                }
              ],
              "organisations": [
                {
                  "name": "ESTA",
                  "rel": "agency",
                  "uri": "urn:dispatch:byline:esta"
                },
                {
                  "name": "Sky News Arabia",
                  "rel": "about",
                  "uri": "urn:dispatch:tag:sky-news-arabia"
                },
                {
                  "name": "Pentagon",
                  "rel": "about",
                  "uri": "urn:dispatch:tag:pentagon"
                }
              ],
              "places": [
                {
                  "name": "Iraq",
                  "rel": "about",
                  "uri": "urn:dispatch:tag:iraq"
                },
                {
                  "name": "United States",
                  "rel": "about",
                  "uri": "urn:dispatch:tag:united-states"
                },
                {
                  "name": "Washington",
                  "rel": "about",
                  "uri": "urn:dispatch:tag:washington"
                }
              ],
              "subjects": [
                {
                  "name": "Politics",
                  "rel": "section",
                  "uri": "urn:dispatch:section:politics"
                },
                {
                  "name": "Iraq–U.S. strategic dialogue",
                  "rel": "about",
                  "uri": "urn:dispatch:tag:iraq-us-strategic-dialogue"
                },
                {
                  "name": "Iran-backed militias",
                  "rel": "about",
                  "uri": "urn:dispatch:tag:iran-backed-militias"
                }
              ],
              "located": "SULAIMANI",
              "infoSources": [
                {
                  "name": "ESTA",
                  "role": "source"
                }
              ],
              "altIds": [
                {
                  "role": "id",
                  "value": "0190a5b2-7c3e-7d41-9b6a-2f4c8e1d9a07"
                },
                {
                  "role": "url",
                  "value": "https://www.example.com/articles/iraqi-prime-minister-to-meet-biden-in-washington-this-month"
                }
              ],
              "associations": [
                {
                  "name": "leadImage",
                  "rel": "leadImage",
                  "uri": "https://www.example.com/media/2021/07/mustafa-al-kadhimi.jpg",
                  "type": "picture",
                  "renditions": [
                    {
                      "name": "original",
                      "href": "https://www.example.com/media/2021/07/mustafa-al-kadhimi.jpg"
                    }
                  ],
                  "descriptions": [
                    {
                      "role": "caption",
                      "value": "Iraqi Prime Minister Mustafa al-Kadhimi"
                    },
                    {
                      "role": "alt",
                      "value": "Iraqi Prime Minister Mustafa al-Kadhimi"
                    }
                  ],
                  "by": "PM office",
                  "copyrightHolder": "PM office",
                  "edNote": "File photo."
                }
              ],
              "standard": {
                "name": "ninjs",
                "version": "3.1",
                "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"
              }
            }
            """;

    /** The sample article as a schema.org NewsArticle. */
    static final String NEWS_ARTICLE = """
            {
              "@context": "https://schema.org",
              "@type": "NewsArticle",
              "@id": "https://www.example.com/articles/iraqi-prime-minister-to-meet-biden-in-washington-this-month",
              "url": "https://www.example.com/articles/iraqi-prime-minister-to-meet-biden-in-washington-this-month",
              "mainEntityOfPage": "https://www.example.com/articles/iraqi-prime-minister-to-meet-biden-in-washington-this-month",
              "identifier": "0190a5b2-7c3e-7d41-9b6a-2f4c8e1d9a07",
              "headline": "Iraqi prime minister to meet Biden in Washington this month",
              "description": "Kadhimi has been invited to Washington to complete the strategic dialogue, a source in his office told Sky News Arabia.",
              "dateline": "SULAIMANI (ESTA)",
              "datePublished": "2021-07-10T09:30:00Z",
              "dateCreated": "2021-07-10T09:30:00Z",
              "dateModified": "2021-07-10T09:30:00Z",
              "author": [
                {
                  "@type": "Organization",
                  "name": "ESTA"
                }
              ],
              "image": {
                "@type": "ImageObject",
                "url": "https://www.example.com/media/2021/07/mustafa-al-kadhimi.jpg",
                "contentUrl": "https://www.example.com/media/2021/07/mustafa-al-kadhimi.jpg",
                "caption": "Iraqi Prime Minister Mustafa al-Kadhimi",
                "creditText": "PM office",
                "description": "Iraqi Prime Minister Mustafa al-Kadhimi"
              },
              "articleSection": "Politics",
              "keywords": [
                "Mustafa al-Kadhimi",
                "Joe Biden",
                "Iraq",
                "United States",
                "Washington"
              ],
              "inLanguage": "en",
              "wordCount": 475,
              "articleBody": "Iraqi Prime Minister Mustafa al-Kadhimi will pay a visit to the United States this month, Sky News reported on Saturday.\\n\\nA source in the prime minister’s office told Sky News Arabia that Kadhimi had received an invitation from the U.S. two weeks ago to visit Washington at the end of this month.",
              "isAccessibleForFree": true,
              "publisher": {
                "@type": "NewsMediaOrganization",
                "name": "Dispatch",
                "url": "https://www.example.com/"
              }
            }
            """;

    /** The next-page cursor of the list example. */
    static final String NEXT = "c1.LXB1Ymxpc2hlZEF0.MTYyNTkwOTQwMDAwMDAwMA.MDE5MGE1YjItN2MzZS03ZDQxLTliNmEtMmY0YzhlMWQ5YTA3";

    private FormatExamples() {
    }
}
