package news.dispatch.access;

import news.dispatch.common.ApiEnum;

/** Who is calling: anonymous readers, partner sites, the newsroom, administrators. Each includes the ones before. */
public enum Role implements ApiEnum {
    ANONYMOUS, PARTNER, EDITOR, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
