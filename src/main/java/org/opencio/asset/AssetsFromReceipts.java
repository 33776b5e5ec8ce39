package org.opencio.asset;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.procurement.GoodsReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Goods received on a purchase order become assets in stock, one per unit received. The event publication registry
 * keeps the event until this has run; a repeated event finds its units' assets and creates nothing again.
 */
@Component
class AssetsFromReceipts {

    private final AssetManagement assets;

    AssetsFromReceipts(AssetManagement assets) {
        this.assets = assets;
    }

    @ApplicationModuleListener
    void on(GoodsReceived event) {
        TenantContext.callInOrg(event.orgId(), () -> assets.receive(event.receiptId(), event.orderNumber(), event.vendorId(),
                event.receivedOn(), units(event)));
    }

    /** Whole units only: a fractional quantity (hours, licences by volume) is no piece of hardware. */
    static List<AssetManagement.ReceivedUnit> units(GoodsReceived event) {
        List<AssetManagement.ReceivedUnit> units = new ArrayList<>();
        for (GoodsReceived.Item item : event.items()) {
            int count = item.quantity().setScale(0, RoundingMode.DOWN).intValueExact();
            for (int i = 1; i <= Math.min(count, 1000); i++) {
                units.add(new AssetManagement.ReceivedUnit(item.orderLineId(), i, item.description(), item.unitPriceBase(), item.baseCurrency()));
            }
        }
        return units;
    }
}
