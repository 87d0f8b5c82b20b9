package news.dispatch.article;

import news.dispatch.common.ApiEnum;

/** What a byline did for an article. */
public enum BylineRole implements ApiEnum {
    AUTHOR, AGENCY, CONTRIBUTOR, PHOTOGRAPHER
}
