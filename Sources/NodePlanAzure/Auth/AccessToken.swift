/// A bearer token and when it stops being valid.
public struct AccessToken: Hashable, Sendable {
    public var value: String
    /// Seconds since the Unix epoch.
    public var expiresOn: Double

    public init(value: String, expiresOn: Double) {
        self.value = value
        self.expiresOn = expiresOn
    }
}
