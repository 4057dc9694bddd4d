/// One page of the retail prices API.
struct RetailPricePage: Decodable {
    struct Item: Decodable {
        var armSkuName: String?
        var retailPrice: Double?
        var unitPrice: Double?
        var skuName: String?
        var productName: String?
        var meterName: String?
    }

    var items: [Item]
    var nextPageLink: String?

    enum CodingKeys: String, CodingKey {
        case items = "Items", nextPageLink = "NextPageLink"
    }
}
