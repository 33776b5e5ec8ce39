package org.opencio.procurement.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.security.Role;

/** The active members with some roles, by display name in alphabetical order: the choices of people pickers. */
final class People {

    private People() {}

    static Map<UUID, String> byName(MemberManagement members, List<Role> roles) {
        List<UUID> ids = new ArrayList<>();
        for (Role role : roles) {
            ids.addAll(members.activeAccounts(role));
        }
        Map<UUID, String> sorted = new LinkedHashMap<>();
        members.displayNames(ids).entrySet().stream()
                .sorted(Map.Entry.comparingByValue(String.CASE_INSENSITIVE_ORDER))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
