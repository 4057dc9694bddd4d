/// `number` in decimal, left-padded with zeros to at least four digits (plan-local names).
func zeroPadded(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
