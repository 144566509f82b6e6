package io.tally.gateway.route;

import java.util.List;

/** Paths of the API that one service owns and one kind of caller may use. */
public record ServiceRoute(String id, Backend backend, Access access, List<String> paths) {

    public ServiceRoute {
        paths = List.copyOf(paths);
    }

    public String[] pathArray() {
        return paths.toArray(String[]::new);
    }

    /** Anonymous routes are limited per client address, all others per subject. */
    public boolean limitedByAddress() {
        return access == Access.ANYONE;
    }
}
