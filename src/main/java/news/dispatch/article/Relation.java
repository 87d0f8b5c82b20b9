package news.dispatch.article;

import news.dispatch.common.ApiEnum;

/** How a curated related article relates to the one that links it. */
public enum Relation implements ApiEnum {
    RELATED, BACKGROUND, FOLLOW_UP
}
