package news.dispatch.tag;

import news.dispatch.common.ApiEnum;

/** What a tag names. */
public enum TagType implements ApiEnum {
    TOPIC, PERSON, PLACE, ORGANISATION
}
