/// A Kubernetes resource quantity held exactly, in thousandths of its base unit.
///
/// CPU is held in millicores, memory and storage in milli-bytes, counts (pods, GPUs) in
/// milli-units, so every quantity Kubernetes accepts for requests is representable without
/// rounding: Kubernetes itself rounds requests up to milli precision.
public struct Quantity: Hashable, Comparable, Sendable {
    /// The value in thousandths of the base unit (1 CPU = 1000, 1 byte = 1000).
    public var milli: Int64

    public init(milli: Int64) { self.milli = milli }

    public static let zero = Quantity(milli: 0)

    /// Whole base units: `Quantity.units(4)` is 4 CPUs, 4 bytes or 4 pods.
    public static func units(_ value: Int64) -> Quantity { Quantity(milli: value * 1000) }
    /// Millicores (or thousandths of any unit).
    public static func millis(_ value: Int64) -> Quantity { Quantity(milli: value) }
    public static func kibibytes(_ value: Int64) -> Quantity { .units(value << 10) }
    public static func mebibytes(_ value: Int64) -> Quantity { .units(value << 20) }
    public static func gibibytes(_ value: Int64) -> Quantity { .units(value << 30) }

    /// The value in whole base units, rounded up (Kubernetes' `Value()`).
    public var value: Int64 { milli >= 0 ? (milli + 999) / 1000 : milli / 1000 }
    /// The value as a floating-point number of base units, for display and cost models only.
    public var doubleValue: Double { Double(milli) / 1000 }
    public var isZero: Bool { milli == 0 }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milli < rhs.milli }
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(milli: lhs.milli &+ rhs.milli) }
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(milli: lhs.milli &- rhs.milli) }
    public static func += (lhs: inout Quantity, rhs: Quantity) { lhs.milli &+= rhs.milli }
    public static func -= (lhs: inout Quantity, rhs: Quantity) { lhs.milli &-= rhs.milli }
    public static func * (lhs: Quantity, rhs: Int64) -> Quantity { Quantity(milli: lhs.milli &* rhs) }
}
