/// One item the simulated retail prices API lists.
public struct RetailPriceItem: Hashable, Sendable {
    public var armSkuName: String
    public var armRegionName: String
    public var retailPrice: Double
    /// `D2s v5`, or `D2s v5 Spot` for a spot meter.
    public var skuName: String
    /// E.g. `Virtual Machines DSv5 Series`, or `… Windows`.
    public var productName: String
    /// E.g. `D2s v5`, `D2s v5 Spot` or `D2s v5 Low Priority`.
    public var meterName: String

    public init(armSkuName: String, armRegionName: String, retailPrice: Double, skuName: String,
                productName: String = "Virtual Machines Series", meterName: String? = nil) {
        self.armSkuName = armSkuName
        self.armRegionName = armRegionName
        self.retailPrice = retailPrice
        self.skuName = skuName
        self.productName = productName
        self.meterName = meterName ?? skuName
    }

    var json: [String: Any] {
        ["armSkuName": armSkuName, "armRegionName": armRegionName, "retailPrice": retailPrice,
         "unitPrice": retailPrice, "skuName": skuName, "productName": productName, "meterName": meterName,
         "currencyCode": "USD", "type": "Consumption", "serviceName": "Virtual Machines",
         "serviceFamily": "Compute", "unitOfMeasure": "1 Hour", "isPrimaryMeterRegion": true]
    }
}
