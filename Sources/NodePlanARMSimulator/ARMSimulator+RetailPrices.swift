import Foundation

extension ARMSimulator {
    /// The retail prices API: items of the region named by `armRegionName eq '<region>'` in `$filter`,
    /// `retailPricesPageSize` per page, `NextPageLink` with `$skip` for the rest; 503 during an outage.
    func retailPrices(_ request: SimulatorRequest, state: SimulatorState) -> SimulatorResponse {
        if state.retailPricesOutage {
            return .json(503, ["error": ["code": "ServiceUnavailable", "message": "Retail prices are unavailable."]])
        }
        let filter = request.query["$filter"] ?? ""
        let region = Self.quotedValue(after: "armRegionName eq ", in: filter)
        let items = state.retailPrices.filter { region == nil || $0.armRegionName == region }
        let start = min(Int(request.query["$skip"] ?? "") ?? 0, items.count)
        let end = min(start + max(configuration.retailPricesPageSize, 1), items.count)
        var page: [String: Any] = ["BillingCurrency": "USD", "CustomerEntityId": "Default", "CustomerEntityType": "Retail",
                                   "Items": items[start..<end].map(\.json), "Count": end - start]
        if end < items.count {
            let encodedFilter = filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            page["NextPageLink"] = "http://\(request.headers["host"] ?? "127.0.0.1")/api/retail/prices?api-version="
                + "\(request.query["api-version"] ?? "")&$filter=\(encodedFilter)&$skip=\(end)"
        } else {
            page["NextPageLink"] = NSNull()
        }
        return .json(200, page)
    }

    private static func quotedValue(after marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        let rest = text[range.upperBound...]
        guard rest.first == "'", let close = rest.dropFirst().firstIndex(of: "'") else { return nil }
        return String(rest[rest.index(after: rest.startIndex)..<close])
    }
}
