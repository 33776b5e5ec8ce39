package org.opencio.asset;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The facts of an asset that inventory agents report too. Once a person changes one by hand it is locked: agent
 * reports no longer overwrite it until a person unlocks it (GLPI's locked fields, without their surprises).
 */
public enum LockedField {
    NAME(Asset.Snapshot::name),
    TYPE(Asset.Snapshot::type),
    MODEL(Asset.Snapshot::modelId),
    SERIAL(Asset.Snapshot::serial);

    private final Function<Asset.Snapshot, @Nullable Object> value;

    LockedField(Function<Asset.Snapshot, @Nullable Object> value) {
        this.value = value;
    }

    @Nullable Object of(Asset.Snapshot snapshot) {
        return value.apply(snapshot);
    }

    /** The name in the column and the API: {@code name}, {@code type}, {@code model}, {@code serial}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fields named in a comma-separated list such as the column holds; unknown names are skipped. */
    public static EnumSet<LockedField> parseAll(@Nullable String csv) {
        EnumSet<LockedField> set = EnumSet.noneOf(LockedField.class);
        if (csv != null) {
            for (String name : csv.split(",")) {
                parse(name).ifPresent(set::add);
            }
        }
        return set;
    }

    public static Optional<LockedField> parse(@Nullable String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (LockedField field : values()) {
            if (field.key().equalsIgnoreCase(key.strip())) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
