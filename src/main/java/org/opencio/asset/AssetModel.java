package org.opencio.asset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;

/** A product in the models catalogue: who makes it, what it is, how long it lasts and what it costs now. */
@Entity
@Table(name = "asset_models")
class AssetModel extends TenantEntity {

    @Column(nullable = false)
    private String manufacturer;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_type", nullable = false)
    private AssetType type;

    @Column(name = "lifetime_months", nullable = false)
    private int lifetimeMonths;

    private @Nullable BigDecimal price;

    private @Nullable String currency;

    protected AssetModel() {}

    AssetModel(String manufacturer, String name, AssetType type, int lifetimeMonths, @Nullable BigDecimal price, @Nullable String currency) {
        this.manufacturer = manufacturer.strip();
        this.name = name.strip();
        this.type = type;
        this.lifetimeMonths = lifetimeMonths;
        this.price = price;
        this.currency = price == null ? null : currency;
    }

    String label() {
        return manufacturer + " " + name;
    }

    int lifetimeMonths() {
        return lifetimeMonths;
    }

    AssetType type() {
        return type;
    }

    AssetModelView view() {
        return new AssetModelView(getId(), manufacturer, name, type, lifetimeMonths, price, currency, version());
    }
}
