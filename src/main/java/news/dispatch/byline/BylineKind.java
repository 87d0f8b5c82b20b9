package news.dispatch.byline;

import news.dispatch.common.ApiEnum;

/** Whether a byline is a person or an organisation (an agency such as ESTA). */
public enum BylineKind implements ApiEnum {
    PERSON, ORGANISATION
}
