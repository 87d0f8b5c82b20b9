package news.dispatch.article;

import news.dispatch.common.ApiEnum;

/** The editorial workflow: draft, scheduled (published at a future time), published, unpublished. */
public enum ArticleStatus implements ApiEnum {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED
}
