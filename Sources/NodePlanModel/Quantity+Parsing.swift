/// Why a quantity string was rejected.
public struct QuantityParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var input: String
    public var reason: String
    public var description: String { "invalid quantity \"\(input)\": \(reason)" }
}

extension Quantity {
    /// Parses a quantity exactly as Kubernetes does: an optionally signed decimal number followed
    /// by a binary suffix (Ki, Mi, Gi, Ti, Pi, Ei), a decimal suffix (n, u, m, k, M, G, T, P, E)
    /// or a decimal exponent (e3, E-2). Values are rounded up to milli precision, as Kubernetes
    /// does for requests and limits, and saturate at `Int64.max` milli-units.
    public init(parsing text: String) throws(QuantityParseError) {
        func fail(_ reason: String) -> QuantityParseError { QuantityParseError(input: text, reason: reason) }
        var bytes = Array(text.utf8)[...]
        guard !bytes.isEmpty else { throw fail("empty string") }

        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        // Mantissa: digits with at most one decimal point; trailing zeros after the point are dropped
        // so that long but exact decimals ("1.500000000000000000") still fit.
        var mantissa: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        var pendingZeros = 0
        while let byte = bytes.first, byte == UInt8(ascii: ".") || (byte >= 48 && byte <= 57) {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                guard !sawPoint else { throw fail("more than one decimal point") }
                sawPoint = true
                continue
            }
            sawDigit = true
            let digit = Int64(byte - 48)
            if sawPoint && digit == 0 { pendingZeros += 1; continue }
            for _ in 0..<(pendingZeros + 1) {
                let (scaled, overflow) = mantissa.multipliedReportingOverflow(by: 10)
                guard !overflow else { throw fail("too many significant digits") }
                mantissa = scaled
            }
            if sawPoint { fractionDigits += pendingZeros + 1 }
            pendingZeros = 0
            mantissa += digit
        }
        guard sawDigit else { throw fail("expected a number") }

        let suffix = String(decoding: bytes, as: UTF8.self)
        var binaryShift = 0
        var decimalExponent = 0
        switch suffix {
        case "": break
        case "Ki": binaryShift = 10
        case "Mi": binaryShift = 20
        case "Gi": binaryShift = 30
        case "Ti": binaryShift = 40
        case "Pi": binaryShift = 50
        case "Ei": binaryShift = 60
        case "n": decimalExponent = -9
        case "u": decimalExponent = -6
        case "m": decimalExponent = -3
        case "k": decimalExponent = 3
        case "M": decimalExponent = 6
        case "G": decimalExponent = 9
        case "T": decimalExponent = 12
        case "P": decimalExponent = 15
        case "E": decimalExponent = 18
        default:
            guard let first = suffix.first, first == "e" || first == "E",
                  let exponent = Int(suffix.dropFirst()), suffix.count > 1
            else { throw fail("unknown suffix \"\(suffix)\"") }
            guard abs(exponent) <= 40 else { throw fail("exponent out of range") }
            decimalExponent = exponent
        }

        // milli = mantissa × 2^binaryShift × 10^(decimalExponent + 3 − fractionDigits), rounded up.
        // Values beyond Int64 milli-units (over 8 PiB, or 9.2e15 CPUs) saturate: Kubernetes accepts
        // them, and they only ever serve as "effectively unlimited" limits.
        var numerator = mantissa
        var denominator: Int64 = 1
        var saturated = false
        func scale(by factor: Int64, times: Int) {
            for _ in 0..<times where !saturated {
                let (product, overflow) = numerator.multipliedReportingOverflow(by: factor)
                if overflow { saturated = true } else { numerator = product }
            }
        }
        scale(by: 2, times: binaryShift)
        let tens = decimalExponent + 3 - fractionDigits
        if tens >= 0 {
            scale(by: 10, times: tens)
        } else {
            for _ in 0..<(-tens) {
                // Past 10^18 every remaining non-zero numerator rounds up to one milli.
                if denominator > Int64.max / 10 { denominator = Int64.max; break }
                denominator *= 10
            }
        }
        var result = saturated ? Int64.max : numerator / denominator
        if !saturated && numerator % denominator != 0 { result += 1 }
        self.init(milli: negative ? -result : result)
    }
}

extension Quantity: CustomStringConvertible {
    /// A canonical Kubernetes spelling: whole values with the largest exact binary suffix when at
    /// least 1Ki, otherwise plain integers; fractional values in milli units ("1500m").
    public var description: String {
        guard milli % 1000 == 0 else { return "\(milli)m" }
        let whole = milli / 1000
        guard whole != 0 else { return "0" }
        for (shift, suffix) in [(60, "Ei"), (50, "Pi"), (40, "Ti"), (30, "Gi"), (20, "Mi"), (10, "Ki")]
        where whole.magnitude >= (UInt64(1) << UInt64(shift)) && whole % (Int64(1) << Int64(shift)) == 0 {
            return "\(whole >> Int64(shift))\(suffix)"
        }
        return "\(whole)"
    }
}

extension Quantity: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            self = .units(number)
        } else {
            self = try Quantity(parsing: container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
