package org.opencio.asset;

import java.util.Locale;

/** What kind of thing an asset is. */
public enum AssetType {
    LAPTOP,
    DESKTOP,
    SERVER,
    VIRTUAL_MACHINE,
    NETWORK_DEVICE,
    PHONE,
    MONITOR,
    PERIPHERAL;

    /** A best guess from a purchase order line's description, for assets made from goods received. */
    static AssetType guess(String description) {
        String d = description.toLowerCase(Locale.ROOT);
        if (d.contains("laptop") || d.contains("notebook") || d.contains("macbook") || d.contains("thinkpad")
                || d.contains("latitude") || d.contains("elitebook") || d.contains("xps")) {
            return LAPTOP;
        }
        if (d.contains("desktop") || d.contains("workstation")) {
            return DESKTOP;
        }
        if (d.contains("server")) {
            return SERVER;
        }
        if (d.contains("switch") || d.contains("router") || d.contains("firewall") || d.contains("access point")) {
            return NETWORK_DEVICE;
        }
        if (d.contains("phone")) {
            return PHONE;
        }
        if (d.contains("monitor") || d.contains("display") || d.contains("screen")) {
            return MONITOR;
        }
        return PERIPHERAL;
    }
}
