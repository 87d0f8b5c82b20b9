package news.dispatch.access;

import com.fasterxml.jackson.annotation.JsonValue;
import news.dispatch.common.ApiEnum;

import java.util.HashSet;
import java.util.Set;

/** Who is calling: anonymous readers, partner sites, the newsroom, administrators. Each includes the ones before. */
public enum Role implements ApiEnum {
    ANONYMOUS, PARTNER, EDITOR, ADMIN;

    /** Declared here (not only on ApiEnum) so the OpenAPI scanner finds the JSON spelling. */
    @Override
    @JsonValue
    public String value() {
        return ApiEnum.super.value();
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role names ({@link Roles}) a key of this role holds: its own, every one before it, and reading. */
    public Set<String> granted() {
        Set<String> names = new HashSet<>();
        if (this != ANONYMOUS) {
            names.add(Roles.READER);
            for (Role r : values()) {
                if (r != ANONYMOUS && atLeast(r)) {
                    names.add(r.value());
                }
            }
        }
        return Set.copyOf(names);
    }

    /**
     * The least role that holds one of these role names (of a {@code @RolesAllowed}); {@link Roles#READER} is anonymous
     * while public reading is on, otherwise partner. Null when none names a role.
     */
    static Role least(String[] names, boolean publicRead) {
        Role least = null;
        for (String name : names) {
            Role role = null;
            if (Roles.READER.equals(name)) {
                role = publicRead ? ANONYMOUS : PARTNER;
            } else {
                for (Role r : values()) {
                    if (r != ANONYMOUS && r.value().equals(name)) {
                        role = r;
                    }
                }
            }
            if (role != null && (least == null || least.atLeast(role))) {
                least = role;
            }
        }
        return least;
    }
}
