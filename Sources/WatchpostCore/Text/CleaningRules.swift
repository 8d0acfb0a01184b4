import Foundation

/// The data the cleaners and the splitter read: marker phrases, class names, word lists,
/// abbreviations. Loaded from `Resources/text/` by `standard()`; tests build small ones by hand.
public struct CleaningRules: Sendable {
    public enum MarkerMatch: String, Sendable { case whole, start }
    public enum MarkerAction: String, Sendable { case rest, list, block, tweet }
    public struct Marker: Sendable, Hashable {
        public var words: [String]
        public var match: MarkerMatch
        public var action: MarkerAction
        public init(_ phrase: String, _ match: MarkerMatch, _ action: MarkerAction) {
            self.words = phrase.lowercased().split(separator: " ").map(String.init)
            self.match = match
            self.action = action
        }
    }
    public enum ClassAction: String, Sendable { case drop, rest }
    public enum AbbreviationClass: String, Sendable { case title, number, month, acronym, other }

    public var markers: [Marker] { didSet { markerIndex = MarkerIndex(markers) } }
    /// The markers by their first word: every block asks for its marker, and comparing its words
    /// with every marker's was most of the filter's String comparisons.
    private(set) var markerIndex: MarkerIndex
    public var classNames: [String: ClassAction]
    public var stopWords: Set<String> { didSet { featureWords = FeatureWords(stop: stopWords, widget: widgetWords) } }
    public var widgetWords: Set<String> { didSet { featureWords = FeatureWords(stop: stopWords, widget: widgetWords) } }
    /// The two sets by word id: every word of every block is looked up in both, so once in one table.
    private(set) var featureWords: FeatureWords
    /// Lower-cased, without the final period ("u.s", "lt", "no").
    public var abbreviations: [String: AbbreviationClass]

    public init(markers: [Marker] = [], classNames: [String: ClassAction] = [:], stopWords: Set<String> = [],
                widgetWords: Set<String> = [], abbreviations: [String: AbbreviationClass] = [:]) {
        self.markers = markers
        self.classNames = classNames
        self.stopWords = stopWords
        self.widgetWords = widgetWords
        self.featureWords = FeatureWords(stop: stopWords, widget: widgetWords)
        self.markerIndex = MarkerIndex(markers)
        self.abbreviations = abbreviations
    }

    /// Which markers a block may open with, by its first word, in the order of `markers`.
    struct MarkerIndex: Sendable {
        private var byFirstWord: [String: [Int]] = [:]
        /// Markers of no words (they match any block), kept apart so that every block tries them.
        private var wordless: [Int] = []

        init(_ markers: [Marker]) {
            for (i, m) in markers.enumerated() {
                if let first = m.words.first { byFirstWord[first, default: []].append(i) } else { wordless.append(i) }
            }
        }

        /// The indices of the markers whose first word is `first` (nil: a block of no words), and of
        /// the wordless ones, ascending: the markers a block starting so may match, in file order.
        func candidates(first: Substring?) -> [Int] {
            guard let first else { return wordless }
            // A `[String: ...]` lookup uses String equality, as the word-by-word comparison did.
            let found = byFirstWord[String(first)] ?? []
            return wordless.isEmpty ? found : (found + wordless).sorted()
        }
    }

    /// Stop and widget words interned together, so a block's word is hashed once for both questions.
    struct FeatureWords: Sendable {
        private let words: WordTable
        private let stop: [Bool]
        private let widget: [Bool]

        init(stop: Set<String>, widget: Set<String>) {
            words = WordTable(stop.union(widget))
            self.stop = words.marks(stop)
            self.widget = words.marks(widget)
        }

        /// Is `word` a stop word, a widget word?
        @inline(__always)
        func kinds(of word: String) -> (isStop: Bool, isWidget: Bool) {
            let id = words.id(of: word)
            return (stop[id: id, default: false], widget[id: id, default: false])
        }
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var description: String { "\(file):\(line): malformed line" }
    }

    /// The bundled rules (Resources/text/).
    public static func standard() throws -> CleaningRules {
        func lines(_ name: String) throws -> [(Int, [String])] {
            guard let url = BundledData.url("text/\(name)") else { throw LoadError(file: name, line: 0) }
            let text = try String(contentsOf: url, encoding: .utf8)
            return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { n, line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
                return (n + 1, line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) })
            }
        }
        var rules = CleaningRules()
        for (n, f) in try lines("section-markers.tsv") {
            guard f.count == 3, let m = MarkerMatch(rawValue: f[1]), let a = MarkerAction(rawValue: f[2]) else {
                throw LoadError(file: "section-markers.tsv", line: n)
            }
            rules.markers.append(Marker(f[0], m, a))
        }
        for (n, f) in try lines("boilerplate-classes.tsv") {
            guard f.count == 2, let a = ClassAction(rawValue: f[1]) else { throw LoadError(file: "boilerplate-classes.tsv", line: n) }
            rules.classNames[f[0].lowercased()] = a
        }
        for (n, f) in try lines("abbreviations.tsv") {
            guard f.count == 2, let c = AbbreviationClass(rawValue: f[1]) else { throw LoadError(file: "abbreviations.tsv", line: n) }
            rules.abbreviations[f[0].lowercased()] = c
        }
        rules.stopWords = Set(try lines("stopwords.txt").map { $0.1[0].lowercased() })
        rules.widgetWords = Set(try lines("widget-words.txt").map { $0.1[0].lowercased() })
        return rules
    }
}
