/// Maps UTF-8 offsets of a normalized text back to UTF-8 offsets of the raw text it came from.
///
/// Stored as segments, not one entry per byte, so that a 100 MB report costs a few arrays of
/// segment starts: a segment is either *copied* (raw and normalized bytes correspond one to one)
/// or *replaced* (an entity, a curly quote, an NFKC run, a collapsed space: the whole raw span
/// stands behind the whole normalized span). Raw text that was dropped (tags, zero-width spaces,
/// extra spaces) lies in the gaps between segments. The map is monotone: later normalized
/// positions never map to earlier raw positions.
public struct OffsetMap: Sendable, Hashable {
    var normStarts: [Int] = []
    var rawStarts: [Int] = []
    var rawEnds: [Int] = []
    var copied: [Bool] = []
    /// Length in bytes of the normalized text.
    public private(set) var normalizedCount = 0

    public init() {}

    /// Appends `count` normalized bytes copied from the raw bytes starting at `rawStart`.
    mutating func appendCopied(count: Int, rawStart: Int) {
        guard count > 0 else { return }
        if let last = copied.indices.last, copied[last], rawEnds[last] == rawStart {
            rawEnds[last] += count
        } else {
            normStarts.append(normalizedCount)
            rawStarts.append(rawStart)
            rawEnds.append(rawStart + count)
            copied.append(true)
        }
        normalizedCount += count
    }

    /// Appends `count` normalized bytes that stand for the raw span `raw` as a whole.
    mutating func appendReplaced(count: Int, raw: Range<Int>) {
        guard count > 0 else { return }
        normStarts.append(normalizedCount)
        rawStarts.append(raw.lowerBound)
        rawEnds.append(raw.upperBound)
        copied.append(false)
        normalizedCount += count
    }

    /// Removes the last `count` normalized bytes (used to trim a trailing space).
    mutating func removeLast(_ count: Int) {
        var left = count
        while left > 0, let last = normStarts.indices.last {
            let length = normalizedCount - normStarts[last]
            if length <= left {
                normStarts.removeLast(); rawStarts.removeLast(); rawEnds.removeLast(); copied.removeLast()
                normalizedCount -= length
                left -= length
            } else {
                if copied[last] { rawEnds[last] -= left }
                normalizedCount -= left
                left = 0
            }
        }
    }

    /// Index of the segment holding normalized byte `position` (clamped to the segments).
    private func segment(holding position: Int) -> Int {
        var lo = 0, hi = normStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if normStarts[mid] <= position { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The raw offset where the normalized text from `position` on begins.
    public func rawStart(_ position: Int) -> Int {
        guard !normStarts.isEmpty else { return 0 }
        if position >= normalizedCount { return rawEnds[rawEnds.count - 1] }
        let s = segment(holding: max(0, position))
        return copied[s] ? rawStarts[s] + (position - normStarts[s]) : rawStarts[s]
    }

    /// The raw offset where the normalized text up to `position` ends.
    public func rawEnd(_ position: Int) -> Int {
        guard !normStarts.isEmpty else { return 0 }
        if position <= 0 { return rawStarts[0] }
        let s = segment(holding: min(position, normalizedCount) - 1)
        return copied[s] ? rawStarts[s] + (min(position, normalizedCount) - normStarts[s]) : rawEnds[s]
    }

    /// The raw range behind a normalized range.
    public func rawRange(_ range: Range<Int>) -> Range<Int> {
        let lo = rawStart(range.lowerBound)
        return lo..<max(lo, rawEnd(range.upperBound))
    }
}
