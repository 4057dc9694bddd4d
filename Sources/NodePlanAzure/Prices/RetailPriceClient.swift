import Foundation
import NodePlanCatalog

/// The Azure retail prices API (no auth): Linux consumption prices of VM sizes in one region.
///
/// Queries like Karpenter Azure: `$filter=priceType eq 'Consumption' and currencyCode eq 'USD' and
/// serviceFamily eq 'Compute' and serviceName eq 'Virtual Machines' and armRegionName eq '<region>'`,
/// following `NextPageLink`. Windows products and `Low Priority` meters are skipped; a `skuName`
/// ending ` Spot` is a spot price, any other an on-demand price; where a size has several meters of
/// one kind, the lowest price is kept.
public struct RetailPriceClient: Sendable {
    /// Prices endpoint URL without query, e.g. `https://prices.azure.com/api/retail/prices`.
    public var endpoint: String
    public var apiVersion: String
    /// Stops a paging loop a broken server could cause.
    public var maximumPages: Int
    private let http: ARMClient

    public init(endpoint: String = "https://prices.azure.com/api/retail/prices", apiVersion: String = "2023-01-01-preview",
                transport: any HTTPTransport, clock: AzureClock = .system, retryPolicy: RetryPolicy = RetryPolicy(),
                maximumPages: Int = 1000) {
        self.endpoint = endpoint
        self.apiVersion = apiVersion
        self.maximumPages = maximumPages
        self.http = ARMClient(endpoint: "", transport: transport, tokens: nil, clock: clock, retryPolicy: retryPolicy)
    }

    /// Live prices of `region`.
    ///
    /// - Throws: `ARMError` when the API cannot be reached or answers with an error or garbage.
    public func prices(region: String) async throws -> RegionPrices {
        let filter = "priceType eq 'Consumption' and currencyCode eq 'USD' and serviceFamily eq 'Compute'"
            + " and serviceName eq 'Virtual Machines' and armRegionName eq '\(region)'"
        var next: String? = endpoint + "?" + URLEncoding.query([("api-version", apiVersion), ("$filter", filter)])
        var onDemand: [String: Double] = [:]
        var spot: [String: Double] = [:]
        var pages = 0
        while let pageURL = next {
            pages += 1
            guard pages <= maximumPages else {
                throw ARMError(status: nil, code: "TooManyPages", message: "retail prices: more than \(maximumPages) pages")
            }
            let response = try await http.send("GET", pageURL)
            try ARMClient.check(response)
            let page = try ARMClient.decode(RetailPricePage.self, from: response, what: "retail prices page \(pages)")
            for item in page.items {
                guard let size = item.armSkuName, !size.isEmpty, let price = item.retailPrice ?? item.unitPrice,
                      !(item.productName ?? "").hasSuffix(" Windows"), !(item.meterName ?? "").hasSuffix(" Low Priority")
                else { continue }
                if (item.skuName ?? "").hasSuffix(" Spot") {
                    spot[size] = min(spot[size] ?? price, price)
                } else {
                    onDemand[size] = min(onDemand[size] ?? price, price)
                }
            }
            next = page.nextPageLink.flatMap { $0.isEmpty ? nil : $0 }
        }
        return RegionPrices(region: region, onDemand: onDemand, spot: spot, source: .retailPrices)
    }

    /// Live prices laid over the built-in ones (sizes the API did not list keep the catalog's price),
    /// or the built-in prices alone when the API fails; `error` says why it fell back.
    public func pricesOrBuiltIn(region: String, catalog: AzureCatalog, spotPriceModel: SpotPriceModel = .standard) async
        -> (prices: RegionPrices, error: (any Error)?) {
        var prices = RegionPrices.builtIn(region: region, catalog: catalog, spotPriceModel: spotPriceModel)
        do {
            let live = try await self.prices(region: region)
            prices.onDemand.merge(live.onDemand) { _, live in live }
            prices.spot.merge(live.spot) { _, live in live }
            prices.source = .retailPrices
            return (prices, nil)
        } catch {
            return (prices, error)
        }
    }
}
